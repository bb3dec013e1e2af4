/**
 * Dates as Vietnamese offices write them, day first (dd/mm/yyyy), whatever the browser's language:
 * a browser set to English would show its own date field as mm/dd/yyyy, and 02/03 would be read
 * the wrong way round.
 */

import { formatDate } from '../../i18n/format.ts';

/** `yyyy-mm-dd` → `dd/mm/yyyy` (the app's date format); anything else, typed, as it is. */
export function vnDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso, 'vi') : iso;
}

/**
 * A typed date → `yyyy-mm-dd`, or undefined when it is not a date that exists. Day first, with
 * `/`, `-` or `.` between the parts (`5/3/2026`, `05-03-2026`); `yyyy-mm-dd` is understood too.
 */
export function parseVnDate(text: string): string | undefined {
  const t = text.trim();
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [day, month, year] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1000 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}
