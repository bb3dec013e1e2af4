import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

export async function up(db: Kysely<any>): Promise<void> {
  // Files sent up before the event that uses them; linked (and deleted here) in that event's
  // transaction, or collected once expired.
  await db.schema
    .createTable('file_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('file_uploads_expiry')
    .on('file_uploads')
    .column('expires_at')
    .execute();
  await db.schema.createIndex('file_uploads_sha').on('file_uploads').column('sha256').execute();

  // The files of a dossier: one row per attachment (a reused document is a new row, same blob).
  await db.schema
    .createTable('dossier_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('step_id', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('reused_from', 'text')
    .execute();
  await db.schema
    .createIndex('dossier_files_dossier')
    .on('dossier_files')
    .columns(['dossier_id', 'created_at'])
    .execute();
  await db.schema.createIndex('dossier_files_sha').on('dossier_files').column('sha256').execute();
  // The citizen's earlier documents, found by ID number at reception.
  await db.schema
    .createIndex('dossiers_applicant_id')
    .on('dossiers')
    .column('applicant_id_number')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossiers_applicant_id').execute();
  await db.schema.dropTable('dossier_files').execute();
  await db.schema.dropTable('file_uploads').execute();
}
