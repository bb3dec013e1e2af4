import { P12Signer } from '@signpdf/signer-p12';

/**
 * What signs a document: given the bytes the signature covers (the PDF with its ByteRange set
 * and the signature's Contents left out) and the signing time of the server clock, it returns a
 * detached CMS SignedData (DER) that `@signpdf/signpdf` writes into the PDF. The embedded
 * default signs with a PKCS#12 key file; a remote signing service or an HSM implements the same
 * method (send the bytes or their SHA-256, get the CMS back) and is returned by `SigningKeys`.
 */
export interface DocumentSigner {
  sign(bytes: Buffer, signingTime?: Date): Promise<Buffer>;
}

/** The embedded signer: a PKCS#12 file (key + certificate chain) and its passphrase. */
export function p12Signer(p12: Uint8Array, passphrase: string): DocumentSigner {
  return new P12Signer(Buffer.from(p12), { passphrase });
}
