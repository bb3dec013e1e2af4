import type { WorkingTime } from '../../../engine/index.ts';
import { formatNumber } from '../../../engine/format/numbers.ts';
import { fill, type Lang, type Strings } from './strings.ts';

/** Vietnam is UTC+7 all year (no daylight saving): dates are shown in its local time. */
const VN_OFFSET_MS = 7 * 3_600_000;

const WEEKDAYS: Record<Lang, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A number with the language's separators (1.024.000 in Vietnamese, 1,024,000 in English). */
export { formatNumber };

/** An amount in đồng. */
export function formatVnd(value: number, s: Strings, lang: Lang): string {
  return fill(s.vnd, { amount: formatNumber(Math.round(value), lang, 0) });
}

/** A percentage change with its sign (−77,44 %). */
export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : '';
  return `${sign}${formatNumber(value, lang, 2)} %`;
}

/** A working time as officers say it: "3 ngày", "0,5 giờ", "Trong ngày". */
export function formatWorkingTime(
  time: WorkingTime | undefined,
  s: Strings,
  lang: Lang,
  deadline = false,
): string {
  if (!time) return '—';
  if ('workingDays' in time) {
    if (deadline && time.workingDays === 0) return s.withinDay;
    if (time.workingDays === 1) return s.dayShort1;
    return fill(s.daysShort, { n: formatNumber(time.workingDays, lang) });
  }
  return fill(s.hoursShort, { n: formatNumber(time.workingHours, lang) });
}

/** Working hours as days and hours (8-hour days): "2 ngày 4 giờ", "6 giờ". */
export function formatHours(hours: number, s: Strings, lang: Lang, hoursPerDay = 8): string {
  const days = Math.floor(hours / hoursPerDay + 1e-9);
  const rest = Math.round((hours - days * hoursPerDay) * 100) / 100;
  if (days === 0) return fill(s.hoursShort, { n: formatNumber(rest, lang) });
  if (rest === 0)
    return days === 1 ? s.dayShort1 : fill(s.daysShort, { n: formatNumber(days, lang) });
  return fill(s.daysAndHours, { d: formatNumber(days, lang), h: formatNumber(rest, lang) });
}

/** Parts of an instant in Vietnam local time. */
export function vnParts(instant: Date | string): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
} {
  const d = new Date(
    (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + VN_OFFSET_MS,
  );
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** "Thứ Hai, 02/03/2026 08:00" in Vietnam time. */
export function formatDateTime(instant: Date | string, lang: Lang, withWeekday = true): string {
  const p = vnParts(instant);
  const date = `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
  return withWeekday ? `${WEEKDAYS[lang][p.weekday]}, ${date}` : date;
}

/** "02/03/2026" for a local date string (yyyy-mm-dd) or an instant. */
export function formatDate(value: string | Date, lang: Lang, withWeekday = false): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    const text = `${pad(d)}/${pad(m)}/${y}`;
    return withWeekday ? `${WEEKDAYS[lang][weekday]} ${text}` : text;
  }
  const p = vnParts(value);
  const text = `${pad(p.day)}/${pad(p.month)}/${p.year}`;
  return withWeekday ? `${WEEKDAYS[lang][p.weekday]} ${text}` : text;
}

/** The value of an `<input type="datetime-local">` for an instant, in Vietnam time. */
export function toLocalInput(instant: Date | string): string {
  const p = vnParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of an `<input type="datetime-local">` value read as Vietnam time. */
export function fromLocalInput(value: string): Date | null {
  const ms = Date.parse(`${value}:00+07:00`);
  return Number.isFinite(ms) ? new Date(ms) : null;
}
