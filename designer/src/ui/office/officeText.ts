import type { LocalizedText, UnitCatalog } from '../../../../engine/index.ts';
import type { TimelinessNow } from '../../api/dossiers.ts';
import { fill, type StringKey, type Strings } from '../../i18n/strings.ts';

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

/**
 * The name of a history event: the procedure's own event name, the reception, or one of the
 * engine's deadline warnings (`motcua.*`) by its name in the officer's language, never the key.
 */
export function historyEventName(
  h: { type: string; name: LocalizedText | null; payload: unknown },
  stepName: (id: string) => string | undefined,
  s: Strings,
  t: T,
): string {
  if (h.name) return t(h.name, h.type);
  switch (h.type) {
    case 'motcua.received':
      return s.receivedEvent;
    case 'motcua.dossierDueSoon':
      return s.ev_dossierDueSoon;
    case 'motcua.dossierOverdue':
      return s.ev_dossierOverdue;
    case 'motcua.stepOverdue': {
      const id = (h.payload as { step?: unknown; data?: { step?: unknown } } | null) ?? {};
      const step = typeof id.step === 'string' ? id.step : id.data?.step;
      const name = typeof step === 'string' ? stepName(step) : undefined;
      return name ? fill(s.ev_stepOverdueOf, { step: name }) : s.ev_stepOverdue;
    }
    default:
      return h.type.startsWith('motcua.') ? s.ev_system : h.type;
  }
}

/** Whether a history event is one of the engine's deadline warnings. */
export function isWarningEvent(type: string): boolean {
  return /^motcua\.(dossierDueSoon|dossierOverdue|stepOverdue)$/.test(type);
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
