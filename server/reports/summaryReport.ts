import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { extendReportRollup, localDay, localDayStart, rolledUpTo } from './extendReportRollup.ts';
import {
  FLOW_COUNTS,
  REPORT_COUNTS,
  scanDossiers,
  type GroupBy,
  type ReportCount,
} from './scanDossiers.ts';

/** The figures the provinces report for a period (DOMAIN.md), for one group. */
export interface SummaryRow {
  readonly key: string;
  /** New dossiers received in the period, and by channel. */
  readonly received: number;
  readonly online: number;
  readonly desk: number;
  readonly post: number;
  /** Received before the period and still open at its start. */
  readonly carriedOver: number;
  /** Resolved with a result in the period, by timeliness. */
  readonly resolved: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly refused: number;
  readonly withdrawn: number;
  readonly stopped: number;
  /** Open at the end of the period: not yet due, overdue, and waiting for a supplement. */
  readonly inProgress: number;
  readonly notYetDue: number;
  readonly overdue: number;
  readonly awaitingSupplement: number;
  /** Percentages: resolved of (received + carried over); early / on time / late of resolved. */
  readonly resolvedPercent: number;
  readonly earlyPercent: number;
  readonly onTimePercent: number;
  readonly latePercent: number;
}

/** A report: one row per group, in the database's order of the keys, and their total. */
export interface SummaryReport {
  readonly rows: SummaryRow[];
  readonly total: SummaryRow;
}

type Counts = { key: string } & Record<ReportCount, unknown>;

const pct = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

const isLocalMidnight = (ms: number) => localDayStart(localDay(ms)) === ms;

/**
 * The one-stop statistics (báo cáo tình hình giải quyết hồ sơ) for [from, to), grouped by unit,
 * procedure, level or channel. The closed days come from the daily rollup (extended first up to
 * the day before `now`); the days after it, and the dossiers still open or completed since, are
 * scanned live by the same query as a full scan. Both are read in one snapshot, so the figures
 * equal `scanReport`'s. Bounds that are not local midnights are scanned in full.
 */
export async function summaryReport(
  db: Kysely<Database>,
  from: number,
  to: number,
  groupBy: GroupBy,
  now: number,
  units: readonly string[] | 'all' = 'all',
): Promise<SummaryReport> {
  // The rollup keys each dimension alone: a scope of units is read from it only when grouping
  // by unit; other groupings of a scope are scanned (a unit's or a subtree's dossiers).
  const scoped = units === 'all' ? undefined : units;
  if (!isLocalMidnight(from) || !isLocalMidnight(to) || (scoped && groupBy !== 'unit'))
    return scanReport(db, from, to, groupBy, now, scoped);
  await extendReportRollup(db, now);
  const result = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const since = Math.max(from, localDayStart(await rolledUpTo(trx)));
      const live = scanDossiers(trx, groupBy, {
        from,
        since,
        to,
        now,
        ...(scoped ? { units: scoped } : {}),
      });
      const parts = live.unionAll(
        rollupSums(trx, groupBy, from, to, scoped) as unknown as typeof live,
      );
      return (
        trx
          .selectFrom(parts.as('parts'))
          .select([
            sql<string>`key`.as('key'),
            ...REPORT_COUNTS.map((name) => sql<number>`sum(${sql.ref(name)})`.as(name)),
          ])
          .groupBy('key')
          // A group known only from history before the period (nothing received or carried over)
          // is not in the period at all, as in a full scan.
          .having(sql<boolean>`sum(received) + sum(carried_over) > 0`)
          .orderBy('key')
          .execute()
      );
    });
  return present(result as Counts[]);
}

/**
 * The same figures from one pass over the dossiers touching the period (covering index
 * `dossiers_report`), without the rollup: the reference the rollup is proven against, and the
 * way non-day periods are counted.
 */
export async function scanReport(
  db: Kysely<Database>,
  from: number,
  to: number,
  groupBy: GroupBy,
  now: number,
  units?: readonly string[],
): Promise<SummaryReport> {
  const result = await scanDossiers(db, groupBy, {
    from,
    since: from,
    to,
    now,
    ...(units ? { units } : {}),
  })
    .orderBy('key')
    .execute();
  return present(result as Counts[]);
}

/**
 * The rollup's part of a report: flows of the rolled-up days in the period, and what was still
 * open at `from` and at `to` among the dossiers completed before the rollup's end (sums of the
 * `_net` columns up to those days).
 */
function rollupSums(
  db: Kysely<Database>,
  groupBy: GroupBy,
  from: number,
  to: number,
  units?: readonly string[],
) {
  const fromDay = localDay(from);
  const inPeriod = (f: string) =>
    sql<number>`sum(case when day >= ${fromDay} then ${sql.ref(f)} else 0 end)`;
  const sums = {
    ...(Object.fromEntries(FLOW_COUNTS.map((f) => [f, inPeriod(f)])) as Record<
      (typeof FLOW_COUNTS)[number],
      RawBuilder<number>
    >),
    carried_over: sql<number>`sum(case when day < ${fromDay} then open_net else 0 end)`,
    in_progress: sql<number>`sum(open_net)`,
    overdue: sql<number>`sum(overdue_net)`,
    awaiting: sql<number>`sum(awaiting_net)`,
  } satisfies Record<ReportCount, RawBuilder<number>>;
  return db
    .selectFrom('report_rollup')
    .select([sql<string>`key`.as('key'), ...REPORT_COUNTS.map((name) => sums[name].as(name))])
    .where('dimension', '=', groupBy)
    .$if(units !== undefined, (w) => w.where('key', 'in', units!.length > 0 ? [...units!] : ['-']))
    .where('day', '<', localDay(to))
    .groupBy('key');
}

function present(result: readonly Counts[]): SummaryReport {
  const rows = result.map((r) => toRow(r.key ?? '', r));
  const sum = (k: ReportCount) => result.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  const total = toRow('*', Object.fromEntries(REPORT_COUNTS.map((k) => [k, sum(k)])));
  return { rows, total };
}

function toRow(key: string, r: Record<string, unknown>): SummaryRow {
  const n = (k: string) => Number(r[k] ?? 0);
  const resolved = n('resolved');
  const inProgress = n('in_progress');
  const overdue = n('overdue');
  const awaiting = n('awaiting');
  return {
    key,
    received: n('received'),
    online: n('online'),
    desk: n('desk'),
    post: n('post'),
    carriedOver: n('carried_over'),
    resolved,
    early: n('early'),
    onTime: n('on_time'),
    late: n('late'),
    refused: n('refused'),
    withdrawn: n('withdrawn'),
    stopped: n('stopped'),
    inProgress,
    notYetDue: inProgress - overdue - awaiting,
    overdue,
    awaitingSupplement: awaiting,
    resolvedPercent: pct(resolved, n('received') + n('carried_over')),
    earlyPercent: pct(n('early'), resolved),
    onTimePercent: pct(n('on_time'), resolved),
    latePercent: pct(n('late'), resolved),
  };
}
