import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

export async function up(db: Kysely<any>): Promise<void> {
  // The working copy of a procedure in the designer: saved many times, submitted for review,
  // published by a second person. One draft per procedure; publishing deletes it.
  await db.schema
    .createTable('procedure_drafts')
    .addColumn('procedure_id', 'text', (c) => c.primaryKey())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('layout', 'text')
    .addColumn('etag', 'text', (c) => c.notNull())
    // The ETag of the published file the draft started from (null: a new procedure).
    .addColumn('base_etag', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('saves', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'bigint')
    .addColumn('review_note', 'text')
    .execute();

  // Who published which version of a procedure, when, with which decision, effective from when.
  await db.schema
    .createTable('procedure_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('procedure_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('effective_from', 'bigint', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('procedure_publications_effective')
    .on('procedure_publications')
    .columns(['procedure_id', 'effective_from', 'published_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('procedure_publications').execute();
  await db.schema.dropTable('procedure_drafts').execute();
}
