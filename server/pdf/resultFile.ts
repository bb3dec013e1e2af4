import type { AppDeps } from '../http/context.ts';
import { RESULT_DOCUMENT } from './issueResult.ts';

/** The latest result file of a dossier with its bytes (from the dossier files' blob store). */
export async function latestResultFile(
  deps: AppDeps,
  dossierId: string,
): Promise<{ bytes: Uint8Array; name: string; sha256: string } | undefined> {
  const row = await deps.db
    .selectFrom('dossier_files')
    .select(['sha256', 'original_name'])
    .where('dossier_id', '=', dossierId)
    .where('document_id', '=', RESULT_DOCUMENT)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || !deps.files) return undefined;
  const bytes = await deps.files.store.get(row.sha256);
  if (!bytes) throw new Error(`result file ${row.sha256} of dossier ${dossierId} is missing`);
  return { bytes, name: row.original_name, sha256: row.sha256 };
}
