import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FILE_ENVIRONMENT, parseFileConfig, type FileConfig } from './files/fileConfig.ts';
import { MAIL_ENVIRONMENT, parseMailConfig, type MailConfig } from './mail/mailConfig.ts';
import {
  PAYMENT_ENVIRONMENT,
  parsePaymentConfig,
  type PaymentConfig,
} from './payments/paymentConfig.ts';

/** Server configuration, parsed once from the environment at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** `sqlite:<file>` (default `sqlite:data/motcua.db`), `sqlite::memory:` or a postgres URL. */
  readonly databaseUrl: string;
  readonly proceduresDir: string;
  /** SQLite durability: FULL by default, because dossiers are legal records. */
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  /** PostgreSQL: connections per process, and group commits in flight at once. */
  readonly postgres: { readonly poolSize: number; readonly writeBatches: number };
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
  /**
   * Failed citizen lookups (per address, and per dossier code) in 15 minutes after which a lookup
   * needs a solved proof-of-work challenge.
   */
  readonly lookupFailuresBeforeChallenge: number;
  /**
   * Behind a reverse proxy (nginx, …): take the client's address from the last
   * `X-Forwarded-For` hop and HTTPS from `X-Forwarded-Proto`. Off, both headers are ignored
   * (a client could write them to dodge the lookup rate limit).
   */
  readonly trustProxy: boolean;
  /**
   * The key that seals receipt secrets inside stored (replayable) answers: `SECRET_KEY`, else the
   * key file (`SECRET_KEY_FILE`, default beside the SQLite database, or data/motcua.key),
   * created on first start. Several servers must share it.
   */
  readonly secretKey: string | undefined;
  readonly secretKeyFile: string | undefined;
  /** Bearer token for `/metrics`; empty: only loopback clients may read it. */
  readonly metricsToken: string;
  /** pino level of the JSON log. */
  readonly logLevel: string;
  /** On SIGTERM, how long in-flight requests and queued writes may take before the exit. */
  readonly shutdownTimeoutMs: number;
  /** Dossier files: store, limits, upload lifetime (#16). */
  readonly files: FileConfig;
  /** Folder of the signing keys (`users/<username>.p12`, `units/<unit>.p12`) and `trust/*.pem`. */
  readonly signingDir: string;
  /** The address citizens reach the app at, printed in the QR codes of the documents. */
  readonly publicUrl: string;
  /** Fees by VietQR transfer and the payment provider's webhook (#18). */
  readonly payments: PaymentConfig;
  /** Applicant notices by e-mail (#18). */
  readonly mail: MailConfig;
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
  ['PG_POOL_SIZE', 'PostgreSQL connections per server process (default 2 × cores + 2, at most 20)'],
  [
    'PG_WRITE_BATCHES',
    'PostgreSQL group commits in flight at once per process (default 3; at most the pool size − 1)',
  ],
  ['SESSION_TTL_HOURS', 'login session lifetime (default 12)'],
  ['MAX_BODY_BYTES', 'largest request body (default 1048576)'],
  ['SCHEDULER_INTERVAL_MS', 'timer polling interval (default 1000; 0 disables the scheduler)'],
  [
    'SEED_DEMO_USERS',
    'create the demo users (password motcua) in an empty database (default: only for SQLite outside NODE_ENV=production)',
  ],
  ['NODE_ENV', 'production: no demo users unless SEED_DEMO_USERS=true'],
  ['DESIGNER_DIR', 'built designer to serve (default ./designer/dist)'],
  ['DOSSIER_CODE_PATTERN', 'dossier code pattern (default {agency}-{yymmdd}-{seq})'],
  [
    'LOOKUP_FAILURES_BEFORE_CHALLENGE',
    'failed citizen lookups per address or code in 15 min before a proof-of-work is asked (default 5)',
  ],
  ['TRUST_PROXY', 'behind a reverse proxy: trust X-Forwarded-For/-Proto (default false)'],
  [
    'SECRET_KEY',
    'key sealing receipt secrets in stored answers (default: the key file below); the same on every server',
  ],
  [
    'SECRET_KEY_FILE',
    'file holding that key, created on first start (default motcua.key beside the SQLite file, or data/motcua.key)',
  ],
  ['METRICS_TOKEN', 'bearer token for /metrics (default empty: loopback clients only)'],
  ['LOG_LEVEL', 'JSON log level: fatal, error, warn, info (default), debug, trace, silent'],
  ['SHUTDOWN_TIMEOUT_MS', 'on SIGTERM, time for in-flight requests and writes (default 8000)'],
  ...FILE_ENVIRONMENT,
  ['SIGNING_DIR', 'signing keys and trusted CA certificates (default ./data/signing; see README)'],
  ['PUBLIC_URL', 'public address printed in the QR codes (default http://localhost:PORT)'],
  ...PAYMENT_ENVIRONMENT,
  ...MAIL_ENVIRONMENT,
];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL=${env.LOG_LEVEL}: expected one of ${LOG_LEVELS.join(', ')}`);
  const metricsToken = env.METRICS_TOKEN ?? '';
  if (metricsToken !== '' && metricsToken.length < 16)
    problems.push('METRICS_TOKEN: expected at least 16 characters');
  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    proceduresDir: resolve(cwd, env.PROCEDURES_DIR || 'procedures'),
    sqliteSynchronous: sync === 'NORMAL' ? 'NORMAL' : 'FULL',
    postgres: postgresPool(int),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    maxBodyBytes: int('MAX_BODY_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    schedulerIntervalMs: int('SCHEDULER_INTERVAL_MS', 1000, 0, 3_600_000),
    // Demo accounts share a published password: never by default on a production system or on
    // PostgreSQL (several servers, a real deployment); `npm run create-admin` makes the first one.
    seedDemoUsers: bool(
      'SEED_DEMO_USERS',
      databaseUrl.startsWith('sqlite:') && env.NODE_ENV !== 'production',
    ),
    designerDir: resolve(cwd, env.DESIGNER_DIR || 'designer/dist'),
    dossierCodePattern: pattern,
    lookupFailuresBeforeChallenge: int('LOOKUP_FAILURES_BEFORE_CHALLENGE', 5, 1, 100_000),
    trustProxy: bool('TRUST_PROXY', false),
    secretKey: env.SECRET_KEY || undefined,
    secretKeyFile: env.SECRET_KEY_FILE
      ? resolve(cwd, env.SECRET_KEY_FILE)
      : databaseUrl === 'sqlite::memory:'
        ? undefined
        : databaseUrl.startsWith('sqlite:')
          ? join(resolve(cwd, dirname(databaseUrl.slice('sqlite:'.length))), 'motcua.key')
          : resolve(cwd, 'data/motcua.key'),
    metricsToken,
    logLevel,
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 8000, 100, 600_000),
    files: parseFileConfig(env, cwd, problems),
    signingDir: resolve(cwd, env.SIGNING_DIR || 'data/signing'),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    payments: parsePaymentConfig(env, problems),
    mail: parseMailConfig(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The PostgreSQL pool of one process. Writes hold a connection for a whole group commit (a few
 * milliseconds of round trips, little CPU), so several batches in flight keep the process busy;
 * the others serve reads, which wait mostly on PostgreSQL's CPU on the same cores: a few
 * connections per core is enough, more only adds backends competing for them.
 */
function postgresPool(int: (name: string, fallback: number, min: number, max: number) => number) {
  const poolSize = int('PG_POOL_SIZE', Math.min(20, 2 * availableParallelism() + 2), 2, 200);
  const writeBatches = Math.min(int('PG_WRITE_BATCHES', 3, 1, 64), poolSize - 1);
  return { poolSize, writeBatches };
}
