import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Where and how much: the dossier files' part of the configuration. */
export interface FileConfig {
  /** `disk` under a folder (default `data/files`), or an S3-compatible bucket. */
  readonly store:
    | { readonly kind: 'disk'; readonly dir: string }
    | {
        readonly kind: 's3';
        readonly bucket: string;
        readonly prefix: string;
        readonly endpoint?: string;
        readonly region: string;
      };
  /** Largest file, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of one dossier's files, in bytes. */
  readonly maxDossierBytes: number;
  /** How long an upload waits for the event that uses it before it is collected, in seconds. */
  readonly uploadTtlSeconds: number;
}

/** The variables of `FileConfig`, with their meaning, for `--help`. */
export const FILE_ENVIRONMENT: readonly [string, string][] = [
  [
    'FILE_STORE',
    'where dossier files are kept: disk:<folder> or s3://bucket/prefix (default: files/ beside the SQLite database, data/files with PostgreSQL)',
  ],
  ['S3_ENDPOINT', 'an S3-compatible server for FILE_STORE=s3://… (default: AWS)'],
  ['S3_REGION', 'region of the bucket (default AWS_REGION or us-east-1)'],
  ['MAX_FILE_BYTES', 'largest uploaded file (default 20971520 = 20 MiB)'],
  ['MAX_DOSSIER_FILES_BYTES', "largest total of one dossier's files (default 104857600)"],
  ['UPLOAD_TTL_SECONDS', 'how long an upload waits for its event before collection (default 3600)'],
];

/** Parse the file variables; problems are pushed (with the variable's name) rather than thrown. */
export function parseFileConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  problems: string[],
): FileConfig {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${raw}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const raw = env.FILE_STORE || `disk:${defaultDir(env.DATABASE_URL, cwd)}`;
  let store: FileConfig['store'] = { kind: 'disk', dir: resolve(cwd, 'data/files') };
  const s3 = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(raw);
  if (raw.startsWith('disk:') && raw.length > 5) {
    store = { kind: 'disk', dir: resolve(cwd, raw.slice(5)) };
  } else if (s3) {
    const prefix = (s3[2] ?? '').replace(/^\/+/, '');
    store = {
      kind: 's3',
      bucket: s3[1]!,
      prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      region: env.S3_REGION || env.AWS_REGION || 'us-east-1',
    };
  } else {
    problems.push(`FILE_STORE=${raw}: expected disk:<folder> or s3://bucket/prefix`);
  }
  if (env.S3_ENDPOINT && !/^https?:\/\/[^\s]+$/.test(env.S3_ENDPOINT))
    problems.push(`S3_ENDPOINT=${env.S3_ENDPOINT}: expected an http(s) URL`);
  return {
    store,
    maxFileBytes: int('MAX_FILE_BYTES', 20 * 1_048_576, 1024, 2 * 1024 * 1_048_576),
    maxDossierBytes: int('MAX_DOSSIER_FILES_BYTES', 100 * 1_048_576, 1024, 64 * 1024 * 1_048_576),
    uploadTtlSeconds: int('UPLOAD_TTL_SECONDS', 3600, 1, 30 * 24 * 3600),
  };
}

/**
 * The disk store's default folder: `files/` beside the SQLite database (`data/files` for the
 * default `data/motcua.db`), `data/files` with PostgreSQL, and a fresh temporary folder for an
 * in-memory database (its files could never be found again, and must not mix with real ones).
 */
function defaultDir(databaseUrl: string | undefined, cwd: string): string {
  if (!databaseUrl) return resolve(cwd, 'data/files');
  if (databaseUrl === 'sqlite::memory:')
    return join(tmpdir(), `motcua-files-${process.pid}-${randomBytes(4).toString('hex')}`);
  if (databaseUrl.startsWith('sqlite:'))
    return join(dirname(resolve(cwd, databaseUrl.slice('sqlite:'.length))), 'files');
  return resolve(cwd, 'data/files');
}
