import type { DossierSnapshot, Procedure } from '../../engine/index.ts';
import { procedureGraph } from '../../engine/index.ts';
import type { Database } from '../db/schema.ts';

/** A row of `dossier_steps`: a step where a dossier waits, for the inbox. */
export type StepRow = Database['dossier_steps'];

function stepRow(
  procedure: Procedure,
  dossierId: string,
  stepId: string,
  s: DossierSnapshot,
): StepRow {
  const meta = procedureGraph(procedure).byId.get(stepId)?.config.meta;
  const step = s.steps[stepId]!;
  return {
    dossier_id: dossierId,
    step_id: stepId,
    unit_id: meta?.unit ?? null,
    role: meta?.role ?? null,
    entered_at: Date.parse(step.enteredAt),
    due_at: step.due === undefined ? null : Date.parse(step.due),
  };
}

/** The active-step rows of a dossier in a snapshot: what a full rewrite would store. */
export function stepRows(procedure: Procedure, dossierId: string, s: DossierSnapshot): StepRow[] {
  return Object.keys(s.steps).map((id) => stepRow(procedure, dossierId, id, s));
}

/**
 * The rows to delete and to insert to bring the active-step rows from `before` (undefined: no
 * rows yet) to `after`. A step left or re-entered (new entry time or deadline) is removed; a step
 * entered or re-entered is added; a step still waiting as it was is not touched.
 */
export function stepRowChanges(
  procedure: Procedure,
  dossierId: string,
  before: DossierSnapshot | undefined,
  after: DossierSnapshot,
): { removed: string[]; added: StepRow[] } {
  const old = before?.steps ?? {};
  const same = (id: string) => {
    const a = old[id];
    const b = after.steps[id];
    return a !== undefined && b !== undefined && a.enteredAt === b.enteredAt && a.due === b.due;
  };
  return {
    removed: Object.keys(old).filter((id) => !same(id)),
    added: Object.keys(after.steps)
      .filter((id) => !same(id))
      .map((id) => stepRow(procedure, dossierId, id, after)),
  };
}
