import { resolve } from 'node:path';

/** Server configuration, parsed once from the environment at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** `sqlite:<file>` (default `sqlite:data/motcua.db`), `sqlite::memory:` or a postgres URL. */
  readonly databaseUrl: string;
  readonly proceduresDir: string;
  /** SQLite durability: FULL by default, because dossiers are legal records. */
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  readonly sessionTtlHours: number;
  /** Largest accepted request body, in bytes. */
  readonly maxBodyBytes: number;
  /** How often the scheduler looks for due timers, in ms; 0 disables it. */
  readonly schedulerIntervalMs: number;
  /** Seed the demo units' users (credentials in the README) when the user table is empty. */
  readonly seedDemoUsers: boolean;
  /** Folder of the built designer, served at `/`. */
  readonly designerDir: string;
  /** Pattern of dossier codes: {agency} {yymmdd} {seq}. */
  readonly dossierCodePattern: string;
  /** Citizen lookups allowed per minute and address. */
  readonly lookupRatePerMinute: number;
  /**
   * Behind a reverse proxy (nginx, …): take the client's address from the last
   * `X-Forwarded-For` hop and HTTPS from `X-Forwarded-Proto`. Off, both headers are ignored
   * (a client could write them to dodge the lookup rate limit).
   */
  readonly trustProxy: boolean;
  /** Folder of the stored files (content-addressed). */
  readonly filesDir: string;
  /** Folder of the signing keys (`users/<username>.p12`, `units/<unit>.p12`) and `trust/*.pem`. */
  readonly signingDir: string;
  /** The address citizens reach the app at, printed in the QR codes of the documents. */
  readonly publicUrl: string;
}

/** Environment variables understood by the server, with their meaning, for `--help`. */
export const ENVIRONMENT: readonly [string, string][] = [
  ['PORT', 'HTTP port (default 3000)'],
  ['HOST', 'interface to listen on (default 0.0.0.0)'],
  [
    'DATABASE_URL',
    'sqlite:data/motcua.db (default), sqlite::memory:, or postgres://user@host:5432/db',
  ],
  ['PROCEDURES_DIR', 'the procedure library folder (default ./procedures)'],
  ['SQLITE_SYNCHRONOUS', 'FULL (default) or NORMAL'],
  ['SESSION_TTL_HOURS', 'login session lifetime (default 12)'],
  ['MAX_BODY_BYTES', 'largest request body (default 1048576)'],
  ['SCHEDULER_INTERVAL_MS', 'timer polling interval (default 1000; 0 disables the scheduler)'],
  ['SEED_DEMO_USERS', 'create the demo users when there are none (default true)'],
  ['DESIGNER_DIR', 'built designer to serve (default ./designer/dist)'],
  ['DOSSIER_CODE_PATTERN', 'dossier code pattern (default {agency}-{yymmdd}-{seq})'],
  ['LOOKUP_RATE_PER_MINUTE', 'citizen lookups per minute and address (default 20)'],
  ['TRUST_PROXY', 'behind a reverse proxy: trust X-Forwarded-For/-Proto (default false)'],
  ['FILES_DIR', 'stored files of the dossiers (default ./data/files)'],
  ['SIGNING_DIR', 'signing keys and trusted CA certificates (default ./data/signing; see README)'],
  ['PUBLIC_URL', 'public address printed in the QR codes (default http://localhost:PORT)'],
];

/** A configuration value that cannot be used, named with its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment into a configuration; throws `ConfigError` listing every bad variable. */
export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): Config {
  const problems: string[] = [];
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
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name}=${env[name]}: expected true or false`);
    return fallback;
  };
  const databaseUrl = env.DATABASE_URL || `sqlite:${resolve(cwd, 'data/motcua.db')}`;
  if (!/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(databaseUrl)) {
    problems.push(`DATABASE_URL=${databaseUrl}: expected sqlite:<file> or postgres://…`);
  }
  const sync = (env.SQLITE_SYNCHRONOUS || 'FULL').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL')
    problems.push(`SQLITE_SYNCHRONOUS=${env.SQLITE_SYNCHRONOUS}: expected FULL or NORMAL`);
  const pattern = env.DOSSIER_CODE_PATTERN || '{agency}-{yymmdd}-{seq}';
  if (!pattern.includes('{seq}'))
    problems.push(`DOSSIER_CODE_PATTERN=${pattern}: must contain {seq}`);
  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    proceduresDir: resolve(cwd, env.PROCEDURES_DIR || 'procedures'),
    sqliteSynchronous: sync === 'NORMAL' ? 'NORMAL' : 'FULL',
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    maxBodyBytes: int('MAX_BODY_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    schedulerIntervalMs: int('SCHEDULER_INTERVAL_MS', 1000, 0, 3_600_000),
    seedDemoUsers: bool('SEED_DEMO_USERS', true),
    designerDir: resolve(cwd, env.DESIGNER_DIR || 'designer/dist'),
    dossierCodePattern: pattern,
    lookupRatePerMinute: int('LOOKUP_RATE_PER_MINUTE', 20, 1, 100_000),
    trustProxy: bool('TRUST_PROXY', false),
    filesDir: resolve(cwd, env.FILES_DIR || 'data/files'),
    signingDir: resolve(cwd, env.SIGNING_DIR || 'data/signing'),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
