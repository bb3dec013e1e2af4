import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/db/dialect.ts';
import { loadCalendar } from '../../server/library/procedureFiles.ts';
import { createPostgresDatabase, postgresAvailable } from '../support/databases.ts';
import { PROCEDURES_DIR } from '../support/procedures.ts';
import { replayDossier, storedSnapshot } from '../support/replay.ts';
import { BIRTH_RECEIPT } from '../support/runtime.ts';
import { call, startServerProcess, type ServerProcess } from './serverProcess.ts';

interface Acknowledged {
  readonly receipts: { id: string; code: string }[];
  readonly events: { id: string; version: number }[];
}

/**
 * Workers receive dossiers and move them back and forth (PROPOSE / SEND_BACK) as fast as the
 * servers answer, until `stop()`; every 2xx answer is recorded, since each is a promise to the
 * citizen that the change is stored.
 */
function drive(servers: readonly ServerProcess[], tokens: readonly string[], workers: number) {
  const acked: Acknowledged = { receipts: [], events: [] };
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    const s = w % servers.length;
    const url = servers[s]!.url;
    const token = tokens[s]!;
    while (running) {
      const r = await call(url, 'POST', '/api/dossiers', token, BIRTH_RECEIPT);
      if (r.status !== 201) continue;
      acked.receipts.push({ id: r.body.id, code: r.body.code });
      for (const type of ['PROPOSE', 'SEND_BACK', 'PROPOSE']) {
        if (!running) break;
        const e = await call(url, 'POST', `/api/dossiers/${r.body.id}/events`, token, {
          type,
          note: 'Xử lý lại',
        });
        if (e.status === 200) acked.events.push({ id: r.body.id, version: e.body.version });
        else break;
      }
    }
  });
  return {
    acked,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function login(server: ServerProcess): Promise<string> {
  const r = await call(server.url, 'POST', '/api/auth/login', undefined, {
    username: 'admin',
    password: 'motcua',
  });
  expect(r.status).toBe(200);
  return r.body.token as string;
}

/** Every acknowledged write is stored, every snapshot is the replay of its log, codes are unique. */
async function verify(
  db: DatabaseHandle,
  proceduresDir: string,
  acked: Acknowledged,
): Promise<void> {
  expect(acked.receipts.length).toBeGreaterThan(0);
  expect(acked.events.length).toBeGreaterThan(0);
  const ids = new Set((await db.db.selectFrom('dossiers').select('id').execute()).map((r) => r.id));
  for (const r of acked.receipts)
    expect(ids.has(r.id), `dossier ${r.code} acknowledged but lost`).toBe(true);
  for (const e of acked.events) {
    const row = await db.db
      .selectFrom('dossier_events')
      .select('seq')
      .where('dossier_id', '=', e.id)
      .where('seq', '=', e.version)
      .executeTakeFirst();
    expect(row, `event ${e.id}@${e.version} acknowledged but lost`).toBeDefined();
  }
  const codes = await db.db.selectFrom('dossiers').select('code').execute();
  expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  const calendar = loadCalendar(proceduresDir);
  for (const id of ids)
    expect(await replayDossier(db.db, calendar, id)).toEqual(await storedSnapshot(db.db, id));
}

/** Make some pending timers due now, wait for the scheduler, and check each fired exactly once. */
async function timersFireOnce(db: DatabaseHandle): Promise<void> {
  const pending = await db.db
    .selectFrom('timers')
    .select(['dossier_id', 'timer_key'])
    .where('status', '=', 'pending')
    .where('timer_key', 'like', 'step-overdue:%')
    .limit(20)
    .execute();
  expect(pending.length).toBeGreaterThan(0);
  for (const t of pending) {
    await db.db
      .updateTable('timers')
      .set({ due_at: Date.now() - 1000 })
      .where('dossier_id', '=', t.dossier_id)
      .where('timer_key', '=', t.timer_key)
      .execute();
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const left = await db.db
      .selectFrom('timers')
      .select('timer_key')
      .where('status', '=', 'pending')
      .where('due_at', '<=', Date.now())
      .execute();
    if (left.length === 0) break;
    if (Date.now() > deadline) throw new Error(`${left.length} due timers never fired`);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const t of pending) {
    const fired = await db.db
      .selectFrom('dossier_events')
      .select(['payload'])
      .where('dossier_id', '=', t.dossier_id)
      .where('type', '=', 'motcua.stepOverdue')
      .execute();
    expect(
      fired.filter((f) => (JSON.parse(f.payload) as { timer?: string }).timer === t.timer_key),
    ).toHaveLength(1);
  }
}

function library(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-crash-'));
  cpSync(PROCEDURES_DIR, join(dir, 'procedures'), { recursive: true });
  return dir;
}

const withPostgres = await postgresAvailable();

describe('crash: kill -9 under load, restart, nothing acknowledged is lost', () => {
  it('on SQLite (synchronous=FULL)', async () => {
    const dir = library();
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'motcua.db')}`,
      PROCEDURES_DIR: join(dir, 'procedures'),
      SCHEDULER_INTERVAL_MS: '200',
    };
    const first = await startServerProcess(env);
    const load = drive([first], [await login(first)], 12);
    await new Promise((r) => setTimeout(r, 2500));
    await first.kill9();
    await load.stop();
    const second = await startServerProcess(env);
    const db = await openDatabase({ url: env.DATABASE_URL });
    try {
      await verify(db, env.PROCEDURES_DIR, load.acked);
      await timersFireOnce(db);
    } finally {
      await db.close();
      await second.stop();
    }
  }, 120_000);

  it.runIf(withPostgres)(
    'on PostgreSQL with two server processes, killing one',
    async () => {
      const dir = library();
      const pg = await createPostgresDatabase();
      const env = {
        DATABASE_URL: pg.url,
        PROCEDURES_DIR: join(dir, 'procedures'),
        SCHEDULER_INTERVAL_MS: '200',
      };
      const a = await startServerProcess(env);
      const b = await startServerProcess(env);
      const db = await openDatabase({ url: pg.url });
      try {
        const load = drive([a, b], [await login(a), await login(b)], 12);
        await new Promise((r) => setTimeout(r, 2500));
        await a.kill9();
        await new Promise((r) => setTimeout(r, 500));
        await load.stop();
        await verify(db, env.PROCEDURES_DIR, load.acked);
        // Two schedulers were polling; a restarted one joins them.
        const c = await startServerProcess(env);
        try {
          await timersFireOnce(db);
        } finally {
          await c.stop();
        }
      } finally {
        await db.close();
        await b.stop();
        await pg.drop();
      }
    },
    180_000,
  );
});
