import { sql } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppDeps } from './http/context.ts';

/** What the runtime offers the metrics beyond the app's dependencies (all optional). */
export interface MetricSources {
  /** The timer scheduler's counters (absent when the runtime runs none). */
  readonly scheduler?: {
    readonly stats: { readonly ticks: number; readonly fired: number; readonly errors: number };
  };
  /** PostgreSQL's connection pool (absent on SQLite, which has one connection). */
  readonly pool?: {
    readonly totalCount: number;
    readonly idleCount: number;
    readonly waitingCount: number;
  };
}

/** The Prometheus metrics of one app, scraped at `/metrics`. */
export interface Metrics {
  readonly registry: Registry;
  /** Record one answered request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
}

/**
 * Build the registry: HTTP durations by route and status, durable writes and group-commit sizes
 * (WriteQueue), timers fired / due / late (the scheduler and the timers table, read at scrape),
 * the PostgreSQL pool, and Node's process metrics. One registry per app, so tests running many
 * apps in one process do not share counters.
 */
export function createMetrics(deps: AppDeps, sources: MetricSources = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'motcua_' });
  const http = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const writes = deps.writes;
  new Counter({
    name: 'motcua_durable_writes_total',
    help: 'Writes (receptions, dossier events, fired timers, account changes) committed to the database',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(writes.stats.jobs);
    },
  });
  new Counter({
    name: 'motcua_write_commits_total',
    help: 'Group commits (transactions, one fsync each on SQLite) of the write queue',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(writes.stats.batches);
    },
  });
  const commitSize = new Histogram({
    name: 'motcua_group_commit_size',
    help: 'Writes per group commit',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [registry],
  });
  writes.onCommit = (size) => commitSize.observe(size);
  const scheduler = sources.scheduler;
  if (scheduler) {
    new Counter({
      name: 'motcua_timers_fired_total',
      help: 'Timers (deadlines, warnings, after-transitions) fired by this process',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(scheduler.stats.fired);
      },
    });
    new Counter({
      name: 'motcua_scheduler_errors_total',
      help: 'Scheduler ticks that failed',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(scheduler.stats.errors);
      },
    });
  }
  const pendingDue = () =>
    deps.db
      .selectFrom('timers')
      .select([sql<number>`count(*)`.as('due'), sql<number | null>`min(due_at)`.as('oldest')])
      .where('status', '=', 'pending')
      .where('due_at', '<=', deps.now())
      .executeTakeFirst();
  new Gauge({
    name: 'motcua_timers_due',
    help: 'Timers due now and not yet fired (all processes; should stay near 0)',
    registers: [registry],
    async collect() {
      this.set(Number((await pendingDue())?.due ?? 0));
    },
  });
  new Gauge({
    name: 'motcua_timers_lag_seconds',
    help: 'How late the oldest due, unfired timer is (0 when none is due)',
    registers: [registry],
    async collect() {
      const oldest = (await pendingDue())?.oldest;
      this.set(oldest == null ? 0 : (deps.now() - Number(oldest)) / 1000);
    },
  });
  const pool = sources.pool;
  if (pool) {
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    gauge('motcua_db_pool_connections', 'PostgreSQL pool: open connections', () => pool.totalCount);
    gauge('motcua_db_pool_idle', 'PostgreSQL pool: idle connections', () => pool.idleCount);
    gauge(
      'motcua_db_pool_waiting',
      'PostgreSQL pool: queries waiting for a connection',
      () => pool.waitingCount,
    );
  }
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      http.observe({ method, route, status: String(status) }, seconds);
    },
  };
}
