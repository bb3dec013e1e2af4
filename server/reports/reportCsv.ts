import { formatNumber } from '../../engine/index.ts';
import type { SummaryRow } from './summaryReport.ts';

/** A number as the screen shows it in Vietnamese: `1.234`, `50,5` (no trailing zeros). */
export function vnNumber(value: number, maxFraction: number): string {
  // The app's one number formatter, with a plain minus a spreadsheet reads.
  return formatNumber(value, 'vi', maxFraction, '-');
}

/**
 * The columns of the screen's report table, in its order and with its names; each percentage
 * beside its count as its own column (a spreadsheet computes with it).
 */
const COLUMNS: readonly [keyof SummaryRow, string, 'count' | 'percent'][] = [
  ['received', 'Tiếp nhận mới', 'count'],
  ['carriedOver', 'Kỳ trước', 'count'],
  ['resolved', 'Đã giải quyết', 'count'],
  ['resolvedPercent', 'Đã giải quyết (%)', 'percent'],
  ['early', 'Trước hạn', 'count'],
  ['onTime', 'Đúng hạn', 'count'],
  ['late', 'Trễ hạn', 'count'],
  ['refused', 'Từ chối', 'count'],
  ['withdrawn', 'Rút hồ sơ', 'count'],
  ['inProgress', 'Đang giải quyết', 'count'],
  ['overdue', 'Quá hạn', 'count'],
  ['awaitingSupplement', 'Chờ bổ sung', 'count'],
  ['online', 'Trực tuyến', 'count'],
  ['desk', 'Trực tiếp', 'count'],
  ['post', 'Bưu chính', 'count'],
  ['stopped', 'Dừng xử lý', 'count'],
  ['notYetDue', 'Chưa đến hạn', 'count'],
  ['earlyPercent', 'Trước hạn (%)', 'percent'],
  ['onTimePercent', 'Đúng hạn (%)', 'percent'],
  ['latePercent', 'Trễ hạn (%)', 'percent'],
];

/**
 * CSV of a report as the screen shows it: the group's name (a unit's or procedure's name, not
 * its id), the screen's column names, numbers with a decimal comma (so the cells are quoted).
 * UTF-8 with a BOM so spreadsheet programs read the Vietnamese.
 */
export function reportCsv(
  rows: readonly SummaryRow[],
  total: SummaryRow,
  label: (key: string) => string = (key) => key,
): string {
  const cell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [['Nhóm', ...COLUMNS.map(([, h]) => h)].map(cell).join(',')];
  const line = (r: SummaryRow, name: string) =>
    [name, ...COLUMNS.map(([k, , kind]) => vnNumber(Number(r[k]), kind === 'percent' ? 1 : 0))]
      .map(cell)
      .join(',');
  for (const r of rows) lines.push(line(r, label(r.key)));
  lines.push(line(total, 'Tổng cộng'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
