import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

export async function up(db: Kysely<any>): Promise<void> {
  // Payments of a dossier's fees (#18): recorded by an officer, or by the provider's webhook
  // (idempotent by the provider's transaction id, unique when present).
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('receipt_no', 'text', (c) => c.notNull())
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('payer', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_dossier').on('payments').column('dossier_id').execute();
  await db.schema
    .createIndex('payments_transaction')
    .on('payments')
    .column('transaction_id')
    .unique()
    .execute();
  // The citizen's rating of a resolved dossier (đánh giá mức độ hài lòng), once per dossier.
  await db.schema
    .createTable('ratings')
    .addColumn('dossier_id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text', (c) => c.notNull())
    .addColumn('attitude', 'integer', (c) => c.notNull())
    .addColumn('timeliness', 'integer', (c) => c.notNull())
    .addColumn('clarity', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('rated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ratings_rated_at').on('ratings').column('rated_at').execute();
  // Delivery of applicant notices by e-mail: attempts, when to try again, the last error, and
  // how it went (`email`, or `no-address` when the applicant gave none).
  await db.schema
    .alterTable('outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'bigint').execute();
  await db.schema.alterTable('outbox').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('delivery', 'text').execute();
  await db.schema
    .createIndex('outbox_pending')
    .on('outbox')
    .columns(['audience', 'sent_at', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_pending').execute();
  for (const column of ['delivery', 'last_error', 'next_attempt_at', 'attempts'])
    await db.schema.alterTable('outbox').dropColumn(column).execute();
  await db.schema.dropTable('ratings').execute();
  await db.schema.dropTable('payments').execute();
}
