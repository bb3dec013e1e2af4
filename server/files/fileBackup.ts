import { constants } from 'node:fs';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { SHA256_HEX } from './blobStore.ts';

/** What a files backup did. */
export interface FilesBackupResult {
  readonly dir: string;
  /** Blobs the database copy names. */
  readonly referenced: number;
  /** Blobs copied now (the others were in the backup already: blobs never change). */
  readonly copied: number;
}

const blobPath = (root: string, sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha);

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copy the blobs a database copy names (its dossier files) from the disk store into `target`,
 * with the store's own layout. Blobs are named by their content, so a blob already in `target`
 * is the same bytes and is not copied again: every backup after the first copies only the new
 * files. Taken after the database copy, so each file it names is there (files are never
 * removed while a dossier names them). Throws when a named blob is missing from the store.
 */
export async function backupFiles(
  databaseCopy: string,
  storeDir: string,
  target: string,
): Promise<FilesBackupResult> {
  const db = new SQLite(databaseCopy, { readonly: true, fileMustExist: true });
  let shas: string[];
  try {
    shas = (
      db.prepare('select distinct sha256 from dossier_files').all() as { sha256: string }[]
    ).map((r) => r.sha256);
  } finally {
    db.close();
  }
  let copied = 0;
  for (const sha of shas) {
    if (!SHA256_HEX.test(sha)) throw new Error(`not a blob name in dossier_files: ${sha}`);
    const to = blobPath(target, sha);
    if (await exists(to)) continue;
    const from = blobPath(storeDir, sha);
    if (!(await exists(from))) throw new Error(`the file ${sha} is missing from ${storeDir}`);
    await mkdir(join(target, sha.slice(0, 2), sha.slice(2, 4)), { recursive: true });
    const tmp = `${to}.part`;
    await copyFile(from, tmp, constants.COPYFILE_FICLONE);
    await rename(tmp, to);
    copied++;
  }
  return { dir: target, referenced: shas.length, copied };
}
