import {
  isWorkingDay,
  nextWorkingInstant,
  type WorkingCalendar,
} from '../../../../engine/index.ts';

/** A default receipt time: the next working morning, 08:00 Vietnam time. */
export function defaultStart(calendar: WorkingCalendar): string {
  const now = new Date();
  const local = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  let at = new Date(`${local}T08:00:00+07:00`);
  if (at.getTime() < now.getTime() || !isWorkingDay(calendar, at))
    at = nextWorkingInstant(calendar, new Date(at.getTime() + 86_400_000 - 3_600_000));
  return at.toISOString();
}
