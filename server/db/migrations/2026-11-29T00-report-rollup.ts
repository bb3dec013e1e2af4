import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

/** The figures of one rollup row, each an integer count. */
const COUNTS = [
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
  'open_net',
  'overdue_net',
  'awaiting_net',
];

export async function up(db: Kysely<any>): Promise<void> {
  // One row per (dimension, key, local day): the one-stop figures of the closed days, so that a
  // report sums a few thousand rows instead of scanning a million dossiers.
  let table = db.schema
    .createTable('report_rollup')
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull());
  for (const name of COUNTS)
    table = table.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('report_rollup_pk', ['dimension', 'key', 'day']).execute();

  // One row: the first local day not yet rolled up (days since 1970-01-01 in UTC+7).
  await db.schema
    .createTable('report_rollup_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('upto_day', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('report_rollup_state')
    .values({ id: 1, upto_day: sql`0` })
    .execute();

  // Completions by day (rolling up), and the open dossiers plus today's completions (the live
  // part of a report): covering, like dossiers_report, so neither reads the table.
  await db.schema
    .createIndex('dossiers_completed')
    .on('dossiers')
    .columns([
      'completed_at',
      'received_at',
      'unit_id',
      'procedure_id',
      'level',
      'channel',
      'status',
      'outcome',
      'timeliness',
      'due_at',
      'awaiting_supplement',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossiers_completed').ifExists().execute();
  await db.schema.dropTable('report_rollup_state').ifExists().execute();
  await db.schema.dropTable('report_rollup').ifExists().execute();
}
