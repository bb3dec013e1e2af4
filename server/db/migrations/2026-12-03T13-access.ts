import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

/** Lowercase, without Vietnamese diacritics, đ → d, spaces collapsed (as the inbox search types). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  // Which units may read a dossier: the receiving unit, every unit that held one of its steps,
  // every unit an effect named. Kept in the transaction of the event that grants it.
  await db.schema
    .createTable('dossier_access')
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_access_pk', ['dossier_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('dossier_access_unit')
    .on('dossier_access')
    .columns(['unit_id', 'dossier_id'])
    .execute();
  for (const source of [
    sql`select id, unit_id from dossiers where true`,
    sql`select dossier_id, unit_id from dossier_steps where unit_id is not null`,
    sql`select dossier_id, unit_id from step_log where unit_id is not null`,
    sql`select dossier_id, unit_id from outbox where audience = 'unit' and unit_id is not null`,
  ]) {
    await sql`insert into dossier_access (dossier_id, unit_id) ${source} on conflict do nothing`.execute(
      db,
    );
  }

  // Who opened which dossier when (detail views, prints, exports, files): append-only.
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('access_log_at').on('access_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('access_log_dossier')
    .on('access_log')
    .columns(['dossier_id', 'at'])
    .execute();
  await db.schema
    .createIndex('access_log_user')
    .on('access_log')
    .columns(['user_id', 'at'])
    .execute();
  if (sqlite) {
    for (const op of ['update', 'delete'])
      await sql
        .raw(
          `create trigger access_log_no_${op} before ${op} on access_log begin select raise(abort, 'access_log is append-only'); end`,
        )
        .execute(db);
  } else {
    await sql
      .raw(
        `create function access_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'access_log is append-only'; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger access_log_append_only before update or delete on access_log for each row execute function access_log_append_only()`,
      )
      .execute(db);
  }

  // Failed attempts (sign-in, citizen lookup) per key, shared by every server process.
  await db.schema
    .createTable('throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('throttles_window')
    .on('throttles')
    .columns(['window_start'])
    .execute();

  // The inbox searches code, applicant name and ID number without case or diacritics.
  await db.schema.alterTable('dossiers').addColumn('search_text', 'text').execute();
  const rows = await db
    .selectFrom('dossiers')
    .select(['id', 'code', 'applicant_name', 'applicant_id_number'])
    .execute();
  for (const r of rows)
    await db
      .updateTable('dossiers')
      .set({
        search_text: fold(`${r.code} ${r.applicant_name} ${r.applicant_id_number ?? ''}`),
      })
      .where('id', '=', r.id)
      .execute();

  // Receipt secrets were stored in clear inside replayable reception answers: drop them.
  const stored = await db
    .selectFrom('idempotency_keys')
    .select(['user_id', 'key', 'response'])
    .where('response', 'like', '%"secret"%')
    .execute();
  for (const s of stored) {
    const body = JSON.parse(s.response) as Record<string, unknown>;
    delete body.secret;
    await db
      .updateTable('idempotency_keys')
      .set({ response: JSON.stringify(body) })
      .where('user_id', '=', s.user_id)
      .where('key', '=', s.key)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dossiers').dropColumn('search_text').execute();
  await db.schema.dropTable('throttles').execute();
  await db.schema.dropTable('access_log').execute();
  await db.schema.dropTable('dossier_access').execute();
}
