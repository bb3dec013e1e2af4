import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { FLOW_COUNTS, GROUP_COLUMN, type GroupBy } from './scanDossiers.ts';

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year (no daylight saving). */
const OFFSET_MS = 7 * 3_600_000;
/**
 * A day is rolled up only once it has been over for this long: a write stamped just before
 * midnight may still be committing (group commit), or come from a server whose clock is a little
 * behind. Until then the day is read live, like today.
 */
export const ROLLUP_GRACE_MS = 10 * 60_000;
/** Days per transaction when catching up: the first build never holds the database for long. */
const CHUNK_DAYS = 92;

/** The local (UTC+7) day of an instant, as days since 1970-01-01. */
export const localDay = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS);

/** The instant a local day starts. */
export const localDayStart = (day: number): number => day * DAY_MS - OFFSET_MS;

/** The local day of an instant column, in SQL (instants are positive: division truncates). */
const dayOf = (instant: RawBuilder<unknown>) =>
  sql<number>`(${instant} + ${sql.lit(OFFSET_MS)}) / ${sql.lit(DAY_MS)}`;

/** The first local day not yet in the rollup. */
export async function rolledUpTo(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('report_rollup_state')
    .select('upto_day')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.upto_day);
}

/**
 * Bring the rollup up to the last closed day before `now` (minus the grace). Each step locks the
 * watermark row first (an UPDATE: a row lock in PostgreSQL, the write lock in SQLite) and re-reads
 * it, so two servers catching up at once roll each day up exactly once.
 */
export async function extendReportRollup(db: Kysely<Database>, now: number): Promise<void> {
  const target = localDay(now - ROLLUP_GRACE_MS);
  while ((await rolledUpTo(db)) < target) {
    await db.transaction().execute(async (trx) => {
      const locked = await trx
        .updateTable('report_rollup_state')
        .set({ upto_day: sql`upto_day` })
        .where('id', '=', 1)
        .returning('upto_day')
        .executeTakeFirstOrThrow();
      const start = Number(locked.upto_day);
      if (start >= target) return;
      // The first build starts at the first reception, not in 1970.
      const first = await trx
        .selectFrom('dossiers')
        .select((eb) => eb.fn.min('received_at').as('at'))
        .executeTakeFirst();
      const begin = first?.at == null ? target : Math.max(start, localDay(Number(first.at)));
      const end = Math.min(target, begin + CHUNK_DAYS);
      for (const groupBy of Object.keys(GROUP_COLUMN) as GroupBy[])
        await rollUp(trx, groupBy, localDayStart(start), localDayStart(end));
      await trx
        .updateTable('report_rollup_state')
        .set({ upto_day: end })
        .where('id', '=', 1)
        .execute();
    });
  }
}

/** The rollup's columns, in the order `rollUp` selects them. */
const FIGURES = [...FLOW_COUNTS, 'open_net', 'overdue_net', 'awaiting_net'] as const;

/**
 * Add the days [from, to) to the rollup of one dimension, in one grouped INSERT … SELECT:
 * receptions on the day received; completions on the day completed. A dossier completed in these
 * days is final, so the intervals in which it was open (received → completed), overdue (due →
 * completed) and awaiting a supplement are added too: +1 on the day each began (possibly an
 * earlier, already rolled-up day, hence the upsert) and −1 on the day it completed. A report sums
 * these up to a day to know what was open then, without reading those dossiers again.
 */
async function rollUp(
  db: Kysely<Database>,
  groupBy: GroupBy,
  from: number,
  to: number,
): Promise<void> {
  const key = sql.ref(GROUP_COLUMN[groupBy]);
  const one = (cond: RawBuilder<unknown>) => sql`case when ${cond} then 1 else 0 end`;
  const zero = sql`0`;
  const row = (
    day: RawBuilder<number>,
    figures: Partial<Record<(typeof FIGURES)[number], unknown>>,
  ) =>
    sql.join([
      sql`${key} as key`,
      sql`${day} as day`,
      ...FIGURES.map((f) => sql`${figures[f] ?? zero} as ${sql.ref(f)}`),
    ]);
  const received = sql`received_at >= ${from} and received_at < ${to}`;
  const completed = sql`completed_at >= ${from} and completed_at < ${to}`;
  const wasOpen = sql`received_at < completed_at`;
  const overdueFrom = sql`case when due_at > received_at then due_at else received_at end`;
  const wasOverdue = sql`awaiting_supplement = 0 and due_at is not null and ${overdueFrom} < completed_at`;
  const wasAwaiting = sql`status = 'active' and awaiting_supplement = 1 and ${wasOpen}`;
  const approved = sql`outcome = 'approved'`;
  const events = sql`
    select ${row(dayOf(sql`received_at`), {
      received: sql`1`,
      online: one(sql`channel = 'online'`),
      desk: one(sql`channel = 'desk'`),
      post: one(sql`channel = 'post'`),
    })} from dossiers where ${received}
    union all
    select ${row(dayOf(sql`completed_at`), {
      resolved: one(approved),
      early: one(sql`${approved} and timeliness = 'early'`),
      on_time: one(sql`${approved} and timeliness = 'on-time'`),
      late: one(sql`${approved} and timeliness = 'late'`),
      refused: one(sql`outcome = 'refused'`),
      withdrawn: one(sql`outcome = 'withdrawn'`),
      stopped: one(sql`outcome = 'stopped'`),
      open_net: sql`-(${one(wasOpen)})`,
      overdue_net: sql`-(${one(wasOverdue)})`,
      awaiting_net: sql`-(${one(wasAwaiting)})`,
    })} from dossiers where ${completed}
    union all
    select ${row(dayOf(sql`received_at`), { open_net: sql`1`, awaiting_net: one(wasAwaiting) })}
    from dossiers where ${completed} and ${wasOpen}
    union all
    select ${row(dayOf(overdueFrom), { overdue_net: sql`1` })}
    from dossiers where ${completed} and ${wasOverdue}`;
  const sums = sql.join(FIGURES.map((f) => sql`sum(${sql.ref(f)})`));
  const updates = sql.join(
    FIGURES.map((f) => sql`${sql.ref(f)} = report_rollup.${sql.ref(f)} + excluded.${sql.ref(f)}`),
  );
  // `where true`: SQLite's documented way to keep an INSERT … SELECT's ON CONFLICT unambiguous.
  await sql`
    insert into report_rollup (dimension, key, day, ${sql.join(FIGURES.map((f) => sql.ref(f)))})
    select ${sql.lit(groupBy)}, key, day, ${sums} from (${events}) as events where true
    group by key, day
    on conflict (dimension, key, day) do update set ${updates}`.execute(db);
}
