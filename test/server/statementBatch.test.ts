import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../server/db/dialect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { DEFAULT_RETRY_POLICY } from '../../server/db/retry.ts';
import type { Database } from '../../server/db/schema.ts';
import { preparedQuery } from '../../server/runtime/preparedQuery.ts';
import { StatementBatch } from '../../server/runtime/statementBatch.ts';
import { WriteQueue } from '../../server/runtime/writeQueue.ts';
import { createPostgresDatabase, dialectsUnderTest } from '../support/databases.ts';

const dialects = await dialectsUnderTest();

const setValue = preparedQuery(['scope', 'value'], (db, a: { scope: string; value: number }) =>
  db.updateTable('counters').set({ value: a.value }).where('scope', '=', a.scope),
);
const insertCounter = preparedQuery(
  ['scope', 'day', 'value'],
  (db, a: { scope: string; day: string; value: number }) => db.insertInto('counters').values(a),
);
const revoke = preparedQuery(
  ['dossier_id', 'unit_id'],
  (db, a: { dossier_id: string; unit_id: string }) =>
    db
      .deleteFrom('dossier_access')
      .where('dossier_id', '=', a.dossier_id)
      .where('unit_id', '=', a.unit_id),
);
const grant = preparedQuery(
  ['dossier_id', 'unit_id'],
  (db, a: { dossier_id: string; unit_id: string }) =>
    db
      .insertInto('dossier_access')
      .values(a)
      .onConflict((oc) => oc.columns(['dossier_id', 'unit_id']).doNothing()),
);

/** The transaction, counting the statements sent through it. */
function counting(trx: Transaction<Database>) {
  const sent: string[] = [];
  const proxy = new Proxy(trx, {
    get(target, key, receiver) {
      if (key === 'executeQuery')
        return (q: { sql: string }) => {
          sent.push(q.sql);
          return target.executeQuery(q as never);
        };
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { trx: proxy, sent };
}

describe.each(dialects)('writes of a transition sent together on %s', (dialect) => {
  let handle: DatabaseHandle;
  let drop = async () => undefined as void;
  beforeAll(async () => {
    let url = 'sqlite::memory:';
    if (dialect === 'postgres') ({ url, drop } = await createPostgresDatabase());
    handle = await openDatabase({ url });
    const migration = await migrateToLatest(handle.db);
    if (migration.error) throw migration.error;
  });
  afterAll(async () => {
    await handle?.close();
    await drop();
  });

  const rows = () =>
    handle.db.selectFrom('counters').select(['scope', 'day', 'value']).orderBy('scope').execute();

  it('applies every write, one statement on PostgreSQL until a table is written again', async () => {
    await handle.db.insertInto('counters').values({ scope: 'moved', day: 'd', value: 1 }).execute();
    await handle.db
      .insertInto('dossier_access')
      .values({ dossier_id: 'd2', unit_id: 'a' })
      .execute();
    const counts = await handle.db.transaction().execute(async (raw) => {
      const { trx, sent } = counting(raw);
      const batch = new StatementBatch(trx);
      batch.add(setValue, { scope: 'moved', value: 2 }, { counted: true });
      batch.add(grant, { dossier_id: 'd2', unit_id: 'b' }, { row: 'b' });
      batch.add(grant, { dossier_id: 'd2', unit_id: 'c' }, { row: 'c' });
      batch.add(revoke, { dossier_id: 'd2', unit_id: 'a' }, { row: 'a' });
      // The same row again: the clauses of one statement see the same rows, so it splits.
      batch.add(grant, { dossier_id: 'd2', unit_id: 'a' }, { row: 'a' });
      batch.add(setValue, { scope: 'nobody', value: 9 }, { counted: true });
      const result = await batch.send();
      return { result, sent: sent.length };
    });
    expect(counts.result).toEqual([1, 0]);
    // SQLite: one statement per write; PostgreSQL: {update, 2 grants, revoke}, {grant, update}.
    expect(counts.sent).toBe(dialect === 'postgres' ? 2 : 6);
    expect(await rows()).toEqual([{ scope: 'moved', day: 'd', value: 2 }]);
    const granted = await handle.db
      .selectFrom('dossier_access')
      .select('unit_id')
      .where('dossier_id', '=', 'd2')
      .orderBy('unit_id')
      .execute();
    expect(granted.map((g) => g.unit_id)).toEqual(['a', 'b', 'c']);
  });

  it('splits writes that do not name their row where they may meet: the same one twice, another statement on the table', async () => {
    const sent = await handle.db.transaction().execute(async (raw) => {
      const { trx, sent } = counting(raw);
      const batch = new StatementBatch(trx);
      batch.add(grant, { dossier_id: 'd1', unit_id: 'twice' });
      batch.add(grant, { dossier_id: 'd1', unit_id: 'twice' });
      batch.add(grant, { dossier_id: 'd1', unit_id: 'other' });
      batch.add(revoke, { dossier_id: 'd1', unit_id: 'gone' });
      await batch.send();
      return sent.length;
    });
    expect(sent).toBe(dialect === 'postgres' ? 3 : 4);
    const granted = await handle.db
      .selectFrom('dossier_access')
      .select('unit_id')
      .where('dossier_id', '=', 'd1')
      .orderBy('unit_id')
      .execute();
    expect(granted.map((g) => g.unit_id)).toEqual(['other', 'twice']);
  });

  it.runIf(dialect === 'sqlite')(
    'stops at a guard that changed no row: nothing after it is written',
    async () => {
      const result = await handle.db.transaction().execute(async (trx) => {
        const batch = new StatementBatch(trx);
        batch.add(setValue, { scope: 'stale', value: 2 }, { counted: true });
        batch.add(insertCounter, { scope: 'after-guard', day: 'd', value: 1 });
        return batch.send();
      });
      expect(result).toEqual([0]);
      expect((await rows()).map((r) => r.scope)).not.toContain('after-guard');
    },
  );

  it('commits several batches at once when allowed (PostgreSQL), one at a time otherwise', async () => {
    // SQLite has one writer: a second transaction cannot begin while the first is open.
    for (const concurrency of dialect === 'postgres' ? [1, 2] : [1]) {
      const queue = new WriteQueue(handle.db, 256, DEFAULT_RETRY_POLICY, concurrency);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const order: string[] = [];
      const slow = queue.run(async (trx) => {
        await trx
          .insertInto('counters')
          .values({ scope: `slow-${concurrency}`, day: 'd', value: 1 })
          .execute();
        await held;
        order.push('slow');
      });
      // Queued on a later turn, while the first batch is still open.
      await new Promise((r) => setTimeout(r, 20));
      const quick = queue.run(async (trx) => {
        await trx
          .insertInto('counters')
          .values({ scope: `quick-${concurrency}`, day: 'd', value: 1 })
          .execute();
        order.push('quick');
      });
      if (concurrency > 1) {
        // The second batch commits while the first is still open.
        await quick;
        expect(order).toEqual(['quick']);
      } else {
        // It waits for the first batch, however long that takes.
        const settled = await Promise.race([
          quick.then(() => 'quick'),
          new Promise((r) => setTimeout(() => r('waiting'), 200)),
        ]);
        expect(settled).toBe('waiting');
      }
      release();
      await Promise.all([slow, quick]);
      await queue.drain();
      expect(order).toEqual(concurrency === 1 ? ['slow', 'quick'] : ['quick', 'slow']);
      expect(queue.stats.batches).toBe(2);
    }
  });
});
