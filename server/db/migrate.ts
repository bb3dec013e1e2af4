import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as initial from './migrations/2026-11-23T00-initial.ts';
import * as reportRollup from './migrations/2026-11-29T00-report-rollup.ts';
import * as userAdmin from './migrations/2026-11-29T01-user-admin.ts';
import * as notices from './migrations/2026-11-29T02-notices.ts';
import * as access from './migrations/2026-12-03T13-access.ts';
import * as dossierFiles from './migrations/2026-12-03T16-dossier-files.ts';
import * as publication from './migrations/2026-12-03T14-procedure-publication.ts';
import * as slipReason from './migrations/2026-12-03T15-slip-reason.ts';
import * as paymentsRatingsMail from './migrations/2026-12-03T23-payments-ratings-mail.ts';

/** The migrations, by date-prefixed name; Kysely runs them in name order. */
const migrations: Record<string, Migration> = {
  '2026-11-23T00-initial': initial,
  '2026-11-29T00-report-rollup': reportRollup,
  '2026-11-29T01-user-admin': userAdmin,
  '2026-11-29T02-notices': notices,
  '2026-12-03T13-access': access,
  '2026-12-03T16-dossier-files': dossierFiles,
  '2026-12-03T14-procedure-publication': publication,
  '2026-12-03T15-slip-reason': slipReason,
  '2026-12-03T23-payments-ratings-mail': paymentsRatingsMail,
};

/** Bring the schema up to date; returns Kysely's report instead of throwing on a failure. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return migrator.migrateToLatest();
}

/** The names of the migrations not yet applied to this database (for the readiness check). */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
