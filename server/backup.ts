import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { ConfigError, parseConfig } from './config.ts';
import { isPostgresUrl } from './db/dialect.ts';
import { backupFiles } from './files/fileBackup.ts';

const HELP = `motcua backup — a consistent copy of the embedded SQLite database, safe while the server runs.

Usage: npm run backup -- [--dir <folder>] [--keep <n>]

  --dir <folder>   where to write motcua-YYYYMMDD-HHMMSS.db (default: backups/ beside the database)
  --keep <n>       afterwards, keep only the n newest backups in that folder (default: keep all)

The database is DATABASE_URL's (default sqlite:data/motcua.db). Each copy is checked
(PRAGMA integrity_check) and its dossiers counted before the command says it is done.
With the disk file store (FILE_STORE=disk:…, the default data/files), the dossier files the copy
names are copied into files/ of the same folder (only new ones: files are named by content).
With FILE_STORE=s3://…, back up the bucket itself (versioning, replication or a sync).
To restore: stop the server, copy a backup over the database file (delete its -wal and -shm
files), copy the backup folder's files/ into the file store folder (cp -rn backups/files/.
data/files/), start the server. On PostgreSQL use pg_dump / pg_restore instead.
`;

/** What a backup wrote. */
export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly dossiers: number;
  readonly removed: readonly string[];
}

/** The names this command gives its copies (a second one in the same second gets `-2`). */
const NAME = /^motcua-(\d{8}-\d{6})(-\d+)?\.db$/;

/** `motcua-20261129-140501.db` for an instant, in Vietnam's time (UTC+7). */
export function backupName(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `motcua-${vn.slice(0, 10).replaceAll('-', '')}-${vn.slice(11, 19).replaceAll(':', '')}.db`;
}

/**
 * Copy a live SQLite database with `VACUUM INTO` (a consistent, compacted snapshot of the
 * committed transactions, while the server keeps writing), check the copy, prune old copies.
 */
export function backupSqlite(
  source: string,
  dir: string,
  options: { keep?: number; now?: Date } = {},
): BackupResult {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  mkdirSync(dir, { recursive: true });
  const stem = backupName(options.now ?? new Date()).replace(/\.db$/, '');
  let file = join(dir, `${stem}.db`);
  // Two backups in the same second: the second gets a suffix rather than overwriting.
  for (let i = 2; existsSync(file); i++) file = join(dir, `${stem}-${i}.db`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // One read transaction: the server keeps writing (WAL), and unlike the page-by-page online
    // backup, a write in the middle does not restart the copy.
    db.prepare('vacuum into ?').run(file);
  } finally {
    db.close();
  }
  const copy = new SQLite(file, { fileMustExist: true });
  let dossiers: number;
  try {
    // One self-contained file, ready to be copied back (the source runs in WAL mode).
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy ${file} fails its integrity check: ${check}`);
    dossiers = (copy.prepare('select count(*) as n from dossiers').get() as { n: number }).n;
  } finally {
    copy.close();
  }
  const removed: string[] = [];
  if (options.keep !== undefined) {
    // Newest first: by the instant in the name, then by the suffix of a same-second copy.
    const order = (f: string) => {
      const [, stamp, n] = NAME.exec(f)!;
      return `${stamp}-${(n ?? '-1').slice(1).padStart(4, '0')}`;
    };
    const backups = readdirSync(dir)
      .filter((f) => NAME.test(f))
      .sort((a, b) => order(b).localeCompare(order(a)));
    for (const old of backups.slice(options.keep)) {
      rmSync(join(dir, old));
      removed.push(old);
    }
  }
  return { file, bytes: statSync(file).size, dossiers, removed };
}

/** A mistake in how the command was called (exit code 2). */
class UsageError extends Error {}

/** `--dir <folder>` and `--keep <n>`; anything else is a usage error. */
function parseArgs(args: readonly string[]): { dir?: string; keep?: number } {
  const out: { dir?: string; keep?: number } = {};
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!;
    const value = args[i + 1];
    if (name !== '--dir' && name !== '--keep') throw new UsageError(`unknown argument "${name}"`);
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${name} needs a value`);
    i++;
    if (name === '--dir') out.dir = value;
    else {
      const keep = Number(value);
      if (!Number.isInteger(keep) || keep < 1)
        throw new UsageError(`--keep ${value}: expected a whole number ≥ 1`);
      out.keep = keep;
    }
  }
  return out;
}

/** The command line; returns the exit code. */
export async function main(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    const { dir, keep } = parseArgs(args);
    const { databaseUrl, files } = parseConfig(env);
    if (isPostgresUrl(databaseUrl)) {
      throw new UsageError(
        'DATABASE_URL is PostgreSQL: back it up with pg_dump (pg_dump -Fc -f motcua.dump "$DATABASE_URL")',
      );
    }
    const source = resolve(databaseUrl.replace(/^sqlite:/, ''));
    if (databaseUrl === 'sqlite::memory:') {
      throw new UsageError('an in-memory database has nothing to back up');
    }
    const target = resolve(dir ?? join(dirname(source), 'backups'));
    const r = backupSqlite(source, target, keep === undefined ? {} : { keep });
    const mib = (r.bytes / 1_048_576).toFixed(1);
    console.log(
      `backup: ${r.file} (${mib} MiB, ${r.dossiers} dossiers, integrity ok)` +
        (r.removed.length > 0 ? `; removed ${r.removed.join(', ')}` : ''),
    );
    if (files.store.kind === 'disk') {
      const f = await backupFiles(r.file, files.store.dir, join(target, 'files'));
      console.log(`backup: files in ${f.dir} (${f.referenced} named, ${f.copied} new)`);
    } else {
      console.log(
        `backup: files are in s3://${files.store.bucket}/${files.store.prefix}: back up the bucket itself`,
      );
    }
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ConfigError;
    console.error(`motcua backup: ${(error as Error).message}${usage ? `\n\n${HELP}` : ''}`);
    return usage ? 2 : 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
