import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEvent, startDossier, type Scenario } from '../../engine/index.ts';
import { loadCalendar } from '../../server/library/procedureFiles.ts';
import { stepRowChanges, stepRows, type StepRow } from '../../server/runtime/stepRows.ts';
import { loadProcedure, PROCEDURES_DIR, procedureIds } from '../support/procedures.ts';

const calendar = loadCalendar(PROCEDURES_DIR);
let untouched = 0;
const sorted = (rows: Iterable<StepRow>) =>
  [...rows].sort((a, b) => a.step_id.localeCompare(b.step_id));

// The transition writes only the step rows that changed; over every scenario of the library,
// the rows it leaves must be exactly those a full rewrite from the snapshot would store.
describe.each(procedureIds())('active-step rows of %s', (id) => {
  const procedure = loadProcedure(id);
  const { scenarios } = JSON.parse(
    readFileSync(`${PROCEDURES_DIR}${id}.scenarios.json`, 'utf8'),
  ) as { scenarios: Scenario[] };

  it.each(scenarios.map((s) => [s.name, s] as const))('%s: diff equals full rewrite', (_, s) => {
    const { data, documents, channel } = s.start;
    let t = startDossier(procedure, { data, documents, channel }, new Date(s.start.at), {
      calendar,
    });
    const table = new Map<string, StepRow>();
    const write = (changes: ReturnType<typeof stepRowChanges>) => {
      for (const stepId of changes.removed) expect(table.delete(stepId), stepId).toBe(true);
      for (const row of changes.added) {
        expect(table.has(row.step_id), `${row.step_id} inserted twice`).toBe(false);
        table.set(row.step_id, row);
      }
    };
    write(stepRowChanges(procedure, 'd1', undefined, t.snapshot));
    expect(sorted(table.values())).toEqual(sorted(stepRows(procedure, 'd1', t.snapshot)));
    // Timers pending, by id: a scenario fires one as `after:<delay>`.
    const pending = new Map<string, string>();
    const track = (effects: typeof t.effects) => {
      for (const e of effects) {
        if (e.kind === 'cancel-timer') pending.delete(e.id);
        else if (e.kind === 'schedule-timer') pending.set(e.id, e.event.type);
      }
    };
    track(t.effects);
    const timerEvent = (type: string) => {
      if (!type.startsWith('after:')) return type;
      const delay = type.slice('after:'.length);
      const found = [...pending.values()].filter((p) => p.startsWith(`xstate.after.${delay}.`));
      expect(found, `one pending timer of ${delay}`).toHaveLength(1);
      return found[0]!;
    };
    for (const step of s.steps) {
      if (step.expectError) continue;
      const before = t.snapshot;
      const event = {
        type: timerEvent(step.event),
        data: step.data,
        documents: step.documents,
        note: step.note,
      };
      t = applyEvent(procedure, before, event, new Date(step.at), {
        calendar,
      });
      track(t.effects);
      const changes = stepRowChanges(procedure, 'd1', before, t.snapshot);
      // A step still waiting as it was is left alone.
      for (const [stepId, was] of Object.entries(before.steps)) {
        if (JSON.stringify(t.snapshot.steps[stepId]) === JSON.stringify(was)) {
          expect(changes.removed).not.toContain(stepId);
          untouched++;
        }
      }
      write(changes);
      expect(sorted(table.values()), `${s.name} after ${step.event}`).toEqual(
        sorted(stepRows(procedure, 'd1', t.snapshot)),
      );
    }
  });
});

it('left some parallel step untouched (the case the diff exists for)', () => {
  expect(untouched).toBeGreaterThan(0);
});
