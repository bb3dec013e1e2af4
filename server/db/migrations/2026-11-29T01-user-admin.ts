import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

export async function up(db: Kysely<any>): Promise<void> {
  // A locked account keeps its row (its name stays on the dossiers it handled) but cannot sign in.
  await db.schema.alterTable('users').addColumn('disabled_at', 'bigint').execute();

  // Who changed which account, when, and how: user administration is part of the audit trail.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
