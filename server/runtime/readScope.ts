import { AppError } from '../appError.ts';
import type { User } from '../auth/sessions.ts';
import type { AppDeps } from '../http/context.ts';

/**
 * Whether the caller may read a dossier (and its files): throws `not-found` when the dossier
 * does not exist or is outside the caller's scope, so that the two look alike.
 * Placeholder of #16 until the access rules of #13 replace it: existence only.
 */
export async function assertCanReadDossier(
  deps: AppDeps,
  user: User,
  dossierId: string,
): Promise<void> {
  void user;
  const row = await deps.db
    .selectFrom('dossiers')
    .select('id')
    .where('id', '=', dossierId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `No dossier "${dossierId}"`);
}
