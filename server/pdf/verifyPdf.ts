import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { DOSSIER_KEYWORD, KIND_KEYWORD } from './documentWriter.ts';

/** Why a document is not valid, in both languages. */
export interface VerifyProblem {
  readonly code:
    | 'not-pdf'
    | 'not-signed'
    | 'malformed-signature'
    | 'changed'
    | 'partial-coverage'
    | 'bad-signature'
    | 'untrusted'
    | 'expired';
  readonly message: { readonly vi: string; readonly en: string };
}

/** The answer of a verification: valid or not, who signed, when, for which dossier. */
export interface VerifyResult {
  readonly signed: boolean;
  /** Signed, unchanged, the signature checks out and the certificate is trusted. */
  readonly valid: boolean;
  /** The signed bytes are those of the file: nothing changed since signing. */
  readonly unchanged: boolean;
  readonly trusted: boolean;
  readonly signer: {
    readonly name: string | null;
    readonly organization: string | null;
    readonly serialNumber: string;
    readonly issuer: string | null;
    readonly validFrom: string;
    readonly validTo: string;
  } | null;
  readonly signedAt: string | null;
  readonly dossierCode: string | null;
  readonly documentKind: string | null;
  readonly title: string | null;
  readonly problems: readonly VerifyProblem[];
}

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const PROBLEMS: Record<VerifyProblem['code'], VerifyProblem['message']> = {
  'not-pdf': { vi: 'Tệp không phải là PDF.', en: 'The file is not a PDF.' },
  'not-signed': { vi: 'Văn bản không có chữ ký số.', en: 'The document has no digital signature.' },
  'malformed-signature': {
    vi: 'Chữ ký số trong văn bản bị hỏng, không đọc được.',
    en: 'The signature in the document is damaged and cannot be read.',
  },
  changed: {
    vi: 'Văn bản đã bị thay đổi sau khi ký.',
    en: 'The document was changed after it was signed.',
  },
  'partial-coverage': {
    vi: 'Văn bản có phần được thêm vào sau khi ký.',
    en: 'Something was added to the document after it was signed.',
  },
  'bad-signature': {
    vi: 'Chữ ký không khớp với chứng thư số.',
    en: 'The signature does not match the certificate.',
  },
  untrusted: {
    vi: 'Chứng thư số không do tổ chức chứng thực được tin cậy cấp.',
    en: 'The certificate was not issued by a trusted certification authority.',
  },
  expired: {
    vi: 'Chứng thư số không còn hiệu lực tại thời điểm ký.',
    en: 'The certificate was not valid at the signing time.',
  },
};

const problem = (code: VerifyProblem['code']): VerifyProblem => ({
  code,
  message: PROBLEMS[code],
});

function unsigned(code: VerifyProblem['code'], meta: Meta = EMPTY_META): VerifyResult {
  return {
    signed: code !== 'not-pdf' && code !== 'not-signed',
    valid: false,
    unchanged: false,
    trusted: false,
    signer: null,
    signedAt: null,
    ...meta,
    problems: [problem(code)],
  };
}

interface Meta {
  readonly dossierCode: string | null;
  readonly documentKind: string | null;
  readonly title: string | null;
}
const EMPTY_META: Meta = { dossierCode: null, documentKind: null, title: null };

/** The dossier code and kind motcua wrote into the signed revision's keywords. */
async function readMeta(bytes: Uint8Array): Promise<Meta> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    const words = (doc.getKeywords() ?? '').split(/\s+/);
    const pick = (prefix: string) =>
      words.find((w) => w.startsWith(prefix))?.slice(prefix.length) ?? null;
    return {
      dossierCode: pick(DOSSIER_KEYWORD),
      documentKind: pick(KIND_KEYWORD),
      title: doc.getTitle() ?? null,
    };
  } catch {
    return EMPTY_META;
  }
}

const fieldOf = (cert: forge.pki.Certificate, who: 'subject' | 'issuer', name: string) => {
  const v = cert[who].getField(name)?.value;
  return typeof v === 'string' ? forge.util.decodeUtf8(v) : null;
};

/**
 * Verify the last signature of a PDF on our own: the ByteRange must cover the whole file but the
 * signature, the digest of those bytes must equal the CMS's messageDigest, the signer's RSA/ECDSA
 * signature over the signed attributes must check with its certificate, and that certificate must
 * chain to one of the trusted CA certificates and be valid at the signing time. `trustedPem` are
 * the CA certificates (`SIGNING_DIR/trust`).
 */
export async function verifyPdf(
  file: Uint8Array,
  trustedPem: readonly string[],
): Promise<VerifyResult> {
  try {
    return await verifyLastSignature(file, trustedPem);
  } catch {
    // A damaged signature or a certificate the parsers do not read (e.g. ECDSA in node-forge):
    // an answer, never a 500.
    return unsigned('malformed-signature', await readMeta(file));
  }
}

async function verifyLastSignature(
  file: Uint8Array,
  trustedPem: readonly string[],
): Promise<VerifyResult> {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') return unsigned('not-pdf');
  const text = buf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return unsigned('not-signed', await readMeta(file));
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d > buf.length || buf[b] !== 0x3c || buf[c - 1] !== 0x3e)
    return unsigned('malformed-signature', await readMeta(file));
  const signedEnd = c + d;
  const meta = await readMeta(buf.subarray(0, signedEnd));

  let p7: ReturnType<typeof forge.pkcs7.messageFromAsn1>;
  let signerInfo: forge.asn1.Asn1;
  try {
    const der = Buffer.from(buf.subarray(b + 1, c - 1).toString('latin1'), 'hex');
    // The hex placeholder is padded with zeros after the DER: parse the first object only.
    const fromDer = forge.asn1.fromDer as unknown as (
      bytes: forge.util.ByteBuffer,
      options: { parseAllBytes: boolean },
    ) => forge.asn1.Asn1;
    const asn1 = fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false });
    p7 = forge.pkcs7.messageFromAsn1(asn1);
    signerInfo = (p7 as unknown as { rawCapture: { signerInfos: forge.asn1.Asn1[] } }).rawCapture
      .signerInfos[0]!;
  } catch {
    return unsigned('malformed-signature', meta);
  }
  const parts = signerInfo.value as forge.asn1.Asn1[];
  const sid = parts[1]!.value as forge.asn1.Asn1[];
  const serial = forge.util.bytesToHex(sid[1]!.value as string);
  const digestOid = forge.asn1.derToOid((parts[2]!.value as forge.asn1.Asn1[])[0]!.value as string);
  const attrs = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signatureNode = parts.find(
    (p, i) =>
      i > 2 && p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING,
  );
  const digestName = DIGESTS[digestOid];
  const certs = (p7 as unknown as { certificates: forge.pki.Certificate[] }).certificates ?? [];
  const cert = certs.find((x) => x.serialNumber.replace(/^0+/, '') === serial.replace(/^0+/, ''));
  if (!attrs || !signatureNode || !digestName || !cert)
    return unsigned('malformed-signature', meta);

  let messageDigest: string | undefined;
  let signingTime: Date | undefined;
  for (const attr of attrs.value as forge.asn1.Asn1[]) {
    const [oidNode, setNode] = attr.value as forge.asn1.Asn1[];
    const oid = forge.asn1.derToOid(oidNode!.value as string);
    const value = (setNode!.value as forge.asn1.Asn1[])[0]!;
    if (oid === OID.messageDigest) messageDigest = forge.util.bytesToHex(value.value as string);
    if (oid === OID.signingTime)
      signingTime =
        value.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(value.value as string)
          : forge.asn1.generalizedTimeToDate(value.value as string);
  }

  const problems: VerifyProblem[] = [];
  const digest = createHash(digestName)
    .update(buf.subarray(a, b))
    .update(buf.subarray(c, signedEnd))
    .digest('hex');
  const digestMatches = digest === messageDigest;
  if (!digestMatches) problems.push(problem('changed'));
  const wholeFile = signedEnd === buf.length;
  if (!wholeFile) problems.push(problem('partial-coverage'));

  // The signature covers the DER of the signed attributes as a SET (tag 0x31, not [0]).
  const attrsDer = Buffer.from(forge.asn1.toDer(attrs).getBytes(), 'binary');
  attrsDer[0] = 0x31;
  const certPem = forge.pki.certificateToPem(cert);
  const x509 = new X509Certificate(certPem);
  let signatureOk: boolean;
  try {
    signatureOk = verifySignature(
      digestName,
      attrsDer,
      x509.publicKey,
      Buffer.from(signatureNode.value as string, 'binary'),
    );
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) problems.push(problem('bad-signature'));

  const trusted = chainsToTrusted(
    x509,
    certs.map((x) => new X509Certificate(forge.pki.certificateToPem(x))),
    trustedPem.map((p) => new X509Certificate(p)),
  );
  if (!trusted) problems.push(problem('untrusted'));
  const at = signingTime ?? new Date();
  if (at < new Date(x509.validFrom) || at > new Date(x509.validTo))
    problems.push(problem('expired'));

  return {
    signed: true,
    valid: problems.length === 0,
    unchanged: digestMatches && wholeFile,
    trusted,
    signer: {
      name: fieldOf(cert, 'subject', 'CN'),
      organization: fieldOf(cert, 'subject', 'O'),
      serialNumber: cert.serialNumber,
      issuer: fieldOf(cert, 'issuer', 'CN'),
      validFrom: new Date(x509.validFrom).toISOString(),
      validTo: new Date(x509.validTo).toISOString(),
    },
    signedAt: signingTime?.toISOString() ?? null,
    ...meta,
    problems,
  };
}

/** Whether `leaf` chains (through `pool`) to one of `anchors`, each link's signature checked. */
function chainsToTrusted(
  leaf: X509Certificate,
  pool: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): boolean {
  let current = leaf;
  for (let depth = 0; depth < 6; depth++) {
    const anchor = anchors.find((t) => current.checkIssued(t) && current.verify(t.publicKey));
    if (anchor) return true;
    if (anchors.some((t) => t.fingerprint256 === current.fingerprint256)) return true;
    const parent = pool.find(
      (p) => p !== current && p.fingerprint256 !== current.fingerprint256 && current.checkIssued(p),
    );
    if (!parent || !current.verify(parent.publicKey)) return false;
    current = parent;
  }
  return false;
}
