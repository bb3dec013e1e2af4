import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../../engine/index.ts';

/**
 * What checking one procedure file found: its problems and, when it has no error, its version
 * (the hash of its canonical content). Kept by the hash of the file's text and of the unit
 * catalog it was checked against, so an unchanged file is not validated again.
 */
export interface ProcedureCheck {
  readonly problems: readonly Problem[];
  readonly version: string | null;
}

/** The folder of the cache inside a library folder (ignored by the library, `.`-prefixed). */
export const CACHE_FOLDER = '.motcua-cache';
const CACHE_FILE = 'checks.json';
const FORMAT = 1;
/** Entries no run has used for this long are dropped when the cache is written. */
const KEEP_UNUSED_MS = 30 * 24 * 3600 * 1000;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let fingerprint: string | undefined;

/**
 * What the results depend on besides the file: the engine's sources and the locked dependency
 * versions (Ajv checks the form schemas). A cache written by other code is ignored as a whole.
 */
export function checkerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry))
        hash.update(`${path.slice(ROOT.length)}\n`).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'engine'));
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  fingerprint = hash.digest('hex').slice(0, 32);
  return fingerprint;
}

/** The key of a procedure text checked against a unit catalog (or none). */
export function checkKey(text: string, catalogKey: string): string {
  return createHash('sha256')
    .update(catalogKey)
    .update('\0')
    .update(text)
    .digest('hex')
    .slice(0, 40);
}

/** The key of a unit catalog: the hash of its JSON. */
export function catalogKeyOf(units: unknown): string {
  return units === undefined
    ? 'no-units'
    : createHash('sha256').update(JSON.stringify(units)).digest('hex').slice(0, 32);
}

function isProblem(value: unknown): value is Problem {
  const p = value as Problem;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.code === 'string' &&
    typeof p.path === 'string' &&
    (p.severity === 'error' || p.severity === 'warning') &&
    typeof p.message === 'object' &&
    p.message !== null &&
    typeof p.message.vi === 'string' &&
    typeof p.message.en === 'string'
  );
}

function isCheck(value: unknown): value is ProcedureCheck & { at: number } {
  const c = value as ProcedureCheck & { at: number };
  return (
    typeof c === 'object' &&
    c !== null &&
    Array.isArray(c.problems) &&
    c.problems.every(isProblem) &&
    (c.version === null || typeof c.version === 'string') &&
    typeof c.at === 'number'
  );
}

/**
 * The check cache of one library folder, in `<folder>/.motcua-cache/checks.json`. Reading never
 * fails: a missing, unreadable, corrupt or foreign (other engine) cache is an empty one, and an
 * entry of the wrong shape is a miss. Writing is best effort (a read-only library just runs
 * without a cache) and atomic, so two processes writing at once leave one whole file.
 */
export class CheckCache {
  private readonly entries = new Map<string, ProcedureCheck & { at: number }>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly now: number,
  ) {}

  /** The cache of a library folder; `undefined` folder for none (nothing is read or written). */
  static open(dir: string | undefined, now = Date.now()): CheckCache {
    const cache = new CheckCache(
      dir === undefined ? undefined : join(dir, CACHE_FOLDER, CACHE_FILE),
      now,
    );
    if (!cache.file) return cache;
    try {
      const data = JSON.parse(readFileSync(cache.file, 'utf8')) as {
        fingerprint?: unknown;
        entries?: unknown;
      };
      if (
        data.fingerprint !== checkerFingerprint() ||
        typeof data.entries !== 'object' ||
        !data.entries
      )
        return cache;
      for (const [key, value] of Object.entries(data.entries))
        if (isCheck(value)) cache.entries.set(key, value);
    } catch {
      // No cache yet, or one that cannot be read: start empty.
    }
    return cache;
  }

  /** The stored check of a key, marking it used. */
  get(key: string): ProcedureCheck | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    if (this.now - found.at > 24 * 3600 * 1000) {
      this.entries.set(key, { ...found, at: this.now });
      this.changed = true;
    }
    return { problems: found.problems, version: found.version };
  }

  set(key: string, check: ProcedureCheck): void {
    this.entries.set(key, { problems: check.problems, version: check.version, at: this.now });
    this.changed = true;
  }

  /** Write the cache when something changed, without the entries unused for 30 days. */
  save(): void {
    if (!this.file || !this.changed) return;
    const entries: Record<string, unknown> = {};
    for (const [key, value] of this.entries)
      if (this.now - value.at <= KEEP_UNUSED_MS) entries[key] = value;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, JSON.stringify({ fingerprint: checkerFingerprint(), entries }));
      renameSync(tmp, this.file);
      this.changed = false;
    } catch {
      // A library folder we may not write: it works without a cache.
    }
  }
}
