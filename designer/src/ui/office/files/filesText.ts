import { formatNumber } from '../../../../../engine/format/numbers.ts';
import { fill as fillIn, type Lang } from '../../../i18n/strings.ts';
import { useI18n } from '../../I18n.tsx';

/** The dossier files' texts, Vietnamese first (same keys in both languages). */
const vi = {
  filesTitle: 'Tệp hồ sơ điện tử',
  scanFor: 'Tệp quét: {doc}',
  attachHint: 'PDF, JPEG hoặc PNG; loại tệp được kiểm tra theo nội dung.',
  uploading: 'Đang tải lên…',
  remove: 'Bỏ tệp {name}',
  paperOnly: 'Chỉ bản giấy — chưa số hóa',
  digitised: 'Đã số hóa',
  notSubmitted: 'Chưa nộp',
  open: 'Mở',
  download: 'Tải về',
  noFiles: 'Chưa có tệp.',
  otherPapers: 'Tài liệu khác (biên bản, ý kiến…)',
  results: 'Kết quả giải quyết',
  reuseTitle: 'Giấy tờ đã số hóa của công dân',
  reuseHint: 'Không yêu cầu nộp lại giấy tờ đã được số hóa: đính kèm bản đã có.',
  reuseNone: 'Công dân chưa có giấy tờ số hóa nào trong hệ thống.',
  reuseFrom: 'hồ sơ {code}',
  reuseAs: 'Dùng cho giấy tờ',
  reuse: 'Dùng lại',
  reused: 'dùng lại từ hồ sơ khác',
  attachTitle: 'Đính kèm tệp',
  attachDocument: 'Thuộc giấy tờ',
  attachOther: 'Tài liệu khác',
  attachResult: 'Kết quả',
  attachTitleLabel: 'Tên tài liệu',
  attachFile: 'Chọn tệp',
  attachWith: 'Gửi kèm thao tác',
  attachSend: 'Gửi tệp kèm thao tác',
  attachSent: 'Đã đính kèm {n} tệp.',
  attachTitleRequired: 'Nhập tên tài liệu.',
  tooLarge: 'Tệp quá lớn: {message}',
  badType: 'Loại tệp không được nhận (chỉ PDF, JPEG, PNG — kiểm tra theo nội dung): {name}',
  digitisationTitle: 'Số hóa hồ sơ, kết quả',
  colKey: 'Đơn vị / thủ tục',
  colReceived: 'Tiếp nhận',
  colDigitised: 'Số hóa khi tiếp nhận',
  colResults: 'Kết quả số hóa',
  colReused: 'Giấy tờ dùng lại',
  byUnit: 'Theo đơn vị',
  byProcedure: 'Theo thủ tục',
  total: 'Tổng',
};

const en: typeof vi = {
  filesTitle: 'Electronic dossier files',
  scanFor: 'Scan: {doc}',
  attachHint: 'PDF, JPEG or PNG; the type is checked from the content.',
  uploading: 'Uploading…',
  remove: 'Remove {name}',
  paperOnly: 'Paper only — not digitised',
  digitised: 'Digitised',
  notSubmitted: 'Not submitted',
  open: 'Open',
  download: 'Download',
  noFiles: 'No files yet.',
  otherPapers: 'Other papers (reports, opinions…)',
  results: 'Result',
  reuseTitle: "The citizen's digitised documents",
  reuseHint: 'Documents already digitised are not asked again: attach the existing copy.',
  reuseNone: 'The citizen has no digitised documents in the system yet.',
  reuseFrom: 'dossier {code}',
  reuseAs: 'Use for document',
  reuse: 'Reuse',
  reused: 'reused from another dossier',
  attachTitle: 'Attach files',
  attachDocument: 'Document',
  attachOther: 'Other paper',
  attachResult: 'Result',
  attachTitleLabel: 'Title of the paper',
  attachFile: 'Choose a file',
  attachWith: 'Send with the action',
  attachSend: 'Send the files with the action',
  attachSent: '{n} file(s) attached.',
  attachTitleRequired: 'Enter the title of the paper.',
  tooLarge: 'The file is too large: {message}',
  badType: 'File type not accepted (only PDF, JPEG, PNG — checked from the content): {name}',
  digitisationTitle: 'Digitisation of dossiers and results',
  colKey: 'Unit / procedure',
  colReceived: 'Received',
  colDigitised: 'Digitised at reception',
  colResults: 'Results digitised',
  colReused: 'Documents reused',
  byUnit: 'By unit',
  byProcedure: 'By procedure',
  total: 'Total',
};

/** The files' texts in the chosen language, and `fill` for their `{placeholders}`. */
export function useFilesText() {
  const { lang } = useI18n();
  const x = lang === 'en' ? en : vi;
  const fill = (template: string, params: Record<string, string | number>) =>
    fillIn(template, params, lang);
  return { x, fill, lang };
}

/** Bytes as kB / MB, with the language's decimal mark (1,5 MB). */
export function formatSize(bytes: number, lang: Lang): string {
  return bytes < 1_048_576
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} kB`
    : `${formatNumber(bytes / 1_048_576, lang, 1)} MB`;
}
