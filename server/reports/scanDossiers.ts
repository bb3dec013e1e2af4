import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';

/** How the one-stop statistics are grouped. */
export type GroupBy = 'unit' | 'procedure' | 'level' | 'channel';

/** The column of `dossiers` each grouping reads (immutable after reception). */
export const GROUP_COLUMN: Record<GroupBy, 'unit_id' | 'procedure_id' | 'level' | 'channel'> = {
  unit: 'unit_id',
  procedure: 'procedure_id',
  level: 'level',
  channel: 'channel',
};

/** The columns the figures are computed from. */
const READ = [
  'received_at',
  'completed_at',
  'channel',
  'status',
  'outcome',
  'timeliness',
  'due_at',
  'awaiting_supplement',
] as const;

/** The counts of what happened in the period: receptions by channel, completions by outcome. */
export const FLOW_COUNTS = [
  'received',
  'online',
  'desk',
  'post',
  'resolved',
  'early',
  'on_time',
  'late',
  'refused',
  'withdrawn',
  'stopped',
] as const;

/** The counts every part of a report selects, in this order (so parts can be UNIONed). */
export const REPORT_COUNTS = [
  ...FLOW_COUNTS,
  'carried_over',
  'in_progress',
  'overdue',
  'awaiting',
] as const;

/** One of the counts of a report. */
export type ReportCount = (typeof REPORT_COUNTS)[number];

/**
 * The instants of a scan: the period [from, to), and `since` (from ≤ since): receptions and
 * completions are counted in [since, to) only, and only dossiers still open at `since` or
 * completed after it are read. With `since = from` this is the whole report in one pass; with
 * `since` = the end of the rollup it is the report's live part.
 */
export interface ScanBounds {
  readonly from: number;
  readonly since: number;
  readonly to: number;
  /** The clock: a dossier open at the end of the period is overdue once its appointment is
   * before min(to, now) — a period still running is judged as of now, not as of its last day. */
  readonly now: number;
  /** Only the dossiers received by these units (the caller's scope); all when absent. */
  readonly units?: readonly string[];
}

/**
 * Count the dossiers received before `to` and open at `since` or completed after it, grouped by
 * the column of `groupBy`: the one piece of logic that says what each figure means (received by
 * channel, carried over, resolved by timeliness, refused, withdrawn, stopped, and in progress,
 * overdue and awaiting a supplement at the end of the period).
 */
export function scanDossiers(db: Kysely<Database>, groupBy: GroupBy, bounds: ScanBounds) {
  const { from, since, to } = bounds;
  const judgedAt = Math.min(to, bounds.now);
  const col = sql.ref(GROUP_COLUMN[groupBy]);
  const inPeriod = sql`received_at >= ${since} and received_at < ${to}`;
  const doneIn = sql`completed_at >= ${since} and completed_at < ${to}`;
  const openAtEnd = sql`(completed_at is null or completed_at >= ${to})`;
  const count = (cond: RawBuilder<unknown>) => sql<number>`count(*) filter (where ${cond})`;
  const counts: Record<ReportCount, RawBuilder<number>> = {
    received: count(inPeriod),
    online: count(sql`${inPeriod} and channel = 'online'`),
    desk: count(sql`${inPeriod} and channel = 'desk'`),
    post: count(sql`${inPeriod} and channel = 'post'`),
    carried_over: count(sql`received_at < ${from}`),
    resolved: count(sql`${doneIn} and outcome = 'approved'`),
    early: count(sql`${doneIn} and outcome = 'approved' and timeliness = 'early'`),
    on_time: count(sql`${doneIn} and outcome = 'approved' and timeliness = 'on-time'`),
    late: count(sql`${doneIn} and outcome = 'approved' and timeliness = 'late'`),
    refused: count(sql`${doneIn} and outcome = 'refused'`),
    withdrawn: count(sql`${doneIn} and outcome = 'withdrawn'`),
    stopped: count(sql`${doneIn} and outcome = 'stopped'`),
    in_progress: count(openAtEnd),
    overdue: count(
      sql`${openAtEnd} and awaiting_supplement = 0 and due_at is not null and due_at < ${judgedAt}`,
    ),
    awaiting: count(sql`${openAtEnd} and status = 'active' and awaiting_supplement = 1`),
  };
  // Open, or completed since: two ranges of the covering index `dossiers_completed`, read as two
  // index-only scans (an OR would make PostgreSQL visit the table).
  const rows = (completed: 'open' | 'since') =>
    db
      .selectFrom('dossiers')
      .select([col.as('key'), ...READ])
      .where('received_at', '<', to)
      .$if(bounds.units !== undefined, (w) =>
        w.where('unit_id', 'in', bounds.units!.length > 0 ? [...bounds.units!] : ['-']),
      )
      .where((eb) =>
        completed === 'open' ? eb('completed_at', 'is', null) : eb('completed_at', '>=', since),
      );
  return db
    .selectFrom(rows('open').unionAll(rows('since')).as('d'))
    .select([sql<string>`key`.as('key'), ...REPORT_COUNTS.map((name) => counts[name].as(name))])
    .groupBy('key');
}
