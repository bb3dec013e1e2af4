import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.
// The minimal files of a dossier that issue 17 (signed results) needs; issue 16 (the dossier's
// files) owns the real table and replaces this migration when the branches merge.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dossier_files')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('step_id', 'text')
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dossier_files_dossier')
    .ifNotExists()
    .on('dossier_files')
    .columns(['dossier_id', 'document_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dossier_files').ifExists().execute();
}
