import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** How the one-stop statistics are grouped. */
export type GroupBy = 'unit' | 'procedure' | 'level' | 'channel';

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

const COLUMN: Record<GroupBy, 'unit_id' | 'procedure_id' | 'level' | 'channel'> = {
  unit: 'unit_id',
  procedure: 'procedure_id',
  level: 'level',
  channel: 'channel',
};

const pct = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/**
 * The one-stop statistics for [from, to): one pass over the dossiers touching the period, read
 * from the covering index `dossiers_report`, grouped by unit, procedure, level or channel.
 */
export async function summaryReport(
  db: Kysely<Database>,
  from: number,
  to: number,
  groupBy: GroupBy,
): Promise<{ rows: SummaryRow[]; total: SummaryRow }> {
  const col = sql.ref(COLUMN[groupBy]);
  const inPeriod = sql`received_at >= ${from} and received_at < ${to}`;
  const doneIn = sql`completed_at >= ${from} and completed_at < ${to}`;
  const openAtEnd = sql`(completed_at is null or completed_at >= ${to})`;
  const count = (cond: ReturnType<typeof sql>) =>
    sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  const result = await db
    .selectFrom('dossiers')
    .select([
      sql<string>`${col}`.as('key'),
      count(inPeriod).as('received'),
      count(sql`${inPeriod} and channel = 'online'`).as('online'),
      count(sql`${inPeriod} and channel = 'desk'`).as('desk'),
      count(sql`${inPeriod} and channel = 'post'`).as('post'),
      count(sql`received_at < ${from}`).as('carried_over'),
      count(sql`${doneIn} and outcome = 'approved'`).as('resolved'),
      count(sql`${doneIn} and outcome = 'approved' and timeliness = 'early'`).as('early'),
      count(sql`${doneIn} and outcome = 'approved' and timeliness = 'on-time'`).as('on_time'),
      count(sql`${doneIn} and outcome = 'approved' and timeliness = 'late'`).as('late'),
      count(sql`${doneIn} and outcome = 'refused'`).as('refused'),
      count(sql`${doneIn} and outcome = 'withdrawn'`).as('withdrawn'),
      count(sql`${doneIn} and outcome = 'stopped'`).as('stopped'),
      count(openAtEnd).as('in_progress'),
      count(
        sql`${openAtEnd} and awaiting_supplement = 0 and due_at is not null and due_at < ${to}`,
      ).as('overdue'),
      count(sql`${openAtEnd} and status = 'active' and awaiting_supplement = 1`).as('awaiting'),
    ])
    .where('received_at', '<', to)
    .where((eb) => eb.or([eb('completed_at', 'is', null), eb('completed_at', '>=', from)]))
    .groupBy(col)
    .orderBy(col)
    .execute();
  const rows = result.map((r) => toRow(r.key ?? '', r));
  const sum = (k: keyof (typeof result)[number]) =>
    result.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  const total = toRow(
    '*',
    Object.fromEntries(
      Object.keys(result[0] ?? { received: 0 }).map((k) => [k, sum(k as never)]),
    ) as never,
  );
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

/** CSV of a report, with Vietnamese headers (UTF-8 with BOM so spreadsheet programs read it). */
export function reportCsv(rows: readonly SummaryRow[], total: SummaryRow): string {
  const headers: [keyof SummaryRow, string][] = [
    ['key', 'Nhóm'],
    ['received', 'Tiếp nhận mới'],
    ['online', 'Trực tuyến'],
    ['desk', 'Trực tiếp'],
    ['post', 'Bưu chính'],
    ['carriedOver', 'Kỳ trước chuyển qua'],
    ['resolved', 'Đã giải quyết'],
    ['resolvedPercent', 'Tỷ lệ giải quyết (%)'],
    ['early', 'Trước hạn'],
    ['earlyPercent', 'Trước hạn (%)'],
    ['onTime', 'Đúng hạn'],
    ['onTimePercent', 'Đúng hạn (%)'],
    ['late', 'Quá hạn'],
    ['latePercent', 'Quá hạn (%)'],
    ['refused', 'Từ chối'],
    ['withdrawn', 'Rút hồ sơ'],
    ['stopped', 'Dừng xử lý'],
    ['inProgress', 'Đang giải quyết'],
    ['notYetDue', 'Chưa đến hạn'],
    ['overdue', 'Quá hạn chưa giải quyết'],
    ['awaitingSupplement', 'Chờ bổ sung'],
  ];
  const cell = (v: unknown) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [headers.map(([, h]) => h).join(',')];
  for (const r of [...rows, { ...total, key: 'Tổng cộng' }])
    lines.push(headers.map(([k]) => cell(r[k])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
