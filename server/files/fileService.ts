import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../appError.ts';
import type { User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import type { BlobStore } from './blobStore.ts';
import { DiskBlobStore } from './diskBlobStore.ts';
import type { FileConfig } from './fileConfig.ts';
import { sanitizeFileName, sniffType } from './fileType.ts';
import { S3BlobStore } from './s3BlobStore.ts';

/** An upload waiting for the event that uses it. */
export interface PendingUpload {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly name: string;
  readonly expiresAt: string;
}

/** What one collection removed. */
export interface Collected {
  readonly uploads: number;
  readonly blobs: number;
  readonly temp: number;
}

/** A 415 answer: the content is not one of the allowed types. */
export class UnsupportedType extends Error {
  constructor(readonly found: string | undefined) {
    super(
      `The file's content is ${found ?? 'of an unknown type'}; allowed: PDF, JPEG, PNG (judged from the content, not the name)`,
    );
  }
}

/** SHA-256 of bytes, in hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The blob store a configuration names. */
export function openBlobStore(config: FileConfig): BlobStore {
  const s = config.store;
  return s.kind === 'disk'
    ? new DiskBlobStore(s.dir)
    : new S3BlobStore({
        bucket: s.bucket,
        prefix: s.prefix,
        region: s.region,
        ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      });
}

/**
 * Dossier files: uploads (type judged from content, stored by hash, then a pending row), and the
 * collection of what no event linked. Linking lives in `dossierFiles.ts` (in the event's
 * transaction).
 */
export class FileService {
  constructor(
    readonly store: BlobStore,
    readonly config: FileConfig,
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** Accept an upload: 413/415 first, then the blob, then the pending row (in that order). */
  async upload(user: User, bytes: Uint8Array, rawName: string): Promise<PendingUpload> {
    if (bytes.byteLength > this.config.maxFileBytes) {
      throw new AppError(
        'payload-too-large',
        `The file is larger than MAX_FILE_BYTES (${this.config.maxFileBytes} bytes)`,
        { limit: 'MAX_FILE_BYTES', max: this.config.maxFileBytes, size: bytes.byteLength },
      );
    }
    if (bytes.byteLength === 0)
      throw new AppError('validation', 'The file is empty', {
        problems: [{ path: '/body', message: 'empty file' }],
      });
    const type = await sniffType(bytes);
    if (!type.allowed) throw new UnsupportedType(type.found);
    const sha256 = sha256Hex(bytes);
    // The blob first: a crash now leaves an unreferenced blob, which the collector removes.
    await this.store.put(sha256, bytes);
    const now = this.now();
    const row = {
      id: randomUUID(),
      uploader_id: user.id,
      sha256,
      size: bytes.byteLength,
      content_type: type.mime,
      original_name: sanitizeFileName(rawName, type.ext),
      created_at: now,
      expires_at: now + this.config.uploadTtlSeconds * 1000,
    };
    await this.db.insertInto('file_uploads').values(row).execute();
    return {
      id: row.id,
      sha256,
      size: row.size,
      contentType: row.content_type,
      name: row.original_name,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  /** Release the store's connections (an S3 client's sockets). */
  close(): void {
    (this.store as { destroy?: () => void }).destroy?.();
  }

  /**
   * Remove expired uploads, then every blob that no file and no upload names and that was last
   * written longer ago than an upload's lifetime (so a blob whose upload row is being written is
   * never taken), and temporary files left by a crash.
   */
  async collect(realNow = Date.now()): Promise<Collected> {
    const expired = await this.db
      .deleteFrom('file_uploads')
      .where('expires_at', '<=', this.now())
      .executeTakeFirst();
    const before = realNow - this.config.uploadTtlSeconds * 1000;
    let blobs = 0;
    for await (const blob of this.store.list()) {
      if (blob.modifiedAt > before) continue;
      const used =
        (await this.db
          .selectFrom('dossier_files')
          .select('id')
          .where('sha256', '=', blob.sha256)
          .limit(1)
          .executeTakeFirst()) ??
        (await this.db
          .selectFrom('file_uploads')
          .select('id')
          .where('sha256', '=', blob.sha256)
          .limit(1)
          .executeTakeFirst());
      if (used) continue;
      await this.store.delete(blob.sha256);
      blobs++;
    }
    const temp = this.store instanceof DiskBlobStore ? await this.store.collectTemp(before) : 0;
    return { uploads: Number(expired.numDeletedRows), blobs, temp };
  }
}
