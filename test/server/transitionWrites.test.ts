import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/index.ts';
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

  it('keeps the active-step rows equal to a full rewrite of the replayed snapshot, parallel steps included', async () => {
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
    let parallel = false;
    for (const step of s.steps.filter((x) => !x.expectError)) {
      rt.clock.ms = Date.parse(step.at);
      // Sessions last 12 hours; the scenario spans days.
      const token = await rt.login('admin');
      const r = await rt.call('POST', `/api/dossiers/${dossierId}/events`, {
        token,
        body: { type: step.event, ...(step.data ? { data: step.data } : {}) },
      });
      expect(r.status, `${step.event}: ${JSON.stringify(r.body)}`).toBe(200);
      const rows = await rowsNow();
      parallel ||= rows.length > 1;
      expect(rows, step.event).toEqual(rewrite(await storedSnapshot(rt.deps.db, dossierId)));
    }
    expect(parallel).toBe(true);
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
