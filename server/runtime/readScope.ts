import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { unitSubtree, type UnitCatalog } from '../../engine/index.ts';
import { AppError } from '../appError.ts';
import { SUPERVISOR_ROLE, type User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../http/context.ts';

/**
 * The units whose dossiers a user may read, or `all`: an administrator reads every dossier; a
 * supervisor (lãnh đạo, giám sát) the dossiers of the units under theirs (its subtree in
 * `units.json`); any other officer those of their own unit. A unit "has" a dossier when it
 * received it, holds or held one of its steps, or an effect named it (`dossier_access`).
 */
export function readableUnits(user: User, catalog: UnitCatalog): readonly string[] | 'all' {
  if (user.isAdmin) return 'all';
  if (user.roles.includes(SUPERVISOR_ROLE)) return unitSubtree(catalog, user.unitId);
  return [user.unitId];
}

/**
 * A WHERE condition on `dossiers` keeping the dossiers a user may read (for list queries); no
 * condition for `all`.
 */
export function readableDossiers(units: readonly string[] | 'all') {
  return (eb: ExpressionBuilder<Database, 'dossiers'>) =>
    units === 'all'
      ? sql<boolean>`1 = 1`
      : eb.exists(
          eb
            .selectFrom('dossier_access')
            .select(sql`1`.as('one'))
            .whereRef('dossier_access.dossier_id', '=', 'dossiers.id')
            .where('dossier_access.unit_id', 'in', units.length > 0 ? [...units] : ['-']),
        );
}

/** Whether a user may read a dossier; a missing dossier is simply not readable. */
export async function canReadDossier(
  db: Kysely<Database>,
  catalog: UnitCatalog,
  user: User,
  dossierId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('dossiers')
    .select('id')
    .where('id', '=', dossierId)
    .where(readableDossiers(readableUnits(user, catalog)))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Throw the same 404 for a dossier outside the caller's scope as for a missing one: whether a
 * dossier exists is itself personal data (no existence leak).
 */
export async function assertCanReadDossier(
  deps: Pick<AppDeps, 'db' | 'registry'>,
  user: User,
  dossierId: string,
): Promise<void> {
  if (!(await canReadDossier(deps.db, deps.registry.catalog(), user, dossierId)))
    throw new AppError('not-found', `No dossier "${dossierId}"`);
}
