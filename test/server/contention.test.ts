import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/appError.ts';
import { openDatabase, type DatabaseHandle } from '../../server/db/dialect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { backoffMs, isRetryableConflict } from '../../server/db/retry.ts';
import { WriteQueue } from '../../server/runtime/writeQueue.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/** An error as PostgreSQL reports a deadlock. */
const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('write queue retries', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ url: 'sqlite::memory:' });
    const migration = await migrateToLatest(handle.db);
    if (migration.error) throw migration.error;
  });
  afterAll(async () => handle?.close());

  const count = async () =>
    Number(
      (
        await handle.db
          .selectFrom('counters')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('knows the SQLSTATEs that mean "lost a race" and backs off with jitter, bounded', () => {
    for (const code of ['40001', '40P01', '55P03'])
      expect(isRetryableConflict({ code })).toBe(true);
    for (const e of [{ code: '23505' }, new Error('x'), null, undefined, { code: 40001 }])
      expect(isRetryableConflict(e)).toBe(false);
    expect(backoffMs(1, undefined, () => 0.999)).toBeLessThan(2);
    expect(backoffMs(30, undefined, () => 0.999)).toBeLessThan(200);
    expect(backoffMs(30, undefined, () => 0)).toBe(0);
  });

  it('re-runs a job that lost a race, alone, and commits the others of its batch once', async () => {
    const queue = new WriteQueue(handle.db);
    let runs = 0;
    const [a, b, c] = await Promise.all([
      queue.run(async (trx) => {
        await trx.insertInto('counters').values({ scope: 'a', day: '1', value: 1 }).execute();
        return 'a';
      }),
      queue.run(async (trx) => {
        runs++;
        // Written, then the race is lost: the savepoint undoes the write before the re-run.
        await trx.insertInto('counters').values({ scope: 'b', day: '1', value: runs }).execute();
        if (runs < 3) throw deadlock();
        return 'b';
      }),
      queue.run(async (trx) => {
        await trx.insertInto('counters').values({ scope: 'c', day: '1', value: 1 }).execute();
        return 'c';
      }),
    ]);
    expect([a, b, c]).toEqual(['a', 'b', 'c']);
    expect(runs).toBe(3);
    expect(queue.stats.retries).toBe(2);
    expect(await count()).toBe(3);
    const b1 = await handle.db
      .selectFrom('counters')
      .select('value')
      .where('scope', '=', 'b')
      .executeTakeFirstOrThrow();
    expect(b1.value).toBe(3);
  });

  it('gives up after the bounded attempts with busy (503), not the database error', async () => {
    const queue = new WriteQueue(handle.db, 256, { maxAttempts: 3, baseMs: 1, capMs: 2 });
    let runs = 0;
    const failed = await queue
      .run(async () => {
        runs++;
        throw deadlock();
      })
      .catch((e: unknown) => e);
    expect(runs).toBe(3);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).code).toBe('busy');
    // Any other error fails at once.
    await expect(
      queue.run(async () => {
        throw Object.assign(new Error('unique'), { code: '23505' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
  });
});

describe.each(dialects)('contention on %s', (dialect) => {
  let rt: TestRuntime;
  let desk: string;
  let justice: string;
  let chair: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    [desk, justice, chair] = (await Promise.all(
      ['mot-cua-xa', 'tu-phap-xa', 'ubnd-xa'].map((u) => rt.login(u)),
    )) as [string, string, string];
  });
  afterAll(async () => rt?.dispose());

  const receive = () => rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
  const send = (token: string, id: string, body: unknown) =>
    rt.call('POST', `/api/dossiers/${id}/events`, { token, body });

  it('does not fail an expectedVersion read before a warning fired, but does after a decision', async () => {
    rt.clock.set('2026-03-02T09:00');
    const r = await receive();
    expect(r.status).toBe(201);
    const read = r.body.version as number;
    rt.clock.set('2026-03-02T18:00'); // past the 10:00 appointment: overdue warnings fire
    await rt.scheduler.tick();
    const warned = await rt.deps.db
      .selectFrom('dossiers')
      .select('version')
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(warned.version).toBeGreaterThan(read);
    const proposed = await send(justice, r.body.id, { type: 'PROPOSE', expectedVersion: read });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    const stale = await send(chair, r.body.id, { type: 'SIGN', expectedVersion: read });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'version-conflict',
      details: { expectedVersion: read, version: proposed.body.version },
    });
    // A version from the future is a conflict too, not a pass.
    const future = await send(chair, r.body.id, { type: 'SIGN', expectedVersion: 999 });
    expect(future.status).toBe(409);
  });

  it.runIf(dialect === 'postgres')(
    'waits out a dossier another process holds: the event is retried, the timer left for a later tick',
    async () => {
      rt.clock.set('2026-03-03T09:00');
      desk = await rt.login('mot-cua-xa');
      justice = await rt.login('tu-phap-xa');
      const r = await receive();
      expect(r.status).toBe(201);
      const other = new pg.Client({ connectionString: rt.deps.config.databaseUrl });
      await other.connect();
      try {
        // Another server's open transaction holds the dossier row.
        await other.query('begin');
        await other.query('select id from dossiers where id = $1 for update', [r.body.id]);
        const retriesBefore = rt.deps.writes.stats.retries;
        const event = send(justice, r.body.id, { type: 'PROPOSE' });
        rt.clock.set('2026-03-03T18:00');
        await rt.scheduler.tick();
        const overdue = () =>
          rt.deps.db
            .selectFrom('dossier_events')
            .select('seq')
            .where('dossier_id', '=', r.body.id)
            .where('type', '=', 'motcua.dossierOverdue')
            .execute();
        expect(await overdue()).toHaveLength(0); // left for a later tick, no error
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(rt.deps.writes.stats.retries).toBeGreaterThan(retriesBefore);
        await other.query('commit');
        const done = await event;
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        await rt.scheduler.tick();
        expect(await overdue()).toHaveLength(1);
        const events = await rt.deps.db
          .selectFrom('dossier_events')
          .select('type')
          .where('dossier_id', '=', r.body.id)
          .orderBy('seq')
          .execute();
        expect(events.filter((e) => e.type === 'PROPOSE')).toHaveLength(1);
        expect(events.filter((e) => e.type === 'motcua.dossierOverdue')).toHaveLength(1);
      } finally {
        await other.end();
      }
    },
  );
});
