import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PDFDocument } from 'pdf-lib';
import type { DocumentSigner } from './signer.ts';

/** What the signature dictionary says (shown by PDF readers). */
export interface SignatureInfo {
  readonly name: string;
  readonly reason: string;
  readonly location: string;
  readonly contactInfo: string;
}

/**
 * Sign a finished document (PAdES-style: a detached CMS with SubFilter ETSI.CAdES.detached over
 * the whole file but the signature itself): add the signature field and placeholder with
 * pdf-lib, save without object streams, and let `@signpdf/signpdf` fill in the CMS made by the
 * signer. `signingTime` is the server clock, written both in the CMS and the dictionary's /M.
 */
export async function signPdf(
  doc: PDFDocument,
  signer: DocumentSigner,
  info: SignatureInfo,
  signingTime: Date,
): Promise<Buffer> {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    ...info,
    signingTime,
    signatureLength: 16_384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'motcua',
  });
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(bytes, signer, signingTime);
}
