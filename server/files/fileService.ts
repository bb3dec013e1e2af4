import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Content-addressed file store on disk (minimal version for issue 17; issue 16's blob store
 * replaces it): a file is kept once under `<dir>/<sha[0..2]>/<sha256>`.
 */
export class FileService {
  constructor(private readonly dir: string) {}

  private path(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Store bytes (atomically: temporary file, then rename); returns their SHA-256 (hex). */
  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.path(sha256);
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, bytes, { flush: true });
    await rename(tmp, target);
    return sha256;
  }

  /** The bytes of a stored file, or undefined. */
  async get(sha256: string): Promise<Uint8Array | undefined> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    try {
      return new Uint8Array(await readFile(this.path(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
