import type { LocalizedText, UnitCatalog } from '../../../../engine/index.ts';
import type { TimelinessNow } from '../../api/dossiers.ts';
import type { StringKey, Strings } from '../../i18n/strings.ts';

type T = (text: LocalizedText | undefined, fallback?: string) => string;

/** The name of a unit of the catalog (its id when the catalog does not know it). */
export function unitName(catalog: UnitCatalog, id: string | null | undefined, t: T): string {
  if (!id) return '—';
  return t(catalog.units.find((u) => u.id === id)?.name, id);
}

/** The name of an officer role. */
export function roleName(catalog: UnitCatalog, id: string | null | undefined, t: T): string {
  if (!id) return '—';
  return t(catalog.roles.find((r) => r.id === id)?.name, id);
}

/** The dictionary key naming a timeliness class. */
export function timelinessKey(value: TimelinessNow): StringKey {
  switch (value) {
    case 'not-yet-due':
      return 't_notYetDue';
    case 'due-soon':
      return 't_dueSoon';
    case 'overdue':
      return 't_overdue';
    case 'paused':
      return 't_paused';
    case 'early':
      return 't_early';
    case 'on-time':
      return 't_onTime';
    case 'late':
      return 't_late';
    default: {
      const never: never = value;
      throw new Error(`unknown timeliness ${String(never)}`);
    }
  }
}

/** Today's local date in Vietnam (UTC+7) as YYYY-MM-DD. */
export function vnToday(now: number = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** How a document is submitted: original, copy, certified copy… (the kind itself when unknown). */
export function documentKind(kind: string, s: Strings): string {
  const key = `kind_${kind}`;
  return key in s ? s[key as StringKey] : kind;
}
