import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FileService } from './fileService.ts';

/**
 * Link a file to a dossier in the caller's transaction (minimal version for issue 17, with the
 * signature agreed with issue 16, whose implementation replaces this one): the bytes are stored
 * content-addressed, the row names the dossier, the document (`result` for the result) and who
 * stored it.
 */
export async function storeDossierFile(
  trx: Transaction<Database>,
  files: FileService,
  input: {
    dossierId: string;
    documentId: string;
    title?: string;
    stepId?: string | null;
    uploaderId: string;
    bytes: Uint8Array;
    originalName: string;
    contentType: string;
  },
): Promise<{ id: string; sha256: string }> {
  const sha256 = await files.put(input.bytes);
  const id = randomUUID();
  await trx
    .insertInto('dossier_files')
    .values({
      id,
      dossier_id: input.dossierId,
      document_id: input.documentId,
      title: input.title ?? null,
      step_id: input.stepId ?? null,
      uploader_id: input.uploaderId,
      sha256,
      size: input.bytes.length,
      original_name: input.originalName,
      content_type: input.contentType,
      created_at: Date.now(),
    })
    .execute();
  return { id, sha256 };
}
