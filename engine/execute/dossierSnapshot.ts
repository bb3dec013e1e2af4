import type {
  Channel,
  LocalizedText,
  Outcome,
  PauseReason,
  WorkingTime,
} from '../format/primitives.ts';
import type { SlipKind } from '../registry/actions.ts';
import type { DossierContext, DossierEvent } from '../compile/compileProcedure.ts';
import type { Timeliness } from '../calendar/index.ts';

/** The legal clock (thời hạn giải quyết) of a dossier. Instants are ISO 8601 strings. */
export interface ClockState {
  readonly status: 'not-started' | 'running' | 'paused' | 'stopped';
  /** When the complete dossier was accepted and the clock started. */
  readonly acceptedAt?: string;
  /** The appointment date in force (ngày hẹn trả), after any extension or pause. */
  readonly due?: string;
  /** The appointment date first given, kept for reporting after an apology/extension. */
  readonly originalDue?: string;
  readonly pausedAt?: string;
  readonly pauses: readonly {
    readonly from: string;
    readonly to?: string;
    /** Why the clock stood still (absent: a supplement, as before reasons were declared). */
    readonly reason?: PauseReason;
  }[];
  readonly extensions: readonly {
    readonly at: string;
    readonly from: string;
    readonly to: string;
  }[];
  /**
   * The deadline variant chosen at acceptance (`deadlineVariants[].id`); absent: the procedure's
   * `deadline` applies.
   */
  readonly variant?: string;
  /**
   * Lawful extensions applied (gia hạn theo luật định): each moved the legal deadline itself
   * (`originalDue` too), so a dossier resolved within it is on time.
   */
  readonly lawfulExtensions?: readonly {
    readonly id: string;
    readonly at: string;
    readonly by: WorkingTime;
    readonly from: string;
    readonly to: string;
  }[];
}

/** An active step with when it was entered and when its internal time budget runs out. */
export interface ActiveStep {
  readonly enteredAt: string;
  readonly due?: string;
  /** The step waits for the applicant (its clock is paused): counted as awaiting a supplement. */
  readonly waiting?: boolean;
  /** Why it waits, when the step declares a reason other than the default (a supplement). */
  readonly pause?: PauseReason;
  /** When the step's first delayed (`after`) transition fires, if it has one. */
  readonly timerAt?: string;
}

/** The XState part of a dossier's snapshot, as persisted (plain JSON). */
export interface PersistedMachine {
  readonly value: unknown;
  readonly context: DossierContext;
  readonly status: 'active' | 'done' | 'error' | 'stopped';
}

/** Everything the runtime stores about a dossier between events; round-trips through JSON. */
export interface DossierSnapshot {
  readonly procedureId: string;
  readonly machine: PersistedMachine;
  readonly status: 'active' | 'done';
  readonly channel: Channel;
  readonly receivedAt: string;
  readonly clock: ClockState;
  /** Active steps by state id. */
  readonly steps: Readonly<Record<string, ActiveStep>>;
  readonly outcome?: Outcome;
  readonly completedAt?: string;
  readonly timeliness?: Timeliness;
  /** Number of events applied since the start. */
  readonly sequence: number;
}

/** A side effect decided by the engine, carried out by the runtime in the same transaction. */
export type Effect =
  | {
      readonly kind: 'schedule-timer';
      readonly id: string;
      readonly at: string;
      readonly event: DossierEvent;
    }
  | { readonly kind: 'cancel-timer'; readonly id: string }
  | {
      readonly kind: 'issue-slip';
      readonly slip: SlipKind;
      readonly step?: string;
      readonly due?: string;
      /** The officer's reason, printed on refusals, supplement requests, apologies… */
      readonly reason?: string;
    }
  | {
      readonly kind: 'notify';
      readonly audience: 'applicant' | 'unit';
      readonly message: LocalizedText;
      readonly unit?: string;
      /** The role within the unit the notice is meant for (the bell shows it to the unit). */
      readonly role?: string;
      readonly step?: string;
    }
  | {
      readonly kind: 'step-exited';
      readonly step: string;
      readonly unit: string | undefined;
      readonly role: string | undefined;
      readonly enteredAt: string;
      readonly exitedAt: string;
      readonly due: string | undefined;
      readonly late: boolean;
    }
  | {
      readonly kind: 'clock';
      readonly change:
        'started' | 'paused' | 'resumed' | 'extended' | 'extended-lawfully' | 'stopped';
      readonly due?: string;
    };

/** The result of starting a dossier or applying an event. */
export interface Transition {
  readonly snapshot: DossierSnapshot;
  readonly effects: readonly Effect[];
}

/** Timer ids the executor uses for the legal clock's warnings. */
export const DOSSIER_DUE_SOON = 'dossier-due-soon';
export const DOSSIER_OVERDUE = 'dossier-overdue';
/** Timer id of a step's overdue warning. */
export function stepOverdueTimer(stateId: string): string {
  return `step-overdue:${stateId}`;
}
/** Event types the executor handles itself (timer warnings), never sent to the statechart. */
export const WARNING_EVENTS = {
  dossierDueSoon: 'motcua.dossierDueSoon',
  dossierOverdue: 'motcua.dossierOverdue',
  stepOverdue: 'motcua.stepOverdue',
} as const;
