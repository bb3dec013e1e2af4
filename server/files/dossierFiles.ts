import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../appError.ts';
import type { User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { sha256Hex, type FileService } from './fileService.ts';

/** A file an event attaches: an upload sent before, or a file of the citizen's earlier dossier. */
export interface FileLink {
  readonly uploadId?: string | undefined;
  readonly reuseFileId?: string | undefined;
  /** A document id of the procedure, `other` (with a title) or `result`. */
  readonly document: string;
  readonly title?: string | undefined;
}

/** Where in the dossier's life files are linked. */
export interface LinkContext {
  readonly dossierId: string;
  readonly user: User;
  /** `reception`, or the type of the event that attaches them. */
  readonly stage: string;
  readonly stepId: string | null;
  /** The procedure's document ids. */
  readonly documents: readonly string[];
  readonly now: number;
}

type Db = Kysely<Database> | Transaction<Database>;

/** 413 when a dossier's files add up to more than the limit. */
async function checkDossierTotal(trx: Db, files: FileService, dossierId: string): Promise<void> {
  const row = await trx
    .selectFrom('dossier_files')
    .select((eb) => eb.fn.sum<number | string>('size').as('total'))
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  const total = Number(row?.total ?? 0);
  const max = files.config.maxDossierBytes;
  if (total > max) {
    throw new AppError(
      'payload-too-large',
      `The dossier's files would add up to ${total} bytes, more than MAX_DOSSIER_FILES_BYTES (${max} bytes)`,
      { limit: 'MAX_DOSSIER_FILES_BYTES', max, total },
    );
  }
}

/**
 * Link the event's files to the dossier, inside the event's transaction: each pending upload
 * becomes a file row and its pending row is deleted (so one upload is used once), each reused
 * file is copied as a new row naming its source. Any problem throws, and the event is rolled
 * back with its links: a dossier never names a file that is not there.
 */
export async function linkFiles(
  trx: Transaction<Database>,
  files: FileService | undefined,
  links: readonly FileLink[] | undefined,
  ctx: LinkContext,
): Promise<number> {
  if (!links || links.length === 0) return 0;
  if (!files) throw new Error('files linked without a file service');
  const problems: { path: string; message: string }[] = [];
  const rows: Database['dossier_files'][] = [];
  let citizen: string | null | undefined;
  for (const [i, link] of links.entries()) {
    const at = `/uploads/${i}`;
    const docOk =
      ctx.documents.includes(link.document) ||
      link.document === 'result' ||
      (link.document === 'other' && !!link.title?.trim());
    if (!docOk) {
      problems.push({
        path: `${at}/document`,
        message:
          link.document === 'other'
            ? 'a document "other" needs a title'
            : `unknown document ${link.document}`,
      });
      continue;
    }
    if (!!link.uploadId === !!link.reuseFileId) {
      problems.push({ path: at, message: 'give exactly one of uploadId and reuseFileId' });
      continue;
    }
    const base = {
      id: randomUUID(),
      dossier_id: ctx.dossierId,
      document_id: link.document,
      title: link.title?.trim() || null,
      step_id: ctx.stepId,
      stage: ctx.stage,
      uploader_id: ctx.user.id,
      created_at: ctx.now,
    };
    if (link.uploadId) {
      const upload = await trx
        .selectFrom('file_uploads')
        .selectAll()
        .where('id', '=', link.uploadId)
        .where('uploader_id', '=', ctx.user.id)
        .where('expires_at', '>', ctx.now)
        .executeTakeFirst();
      const taken = upload
        ? await trx.deleteFrom('file_uploads').where('id', '=', upload.id).executeTakeFirst()
        : undefined;
      if (!upload || Number(taken?.numDeletedRows ?? 0) !== 1) {
        problems.push({
          path: `${at}/uploadId`,
          message: 'no such upload of yours (expired, already used, or never sent)',
        });
        continue;
      }
      rows.push({
        ...base,
        size: upload.size,
        content_type: upload.content_type,
        sha256: upload.sha256,
        original_name: upload.original_name,
        reused_from: null,
      });
    } else {
      citizen ??= (
        await trx
          .selectFrom('dossiers')
          .select('applicant_id_number')
          .where('id', '=', ctx.dossierId)
          .executeTakeFirst()
      )?.applicant_id_number;
      const source = citizen
        ? await trx
            .selectFrom('dossier_files')
            .innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id')
            .selectAll('dossier_files')
            .where('dossier_files.id', '=', link.reuseFileId!)
            .where('dossiers.applicant_id_number', '=', citizen)
            .where('dossiers.id', '!=', ctx.dossierId)
            .executeTakeFirst()
        : undefined;
      if (!source) {
        problems.push({
          path: `${at}/reuseFileId`,
          message: "not a file of this citizen's other dossiers (same ID number)",
        });
        continue;
      }
      rows.push({
        ...base,
        size: source.size,
        content_type: source.content_type,
        sha256: source.sha256,
        original_name: source.original_name,
        reused_from: source.id,
      });
    }
  }
  if (problems.length > 0)
    throw new AppError('validation', 'Some files cannot be attached', { problems });
  await trx.insertInto('dossier_files').values(rows).execute();
  await checkDossierTotal(trx, files, ctx.dossierId);
  return rows.length;
}

/**
 * Store a file made by the server (e.g. a signed result) and attach it in the caller's
 * transaction. The blob is written first: if the transaction rolls back, the collector removes
 * it.
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
  const sha256 = sha256Hex(input.bytes);
  await files.store.put(sha256, input.bytes);
  const id = randomUUID();
  await trx
    .insertInto('dossier_files')
    .values({
      id,
      dossier_id: input.dossierId,
      document_id: input.documentId,
      title: input.title ?? null,
      step_id: input.stepId ?? null,
      stage: input.documentId === 'result' ? 'result' : 'server',
      uploader_id: input.uploaderId,
      created_at: Date.now(),
      size: input.bytes.byteLength,
      content_type: input.contentType,
      sha256,
      original_name: input.originalName,
      reused_from: null,
    })
    .execute();
  await checkDossierTotal(trx, files, input.dossierId);
  return { id, sha256 };
}
