import { formatNumber, type WorkingTime } from '../../engine/index.ts';

/** Vietnam is UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** Parts of an instant in Vietnam local time. */
export function vnParts(instant: string | number | Date) {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** "08 giờ 30 phút, Thứ Hai, ngày 02/03/2026" in Vietnam time; "—" without an instant. */
export function vnDateTime(instant: string | number | null | undefined): string {
  if (instant === null || instant === undefined) return '—';
  const p = vnParts(instant);
  return `${pad(p.hour)} giờ ${pad(p.minute)} phút, ${WEEKDAYS[p.weekday]}, ngày ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "02/03/2026" for a local date (yyyy-mm-dd) or an instant. */
export function vnDate(value: string | number | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = vnParts(value);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "Xã Yên Sơn, ngày 02 tháng 03 năm 2026": the place and date line of a heading. */
export function placeDate(place: string, instant: string | number | Date): string {
  const p = vnParts(instant);
  return `${place}, ngày ${pad(p.day)} tháng ${pad(p.month)} năm ${p.year}`;
}

/** A legal processing time in words: "Trong ngày", "15 ngày làm việc", "4 giờ làm việc". */
export function vnWorkingTime(time: WorkingTime): string {
  if ('workingDays' in time)
    return time.workingDays === 0
      ? 'Trong ngày'
      : `${formatNumber(time.workingDays, 'vi')} ngày làm việc`;
  return `${formatNumber(time.workingHours, 'vi')} giờ làm việc`;
}

/** The place of a heading from a unit's name: "Ủy ban nhân dân xã Yên Sơn" → "Yên Sơn". */
export function placeOf(unitName: string): string {
  const m = /(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+(.+)$/i.exec(unitName);
  return m ? m[1]! : unitName;
}
