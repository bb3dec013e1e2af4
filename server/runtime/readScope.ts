import { AppError } from '../appError.ts';
import type { User } from '../auth/sessions.ts';
import type { AppDeps } from '../http/context.ts';

/**
 * Whether the user may read the dossier (placeholder of issue 17: the lead's version, with the
 * read scope by unit, replaces it). Throws not-found when the dossier does not exist.
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
