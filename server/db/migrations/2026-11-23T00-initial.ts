import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('procedure_versions')
    .addColumn('procedure_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('procedure_versions_pk', ['procedure_id', 'version'])
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('parent_id', 'text')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text', (c) => c.notNull())
    .addColumn('procedure_version', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('accepted_at', 'bigint')
    .addColumn('due_at', 'bigint')
    .addColumn('original_due_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('outcome', 'text')
    .addColumn('timeliness', 'text')
    .addColumn('awaiting_supplement', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The one-year report reads only these columns: a covering index keeps it off the table.
  await db.schema
    .createIndex('dossiers_report')
    .on('dossiers')
    .columns([
      'received_at',
      'unit_id',
      'procedure_id',
      'level',
      'channel',
      'status',
      'outcome',
      'timeliness',
      'due_at',
      'completed_at',
      'awaiting_supplement',
    ])
    .execute();
  await db.schema
    .createIndex('dossiers_open')
    .on('dossiers')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('dossiers_applicant')
    .on('dossiers')
    .columns(['applicant_name'])
    .execute();

  await db.schema
    .createTable('dossier_events')
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('override', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_events_pk', ['dossier_id', 'seq'])
    .execute();

  await db.schema
    .createTable('dossier_steps')
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('role', 'text')
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addPrimaryKeyConstraint('dossier_steps_pk', ['dossier_id', 'step_id'])
    .execute();
  await db.schema
    .createIndex('dossier_steps_inbox')
    .on('dossier_steps')
    .columns(['unit_id', 'role', 'entered_at'])
    .execute();

  // Ids of log-like rows are UUIDs made by the application: no dialect-specific autoincrement.
  await db.schema
    .createTable('step_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('role', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('exited_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('late', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('step_log_dossier')
    .on('step_log')
    .columns(['dossier_id', 'exited_at'])
    .execute();

  await db.schema
    .createTable('timers')
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('timer_key', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'bigint')
    .addPrimaryKeyConstraint('timers_pk', ['dossier_id', 'timer_key'])
    .execute();
  await db.schema.createIndex('timers_due').on('timers').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('slips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text')
    .addColumn('due_at', 'bigint')
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('slips_dossier')
    .on('slips')
    .columns(['dossier_id', 'issued_at'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['scope', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'counters',
    'idempotency_keys',
    'outbox',
    'slips',
    'timers',
    'step_log',
    'dossier_steps',
    'dossier_events',
    'dossiers',
    'sessions',
    'users',
    'units',
    'procedure_versions',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
