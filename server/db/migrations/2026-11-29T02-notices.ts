import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

export async function up(db: Kysely<any>): Promise<void> {
  // Until when a user has seen their unit's notices (null: since the account was created).
  await db.schema.alterTable('users').addColumn('notices_seen_at', 'bigint').execute();
  // A unit's notices, newest first (the bell, its unread count).
  await db.schema
    .createIndex('outbox_unit')
    .on('outbox')
    .columns(['unit_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_unit').execute();
  await db.schema.alterTable('users').dropColumn('notices_seen_at').execute();
}
