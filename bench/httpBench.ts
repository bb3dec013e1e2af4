import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { parseConfig } from '../server/config.ts';
import { startRuntime } from '../server/startRuntime.ts';
import { createPostgresDatabase, postgresAvailable } from '../test/support/databases.ts';
import { printTable, type BenchResult } from './benchResult.ts';

export const CONNECTIONS = 50;
/** Each endpoint gets SLICES × SLICE_S seconds of load, in slices alternating between them. */
const SLICES = 4;
const SLICE_S = 2;
export const BIRTH = {
  procedureId: 'dang-ky-khai-sinh',
  applicant: { name: 'Nguyễn Văn Cường' },
  data: {
    hoTenTre: 'An',
    gioiTinh: 'Nam',
    ngaySinh: '2026-02-20',
    noiSinh: 'Trạm y tế',
    hoTenMe: 'Bình',
    nguoiKhai: 'Cường',
    soDinhDanhNguoiKhai: '001090012345',
    quanHe: 'Cha',
  },
  documents: ['toKhai', 'giayChungSinh'],
};

export interface Load {
  batch?: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
  /** CPU time of the server process per request (user + system), in microseconds. */
  cpuUs: number;
}

/** What the load generator drives: `${prefix}${id}${suffix}` on a pool of dossier ids. */
export interface LoadSpec {
  readonly url: string;
  readonly ids: readonly string[];
  readonly headers: Record<string, string>;
  readonly prefix: string;
  readonly suffix: string;
  readonly bodies: readonly [string, string];
}

type LoadResult = Omit<Load, 'batch' | 'cpuUs'>;

/** Drive PROPOSE / SEND_BACK pairs on a pool of dossiers, one dossier per connection at a time. */
async function generateLoad(spec: LoadSpec): Promise<LoadResult> {
  const pool = [...spec.ids];
  const pathOf = (id: string) => `${spec.prefix}${id}${spec.suffix}`;
  const result = await autocannon({
    url: spec.url,
    connections: CONNECTIONS,
    duration: SLICE_S,
    headers: { 'content-type': 'application/json', ...spec.headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
          ctx.id = pool.pop();
          return { ...req, path: pathOf(ctx.id as string), body: spec.bodies[0] };
        },
      },
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => ({
          ...req,
          path: pathOf(ctx.id as string),
          body: spec.bodies[1],
        }),
        onResponse: (_status: number, _body: string, ctx: Record<string, unknown>) => {
          pool.push(ctx.id as string);
        },
      },
    ],
  } as never);
  const r = result as unknown as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors,
    total: r.requests.total,
  };
}

const LOAD_GENERATOR = '--load-generator';

/**
 * Run the load generator in a child process: in the server's process, autocannon would take
 * its CPU from the very event loop it measures (a real client never does), and so penalise
 * the endpoint that uses CPU more than the one that waits on fsync. Both endpoints are driven
 * the same way, on loopback, by the same machine.
 */
export async function load(spec: LoadSpec): Promise<Omit<Load, 'batch'>> {
  const child = fork(fileURLToPath(import.meta.url), [LOAD_GENERATOR], {
    execArgv: ['--import', 'tsx'],
  });
  try {
    const cpu = process.cpuUsage();
    const result = await new Promise<LoadResult>((resolve, reject) => {
      child.once('message', (m) => resolve(m as LoadResult));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
      child.send(spec);
    });
    const used = process.cpuUsage(cpu);
    return { ...result, cpuUs: (used.user + used.system) / Math.max(1, result.total) };
  } finally {
    child.kill();
  }
}

/** An endpoint under test: where it listens, and a fresh pool of dossiers for each slice. */
interface Target {
  readonly spec: (slice: number) => LoadSpec;
  readonly stats?: () => { batches: number; jobs: number };
  close(): Promise<void>;
}

export const BODIES = [
  JSON.stringify({ type: 'PROPOSE' }),
  JSON.stringify({ type: 'SEND_BACK', note: 'Xử lý lại' }),
] as const;

async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function startMotcua(databaseUrl: string): Promise<Target> {
  const runtime = await startRuntime(
    parseConfig({
      DATABASE_URL: databaseUrl,
      SCHEDULER_INTERVAL_MS: '0',
      DESIGNER_DIR: '/nonexistent',
    }),
  );
  const { server, url } = await listen(runtime.app.fetch);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'motcua' }),
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  // A slice stops with PROPOSE / SEND_BACK pairs half done: each slice gets dossiers of its own.
  const pools: string[][] = [];
  for (let slice = 0; slice < SLICES; slice++) {
    const ids: string[] = [];
    for (let i = 0; i < CONNECTIONS + 10; i++) {
      const r = await fetch(`${url}/api/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(BIRTH),
      });
      ids.push(((await r.json()) as { id: string }).id);
    }
    pools.push(ids);
  }
  return {
    spec: (slice) => ({
      url,
      ids: pools[slice]!,
      headers,
      prefix: '/api/dossiers/',
      suffix: '/events',
      bodies: BODIES,
    }),
    stats: () => ({ ...runtime.deps.writes.stats }),
    close: async () => {
      server.close();
      await runtime.close();
    },
  };
}

/**
 * The floor to compare with: the same insert + update per request, one commit each. Grouped, it
 * is the ceiling group commit alone reaches on this machine: the requests of one event-loop turn
 * share a commit, with nothing else done per request.
 */
async function startBare(file: string, grouped = false): Promise<Target> {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table dossiers (id text primary key, snapshot text not null, version integer not null);
           create table dossier_events (dossier_id text not null, seq integer not null, type text not null, payload text not null, primary key (dossier_id, seq));`);
  const ids = Array.from({ length: CONNECTIONS + 10 }, (_, i) => `d${i}`);
  for (const id of ids) db.prepare('insert into dossiers values (?, ?, 1)').run(id, '{}');
  const read = db.prepare('select version from dossiers where id = ?');
  const insert = db.prepare('insert into dossier_events values (?, ?, ?, ?)');
  const update = db.prepare(
    'update dossiers set snapshot = ?, version = ? where id = ? and version = ?',
  );
  const write = (id: string, type: string) => {
    const { version } = read.get(id) as { version: number };
    insert.run(id, version + 1, type, JSON.stringify({ type }));
    update.run(JSON.stringify({ state: type }), version + 1, id, version);
  };
  const apply = db.transaction(write);
  let queued: { id: string; type: string; done: () => void }[] = [];
  const applyAll = db.transaction((jobs: typeof queued) => {
    for (const j of jobs) write(j.id, j.type);
  });
  const applyGrouped = (id: string, type: string) =>
    new Promise<void>((done) => {
      if (queued.push({ id, type, done }) > 1) return;
      setImmediate(() => {
        const jobs = queued;
        queued = [];
        applyAll(jobs);
        for (const j of jobs) j.done();
      });
    });
  const app = new Hono().post('/bare/:id', async (c) => {
    const body = (await c.req.json()) as { type: string };
    if (grouped) await applyGrouped(c.req.param('id'), body.type);
    else apply(c.req.param('id'), body.type);
    return c.json({ ok: true });
  });
  const { server, url } = await listen(app.fetch);
  return {
    spec: () => ({ url, ids, headers: {}, prefix: '/bare/', suffix: '', bodies: BODIES }),
    close: async () => {
      server.close();
      db.close();
    },
  };
}

/** The slices of one endpoint as one figure: p50 the median slice's, p99 the worst slice's. */
function combine(slices: readonly Omit<Load, 'batch'>[], batch?: number): Load {
  const total = slices.reduce((n, s) => n + s.total, 0);
  const p50s = slices.map((s) => s.p50).sort((x, y) => x - y);
  return {
    rps: total / (slices.length * SLICE_S),
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...slices.map((s) => s.p99)),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    total,
    cpuUs: slices.reduce((n, s) => n + s.cpuUs * s.total, 0) / Math.max(1, total),
    ...(batch !== undefined ? { batch } : {}),
  };
}

/**
 * Drive the endpoints in alternating slices (A B A B …) so that a burst of load from elsewhere
 * on a shared machine falls on both rather than on whichever ran at that moment.
 */
async function measure(targets: readonly Target[]): Promise<Load[]> {
  const slices = targets.map(() => [] as Omit<Load, 'batch'>[]);
  const before = targets.map((t) => t.stats?.());
  for (let slice = 0; slice < SLICES; slice++) {
    for (const [i, t] of targets.entries()) slices[i]!.push(await load(t.spec(slice)));
  }
  return targets.map((t, i) => {
    const b = before[i];
    const s = t.stats?.();
    const batch = b && s ? (s.jobs - b.jobs) / Math.max(1, s.batches - b.batches) : undefined;
    return combine(slices[i]!, batch);
  });
}

/**
 * Durable transitions per second over HTTP on loopback, 50 connections, synchronous=FULL:
 * motcua's event endpoint (validate, authorize, apply, event + snapshot + effects in one
 * transaction, group commit) against a bare endpoint doing only an insert + update with one
 * commit per request; and motcua on PostgreSQL.
 */
export async function runHttpBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  try {
    const targets = [
      await startBare(join(dir, 'bare.db')),
      await startMotcua(`sqlite:${join(dir, 'motcua.db')}`),
      await startBare(join(dir, 'grouped.db'), true),
    ];
    const [bare, sqlite, grouped] = (await measure(targets).finally(() =>
      Promise.all(targets.map((t) => t.close())),
    )) as [Load, Load, Load];
    const results: BenchResult[] = [
      {
        name: 'http.sqlite.motcua',
        value: sqlite.rps,
        unit: 'transitions/s',
        note: `POST /api/dossiers/:id/events, ${CONNECTIONS} connections, ${SLICES}×${SLICE_S}s alternating with the bare endpoints, synchronous=FULL, group commit (${sqlite.batch?.toFixed(1)} writes per commit); p50 ${sqlite.p50} ms, p99 ${sqlite.p99} ms, server CPU ${sqlite.cpuUs.toFixed(0)} µs/request, ${sqlite.errors} non-2xx of ${sqlite.total}`,
      },
      {
        name: 'http.sqlite.bare',
        value: bare.rps,
        unit: 'requests/s',
        note: `bare Hono endpoint: the same insert + update, one commit per request; p50 ${bare.p50} ms, p99 ${bare.p99} ms, server CPU ${bare.cpuUs.toFixed(0)} µs/request`,
      },
      {
        name: 'http.sqlite.ratio',
        value: sqlite.rps / bare.rps,
        unit: '×',
        note: 'motcua over the bare one-commit-per-request endpoint (goal ≥ 1.3)',
      },
      {
        name: 'http.sqlite.bareGrouped',
        value: grouped.rps,
        unit: 'requests/s',
        note: `the bare endpoint with group commit (what grouping alone gives here): ${(grouped.rps / bare.rps).toFixed(2)}× bare; p50 ${grouped.p50} ms, p99 ${grouped.p99} ms, server CPU ${grouped.cpuUs.toFixed(0)} µs/request`,
      },
      {
        name: 'http.sqlite.p99',
        value: sqlite.p99,
        unit: 'ms',
        note: 'motcua p99 latency at 50 connections (goal ≤ 25 ms)',
      },
    ];
    if (await postgresAvailable().catch(() => false)) {
      const pg = await createPostgresDatabase();
      try {
        const target = await startMotcua(pg.url);
        const [r] = (await measure([target]).finally(() => target.close())) as [Load];
        results.push({
          name: 'http.postgres.motcua',
          value: r.rps,
          unit: 'transitions/s',
          note: `same load on PostgreSQL 15 (local, default fsync; ${r.batch?.toFixed(1)} writes per commit); p50 ${r.p50} ms, p99 ${r.p99} ms, server CPU ${r.cpuUs.toFixed(0)} µs/request, ${r.errors} non-2xx of ${r.total}`,
        });
      } finally {
        await pg.drop();
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes(LOAD_GENERATOR)) {
  process.once('message', (spec) => {
    void generateLoad(spec as LoadSpec).then((r) => process.send!(r));
  });
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await runHttpBench());
}
