import type { Lang } from '../../i18n/strings.ts';

/** The words of the verification page and the PDF links, in both languages (same keys). */
const vi = {
  title: 'Xác minh văn bản điện tử',
  intro:
    'Chọn tệp PDF (kết quả giải quyết hoặc phiếu) để kiểm tra chữ ký số: ai ký, ký lúc nào, cho hồ sơ nào và văn bản có bị thay đổi sau khi ký không.',
  file: 'Tệp PDF',
  submit: 'Kiểm tra',
  working: 'Đang kiểm tra…',
  valid: 'Chữ ký số hợp lệ',
  invalid: 'Văn bản không hợp lệ',
  unsigned: 'Văn bản không có chữ ký số',
  signer: 'Người ký',
  organization: 'Cơ quan',
  issuer: 'Tổ chức cấp chứng thư',
  signedAt: 'Thời điểm ký',
  dossier: 'Mã hồ sơ',
  document: 'Văn bản',
  unchanged: 'Nội dung',
  unchangedYes: 'Không thay đổi kể từ khi ký',
  unchangedNo: 'Đã bị thay đổi sau khi ký',
  trusted: 'Chứng thư số',
  trustedYes: 'Do tổ chức được tin cậy cấp',
  trustedNo: 'Không được tin cậy',
  otherDossier: 'Văn bản này thuộc hồ sơ {code}, không phải hồ sơ {expected} của mã QR.',
  failed: 'Không kiểm tra được tệp. Thử lại sau.',
  pdfTitle: 'Văn bản PDF',
  pdfResult: 'Kết quả giải quyết (PDF có chữ ký số)',
  pdfSlip: '{slip} (PDF)',
  verifyLink: 'Xác minh một văn bản',
  officerSignIn: 'Cán bộ đăng nhập',
};
const en: typeof vi = {
  title: 'Verify an electronic document',
  intro:
    'Choose a PDF (a result or a slip) to check its digital signature: who signed, when, for which dossier, and whether the document changed after signing.',
  file: 'PDF file',
  submit: 'Verify',
  working: 'Verifying…',
  valid: 'The digital signature is valid',
  invalid: 'The document is not valid',
  unsigned: 'The document has no digital signature',
  signer: 'Signed by',
  organization: 'Organization',
  issuer: 'Certificate issued by',
  signedAt: 'Signed at',
  dossier: 'Dossier code',
  document: 'Document',
  unchanged: 'Content',
  unchangedYes: 'Unchanged since signing',
  unchangedNo: 'Changed after signing',
  trusted: 'Certificate',
  trustedYes: 'Issued by a trusted authority',
  trustedNo: 'Not trusted',
  otherDossier:
    'This document belongs to dossier {code}, not to dossier {expected} of the QR code.',
  failed: 'The file could not be checked. Try again later.',
  pdfTitle: 'PDF documents',
  pdfResult: 'Result (digitally signed PDF)',
  pdfSlip: '{slip} (PDF)',
  verifyLink: 'Verify a document',
  officerSignIn: 'Officer sign-in',
};

/** The verification words of a language. */
export function verifyText(lang: Lang): typeof vi {
  return lang === 'en' ? en : vi;
}
