import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/index.ts';
import { snapshotColumns } from '../../server/runtime/persistTransition.ts';
import { stepRows } from '../../server/runtime/stepRows.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { loadProcedure, PROCEDURES_DIR } from '../support/procedures.ts';
import { replayDossier, storedSnapshot } from '../support/replay.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

describe.each(dialects)('transition writes on %s', (dialect) => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    admin = await rt.login('admin');
  });
  afterAll(async () => rt?.dispose());

  it('keeps the active-step rows and the dossier columns equal to a full rewrite of the snapshot, parallel steps included', async () => {
    const id = 'lien-thong-tre-duoi-6-tuoi';
    const procedure = loadProcedure(id);
    const { scenarios } = JSON.parse(
      readFileSync(`${PROCEDURES_DIR}${id}.scenarios.json`, 'utf8'),
    ) as { scenarios: Scenario[] };
    const s = scenarios[0]!;
    rt.clock.ms = Date.parse(s.start.at);
    const received = await rt.call('POST', '/api/dossiers', {
      token: admin,
      body: {
        procedureId: id,
        applicant: { name: 'Phan Văn Hùng' },
        channel: s.start.channel,
        data: s.start.data,
        documents: s.start.documents,
        accept: false,
      },
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    const dossierId = received.body.id as string;
    const rowsNow = async () =>
      (
        await rt.deps.db
          .selectFrom('dossier_steps')
          .selectAll()
          .where('dossier_id', '=', dossierId)
          .orderBy('step_id')
          .execute()
      ).map((r) => ({
        ...r,
        entered_at: Number(r.entered_at),
        due_at: r.due_at && Number(r.due_at),
      }));
    const rewrite = (snapshot: Parameters<typeof stepRows>[2]) =>
      stepRows(procedure, dossierId, snapshot).sort((a, b) => a.step_id.localeCompare(b.step_id));
    // Only the columns that changed are written: the row must still equal a full rewrite.
    const columnsNow = async () => {
      const row = await rt.deps.db
        .selectFrom('dossiers')
        .select([
          'status',
          'state',
          'snapshot',
          'accepted_at',
          'due_at',
          'original_due_at',
          'completed_at',
          'outcome',
          'timeliness',
          'awaiting_supplement',
        ])
        .where('id', '=', dossierId)
        .executeTakeFirstOrThrow();
      const n = (v: number | string | null) => (v === null ? null : Number(v));
      return {
        ...row,
        accepted_at: n(row.accepted_at),
        due_at: n(row.due_at),
        original_due_at: n(row.original_due_at),
        completed_at: n(row.completed_at),
        awaiting_supplement: Number(row.awaiting_supplement),
      };
    };
    const changedColumns = new Set<string>();
    let previous: Record<string, unknown> | undefined;
    let parallel = false;
    for (const step of s.steps.filter((x) => !x.expectError)) {
      rt.clock.ms = Date.parse(step.at);
      // Sessions last 12 hours; the scenario spans days.
      const token = await rt.login('admin');
      const r = await rt.call('POST', `/api/dossiers/${dossierId}/events`, {
        token,
        body: {
          type: step.event,
          ...(step.data ? { data: step.data } : {}),
          ...(step.note ? { note: step.note } : {}),
        },
      });
      expect(r.status, `${step.event}: ${JSON.stringify(r.body)}`).toBe(200);
      const rows = await rowsNow();
      parallel ||= rows.length > 1;
      const stored = await storedSnapshot(rt.deps.db, dossierId);
      expect(rows, step.event).toEqual(rewrite(stored));
      const before = await columnsNow();
      expect(before, step.event).toEqual(snapshotColumns(stored));
      for (const [k, v] of Object.entries(before))
        if (previous && previous[k] !== v) changedColumns.add(k);
      previous = before;
    }
    expect(parallel).toBe(true);
    // The scenario moves the report columns too (acceptance, the result, its timeliness).
    expect([...changedColumns]).toEqual(
      expect.arrayContaining(['status', 'completed_at', 'outcome', 'timeliness']),
    );
    expect(await rowsNow()).toEqual(
      rewrite(await replayDossier(rt.deps.db, rt.deps.calendar, dossierId)),
    );
  });

  it('rolls back a failing write alone while the others of its batch commit together', async () => {
    const { writes, db } = rt.deps;
    const insert =
      (scope: string) => async (trx: Parameters<Parameters<typeof writes.run>[0]>[0]) => {
        await trx.insertInto('counters').values({ scope, day: 'batch', value: 1 }).execute();
        return scope;
      };
    const before = writes.stats.batches;
    const outcomes = await Promise.allSettled([
      writes.run(insert('first')),
      writes.run(async (trx) => {
        await insert('failing')(trx);
        throw new Error('this write fails after writing');
      }),
      // A statement error inside the job (a duplicate key) must not spoil the batch either.
      writes.run(async (trx) => {
        await insert('duplicate')(trx);
        return insert('duplicate')(trx);
      }),
      writes.run(insert('last')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(writes.stats.batches - before).toBe(1);
    const stored = await db
      .selectFrom('counters')
      .select('scope')
      .where('day', '=', 'batch')
      .orderBy('scope')
      .execute();
    expect(stored.map((r) => r.scope)).toEqual(['first', 'last']);
  });
});
