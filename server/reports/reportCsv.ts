import type { SummaryRow } from './summaryReport.ts';

/** CSV of a report, with Vietnamese headers (UTF-8 with BOM so spreadsheet programs read it). */
export function reportCsv(rows: readonly SummaryRow[], total: SummaryRow): string {
  const headers: [keyof SummaryRow, string][] = [
    ['key', 'Nhóm'],
    ['received', 'Tiếp nhận mới'],
    ['online', 'Trực tuyến'],
    ['desk', 'Trực tiếp'],
    ['post', 'Bưu chính'],
    ['carriedOver', 'Kỳ trước chuyển qua'],
    ['resolved', 'Đã giải quyết'],
    ['resolvedPercent', 'Tỷ lệ giải quyết (%)'],
    ['early', 'Trước hạn'],
    ['earlyPercent', 'Trước hạn (%)'],
    ['onTime', 'Đúng hạn'],
    ['onTimePercent', 'Đúng hạn (%)'],
    ['late', 'Quá hạn'],
    ['latePercent', 'Quá hạn (%)'],
    ['refused', 'Từ chối'],
    ['withdrawn', 'Rút hồ sơ'],
    ['stopped', 'Dừng xử lý'],
    ['inProgress', 'Đang giải quyết'],
    ['notYetDue', 'Chưa đến hạn'],
    ['overdue', 'Quá hạn chưa giải quyết'],
    ['awaitingSupplement', 'Chờ bổ sung'],
  ];
  const cell = (v: unknown) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [headers.map(([, h]) => h).join(',')];
  for (const r of [...rows, { ...total, key: 'Tổng cộng' }])
    lines.push(headers.map(([k]) => cell(r[k])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
