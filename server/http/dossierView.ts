import type { Kysely } from 'kysely';
import {
  classifyTimeliness,
  pauseReasonOf,
  pauseStatusText,
  eventName,
  procedureGraph,
  type DossierSnapshot,
  type Procedure,
  type SlipKind,
  type Timeliness,
  type WorkingCalendar,
} from '../../engine/index.ts';
import type { User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { eventsForUser } from '../runtime/permissions.ts';

/** An instant as ISO text; null stays null (a column that is always set stays a string). */
function iso(ms: number): string;
function iso(ms: number | null | undefined): string | null;
function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

/**
 * The state machine's state as persisted: a step id, or an object of nested (parallel) step ids
 * (XState's state value, kept as plain JSON).
 */
export function stateValue(snapshot: DossierSnapshot): string | Record<string, unknown> {
  return snapshot.machine.value as string | Record<string, unknown>;
}

/** Plain-Vietnamese status of a dossier, for officers and citizens. */
export function statusText(snapshot: DossierSnapshot): { vi: string; en: string } {
  if (snapshot.status === 'done') {
    switch (snapshot.outcome) {
      case 'approved':
        return { vi: 'Đã có kết quả', en: 'Resolved' };
      case 'refused':
        return { vi: 'Đã từ chối', en: 'Refused' };
      case 'withdrawn':
        return { vi: 'Đã rút hồ sơ', en: 'Withdrawn' };
      case 'stopped':
        return { vi: 'Đã dừng xử lý', en: 'Stopped' };
      default:
        return { vi: 'Đã kết thúc', en: 'Finished' };
    }
  }
  // Waiting for the citizen: before acceptance the clock has not started, after it is paused.
  const pause = pauseReasonOf(snapshot);
  if (pause) return pauseStatusText[pause];
  if (snapshot.clock.status === 'not-started')
    return { vi: 'Đang tiếp nhận', en: 'Being received' };
  return { vi: 'Đang giải quyết', en: 'In progress' };
}

/** The active steps with their names, units and due times. */
export function activeSteps(procedure: Procedure, snapshot: DossierSnapshot) {
  const graph = procedureGraph(procedure);
  return Object.entries(snapshot.steps).map(([id, step]) => {
    const meta = graph.byId.get(id)?.config.meta;
    return {
      id,
      name: meta?.name ?? { vi: id },
      unit: meta?.unit ?? null,
      role: meta?.role ?? null,
      enteredAt: step.enteredAt,
      // A step with no time budget of its own that waits on a timer is due when the timer fires.
      due: step.due ?? step.timerAt ?? null,
      timerAt: step.timerAt ?? null,
    };
  });
}

/**
 * The legal time that applies to a dossier: the deadline variant chosen at acceptance (or none:
 * the procedure's deadline) and the lawful extensions applied, each with its name.
 */
export function deadlineInfo(procedure: Procedure, snapshot: DossierSnapshot) {
  const variant = snapshot.clock.variant
    ? procedure.deadlineVariants?.find((v) => v.id === snapshot.clock.variant)
    : undefined;
  return {
    legal: variant?.deadline ?? procedure.deadline,
    variant: variant ? { id: variant.id, name: variant.name } : null,
    lawfulExtensions: (snapshot.clock.lawfulExtensions ?? []).map((e) => ({
      ...e,
      name: procedure.lawfulExtensions?.[e.id]?.name ?? { vi: e.id },
    })),
  };
}

/**
 * Timeliness now: the resolved class, or not-yet-due / due-soon / overdue for open dossiers. A
 * step held past its own due time makes the dossier overdue too, as the bell already says.
 */
export function timelinessNow(
  calendar: WorkingCalendar,
  snapshot: DossierSnapshot,
  now: number,
): Timeliness | 'paused' | null {
  if (snapshot.timeliness) return snapshot.timeliness;
  if (snapshot.status === 'done') return null;
  if (snapshot.clock.status === 'paused') return snapshot.clock.due ? 'paused' : null;
  if (stepOverdue(snapshot, now)) return 'overdue';
  if (!snapshot.clock.due) return null;
  return classifyTimeliness(calendar, {
    due: new Date(snapshot.clock.due),
    ...(snapshot.clock.originalDue ? { originalDue: new Date(snapshot.clock.originalDue) } : {}),
    now: new Date(now),
  });
}

/** Whether an active step (not waiting for the applicant) is past its own due time. */
export function stepOverdue(snapshot: DossierSnapshot, now: number): boolean {
  return Object.values(snapshot.steps).some(
    (st) => !st.waiting && st.due !== undefined && Date.parse(st.due) < now,
  );
}

/** Display names of the users among `actors` (ids; `system:…` actors have none). */
async function actorNames(
  db: Kysely<Database>,
  actors: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => !a.startsWith('system:')))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The full dossier page: state, history as the control slip, deadlines, events the caller may send. */
export async function dossierView(
  db: Kysely<Database>,
  calendar: WorkingCalendar,
  procedure: Procedure,
  dossierId: string,
  user: User | undefined,
  now: number,
) {
  const row = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', dossierId)
    .executeTakeFirstOrThrow();
  const snapshot = JSON.parse(row.snapshot) as DossierSnapshot;
  const [events, log, slips] = await Promise.all([
    db
      .selectFrom('dossier_events')
      .select(['seq', 'type', 'actor', 'override', 'at', 'payload'])
      .where('dossier_id', '=', dossierId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('step_log')
      .select(['step_id', 'unit_id', 'role', 'actor', 'entered_at', 'exited_at', 'due_at', 'late'])
      .where('dossier_id', '=', dossierId)
      .orderBy('exited_at')
      .execute(),
    db
      .selectFrom('slips')
      .select(['id', 'kind', 'step_id', 'due_at', 'issued_at', 'issued_by', 'reason'])
      .where('dossier_id', '=', dossierId)
      .orderBy('issued_at')
      .execute(),
  ]);
  const graph = procedureGraph(procedure);
  const stepName = (id: string) => graph.byId.get(id)?.config.meta?.name ?? { vi: id };
  const names = await actorNames(db, [
    ...events.map((e) => e.actor),
    ...log.map((l) => l.actor),
    ...slips.map((x) => x.issued_by),
  ]);
  const nameOf = (actor: string) => names.get(actor) ?? null;
  // The reception's payload keeps what the desk entered about the applicant (phone, address…).
  const reception = events[0]?.type === 'motcua.received' ? events[0] : undefined;
  const entered = reception
    ? ((JSON.parse(reception.payload) as { applicant?: Record<string, unknown> }).applicant ?? {})
    : {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    procedure: {
      id: procedure.id,
      version: row.procedure_version,
      name: procedure.name,
      code: procedure.code ?? null,
    },
    // The version the dossier is pinned to: documents, forms and fees as they were when received.
    definition: procedure,
    unit: row.unit_id,
    channel: snapshot.channel,
    applicant: {
      name: row.applicant_name,
      idNumber: row.applicant_id_number,
      phone: text(entered.phone),
      email: text(entered.email),
      address: text(entered.address),
    },
    status: snapshot.status,
    statusText: statusText(snapshot),
    state: stateValue(snapshot),
    steps: activeSteps(procedure, snapshot),
    data: snapshot.machine.context.data,
    documents: snapshot.machine.context.documents,
    receivedAt: iso(row.received_at),
    receivedBy: reception ? nameOf(reception.actor) : null,
    clock: snapshot.clock,
    appointmentDate: snapshot.clock.due ?? null,
    deadline: deadlineInfo(procedure, snapshot),
    outcome: snapshot.outcome ?? null,
    completedAt: snapshot.completedAt ?? null,
    timeliness: timelinessNow(calendar, snapshot, now),
    history: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      name: e.type.startsWith('motcua.') ? null : eventName(procedure, e.type),
      actor: e.actor,
      actorName: nameOf(e.actor),
      override: e.override === 1,
      at: iso(e.at),
      payload: JSON.parse(e.payload) as unknown,
    })),
    controlSlip: log.map((l) => ({
      step: l.step_id,
      name: stepName(l.step_id),
      unit: l.unit_id,
      role: l.role,
      actor: l.actor,
      actorName: nameOf(l.actor),
      from: iso(l.entered_at),
      to: iso(l.exited_at),
      due: iso(l.due_at),
      late: l.late === 1,
    })),
    slips: slips.map((s) => ({
      id: s.id,
      // Written only from the engine's slip kinds.
      kind: s.kind as SlipKind,
      step: s.step_id,
      due: iso(s.due_at),
      issuedAt: iso(s.issued_at),
      issuedBy: s.issued_by,
      issuedByName: nameOf(s.issued_by),
      reason: s.reason ?? null,
    })),
    availableEvents:
      user && snapshot.status === 'active'
        ? eventsForUser(user, procedure, snapshot, row.unit_id)
        : [],
  };
}
