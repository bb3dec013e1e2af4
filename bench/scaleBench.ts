import { readdirSync, readFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { createPostgresDatabase, postgresAvailable } from '../test/support/databases.ts';
import { startServerProcess, type ServerProcess } from '../test/reliability/serverProcess.ts';
import { type BenchResult } from './benchResult.ts';
import { BIRTH, BODIES, CONNECTIONS, load, type LoadSpec } from './httpBench.ts';

/** Each endpoint gets SLICES × 2 s of load, in slices alternating between the endpoints. */
const SLICES = 3;
const SLICE_S = 2;
const TICKS_PER_S = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return 0; // gone
  }
}

/** CPU seconds used so far by each PostgreSQL process of the machine. */
function postgresCpu(): Map<number, number> {
  const used = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        used.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone
    }
  }
  return used;
}

/**
 * CPU seconds PostgreSQL used between two readings: processes alive at both, plus those started
 * since (a backend that exited in between is lost; other users of the server are counted).
 */
function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, now] of postgresCpu()) total += Math.max(0, now - (before.get(pid) ?? 0));
  return total;
}

/** A round-robin TCP balancer: each client connection goes to the next backend. */
async function balancer(backends: readonly string[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const server = createServer((client) => {
    const { hostname, port } = new URL(backends[next++ % backends.length]!);
    const upstream = connect(Number(port), hostname);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * The floor to compare with: a Hono endpoint on a pg pool doing, per request, one transaction
 * with one update and one insert (the dossier's version and its event), one commit each.
 */
async function startBare(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`create table bare_dossiers (id text primary key, snapshot text not null, version integer not null);
    create table bare_events (dossier_id text not null, seq integer not null, type text not null, payload text not null, primary key (dossier_id, seq));`);
  const ids = Array.from({ length: CONNECTIONS + 10 }, (_, i) => `d${i}`);
  for (const id of ids) await pool.query(`insert into bare_dossiers values ($1, '{}', 1)`, [id]);
  const app = new Hono().post('/bare/:id', async (c) => {
    const { type } = (await c.req.json()) as { type: string };
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{ version: number }>(
        'update bare_dossiers set snapshot = $2, version = version + 1 where id = $1 returning version',
        [c.req.param('id'), JSON.stringify({ state: type })],
      );
      await client.query('insert into bare_events values ($1, $2, $3, $4)', [
        c.req.param('id'),
        rows[0]!.version,
        type,
        JSON.stringify({ type }),
      ]);
      await client.query('commit');
    } finally {
      client.release();
    }
    return c.json({ ok: true });
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  return {
    spec: (): LoadSpec => ({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      ids,
      headers: {},
      prefix: '/bare/',
      suffix: '',
      bodies: BODIES,
    }),
    close: async () => {
      server.close();
      await pool.end();
    },
  };
}

async function json(url: string, path: string, body: unknown, token?: string) {
  const r = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await r.json()) as Record<string, unknown>;
}

/** Dossiers for each slice of a target (a slice stops with pairs half done), and a warm-up. */
async function dossiers(url: string, token: string): Promise<string[][]> {
  const pools: string[][] = [];
  for (let slice = 0; slice <= SLICES; slice++) {
    const made = await Promise.all(
      Array.from({ length: CONNECTIONS + 10 }, () => json(url, '/api/dossiers', BIRTH, token)),
    );
    pools.push(made.map((d) => d.id as string));
  }
  return pools;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
  /** CPU of the server processes (or the bare endpoint's), µs per request. */
  serverUs: number;
  /** CPU of all PostgreSQL processes on the machine, µs per request (noisy: shared). */
  postgresUs: number;
}

/**
 * Durable events/s of motcua on PostgreSQL: one server process, then two behind a round-robin
 * balancer, against a bare endpoint doing one update + one insert per request, in alternating
 * slices on one database, 50 connections.
 */
export async function runScaleBench(): Promise<BenchResult[]> {
  if (!(await postgresAvailable().catch(() => false))) {
    console.error('scale: PostgreSQL is not reachable; nothing measured');
    return [];
  }
  const db = await createPostgresDatabase();
  const servers: ServerProcess[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    const env = { DATABASE_URL: db.url, SCHEDULER_INTERVAL_MS: '1000' };
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
    const lb = await balancer(servers.map((s) => s.url));
    closers.push(async () => void lb.server.close());
    const bare = await startBare(db.url);
    closers.push(bare.close);
    const { token } = (await json(servers[0]!.url, '/api/auth/login', {
      username: 'admin',
      password: 'motcua',
    })) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const motcua = (url: string, pools: string[][]) => (slice: number) => ({
      url,
      ids: pools[slice]!,
      headers,
      prefix: '/api/dossiers/',
      suffix: '/events',
      bodies: BODIES,
    });
    const targets = [
      { name: 'bare', spec: () => bare.spec(), pids: [process.pid] },
      {
        name: 'one',
        spec: motcua(servers[0]!.url, await dossiers(servers[0]!.url, token)),
        pids: [servers[0]!.child.pid!],
      },
      {
        name: 'two',
        spec: motcua(lb.url, await dossiers(lb.url, token)),
        // The balancer runs in this process: its CPU is the price of the second process here.
        pids: [servers[0]!.child.pid!, servers[1]!.child.pid!, process.pid],
      },
    ];
    const figures = targets.map(() => ({
      slices: [] as Awaited<ReturnType<typeof load>>[],
      serverS: 0,
      pgS: 0,
    }));
    // A slice each, not measured: the servers' code is compiled by the JIT under load first.
    for (const t of targets) await load(t.spec(SLICES));
    for (let slice = 0; slice < SLICES; slice++) {
      for (const [i, t] of targets.entries()) {
        const cpu0 = t.pids.reduce((n, pid) => n + cpuSeconds(pid), 0);
        const pg0 = postgresCpu();
        const r = await load(t.spec(slice));
        figures[i]!.serverS += t.pids.reduce((n, pid) => n + cpuSeconds(pid), 0) - cpu0;
        figures[i]!.pgS += postgresCpuSince(pg0);
        figures[i]!.slices.push(r);
      }
    }
    const [b, one, two] = figures.map((f): Figures => {
      const total = f.slices.reduce((n, s) => n + s.total, 0);
      const p50s = f.slices.map((s) => s.p50).sort((x, y) => x - y);
      return {
        rps: total / (SLICES * SLICE_S),
        p50: p50s[Math.floor(p50s.length / 2)]!,
        p99: Math.max(...f.slices.map((s) => s.p99)),
        errors: f.slices.reduce((n, s) => n + s.errors, 0),
        total,
        serverUs: (f.serverS * 1e6) / Math.max(1, total),
        postgresUs: (f.pgS * 1e6) / Math.max(1, total),
      };
    }) as [Figures, Figures, Figures];
    const line = (f: Figures) =>
      `p50 ${f.p50} ms, p99 ${f.p99} ms, CPU ${f.serverUs.toFixed(0)} µs/request in node + ${f.postgresUs.toFixed(0)} µs in PostgreSQL, ${f.errors} non-2xx of ${f.total}`;
    return [
      {
        name: 'scale.postgres.bare',
        value: b.rps,
        unit: 'requests/s',
        note: `bare Hono endpoint on a pg pool: one update + one insert, one commit per request; ${line(b)}`,
      },
      {
        name: 'scale.postgres.one',
        value: one.rps,
        unit: 'events/s',
        note: `one motcua process, POST /api/dossiers/:id/events, ${CONNECTIONS} connections, ${SLICES}×${SLICE_S}s alternating; ${line(one)} (goal ≥ 1500/s, p99 ≤ 50 ms)`,
      },
      {
        name: 'scale.postgres.two',
        value: two.rps,
        unit: 'events/s',
        note: `two motcua processes behind a round-robin TCP balancer (its CPU counted in node); ${line(two)} (goal ≥ one)`,
      },
      {
        name: 'scale.postgres.ratio',
        value: one.rps / b.rps,
        unit: '×',
        note: 'one motcua process over the bare endpoint',
      },
    ];
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  }
}
