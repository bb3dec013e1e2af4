import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code and types the database as `any`.

export async function up(db: Kysely<any>): Promise<void> {
  // The officer's reason printed on a refusal, a supplement request, an apology, a stop notice.
  await db.schema.alterTable('slips').addColumn('reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('slips').dropColumn('reason').execute();
}
