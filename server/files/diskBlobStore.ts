import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBlobName, SHA256_HEX, type BlobStore } from './blobStore.ts';

/** Flush a directory's entries (a rename is durable only once its directory is synced). */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Blobs as files under a folder: `ab/cd/abcd…` (two levels of 256 folders). A blob is written to
 * `tmp/`, fsynced, renamed into place and its folder fsynced: after a crash a blob is either
 * complete or absent, never half-written. Leftovers of `tmp/` are removed by `list()` callers
 * through `collectTemp`.
 */
export class DiskBlobStore implements BlobStore {
  readonly description: string;
  constructor(readonly root: string) {
    this.description = `disk:${root}`;
  }

  private path(sha256: string): string {
    checkBlobName(sha256);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(sha256);
    const now = new Date();
    try {
      // Deduplicated: the same content is already here; make it young again for the collector.
      await utimes(target, now, now);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const dir = join(this.root, sha256.slice(0, 2), sha256.slice(2, 4));
    await mkdir(dir, { recursive: true });
    const tmp = join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    const handle = await open(tmp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(tmp, { force: true });
      throw error;
    }
    await handle.close();
    await rename(tmp, target);
    await syncDir(dir);
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.path(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.path(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.path(sha256), { force: true });
  }

  async *list(): AsyncIterable<{ sha256: string; modifiedAt: number }> {
    const level = async (dir: string) => {
      try {
        return await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    };
    for (const a of await level(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await level(join(this.root, a))) {
        if (!/^[0-9a-f]{2}$/.test(b)) continue;
        for (const name of await level(join(this.root, a, b))) {
          if (!SHA256_HEX.test(name)) continue;
          try {
            const s = await stat(join(this.root, a, b, name));
            yield { sha256: name, modifiedAt: s.mtimeMs };
          } catch {
            // removed meanwhile
          }
        }
      }
    }
  }

  /** Remove temporary files older than `olderThan` (epoch ms): writes cut by a crash. */
  async collectTemp(olderThan: number): Promise<number> {
    const dir = join(this.root, 'tmp');
    let removed = 0;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      try {
        const s = await stat(join(dir, name));
        if (s.mtimeMs < olderThan) {
          await rm(join(dir, name), { force: true });
          removed++;
        }
      } catch {
        // removed meanwhile
      }
    }
    return removed;
  }
}
