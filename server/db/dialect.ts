import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

/**
 * Everything that differs between SQLite and PostgreSQL lives in this file: opening the
 * connection, durability settings, integer parsing, error codes (row locking: runtime/dossierLock.ts).
 * The rest of the server sees only `Kysely<Database>`.
 */
export type DialectName = 'sqlite' | 'postgres';

/** An open database. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** PostgreSQL's connection pool, for the metrics (absent on SQLite). */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenOptions {
  readonly url: string;
  readonly sqliteSynchronous?: 'FULL' | 'NORMAL';
  readonly poolSize?: number;
}

/** Whether a URL names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Open the database named by the URL: `sqlite:<file>`, `sqlite::memory:` or a postgres URL. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (isPostgresUrl(options.url)) {
    // bigint (int8) columns hold epoch milliseconds, well inside the safe integer range.
    pg.types.setTypeParser(20, (v) => Number(v));
    // The write queue's batches in flight hold one connection each; the others serve reads
    // (the size comes from the configuration: `postgresPool` in server/config.ts).
    const max = options.poolSize ?? Math.min(20, 2 * availableParallelism() + 2);
    const pool = new pg.Pool({ connectionString: options.url, max });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool replaces it on next use.
    pool.on('error', (error) => console.error('postgres: idle connection lost:', error.message));
    // Fail now, with the reason, rather than on the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
    return { db, dialect: 'postgres', pool, close: () => db.destroy() };
  }
  const file = options.url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL by default: a dossier accepted is a legal record and must survive a power cut.
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? 'FULL'}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Each write of a group commit runs in a savepoint; SQLite keeps a savepoint's undo pages in a
  // sub-journal that, once past 64 KiB, spills to a temporary file for the rest of the
  // transaction: in memory, a savepoint costs next to nothing (measured: 2× less CPU per write).
  sqlite.pragma('temp_store = MEMORY');
  // better-sqlite3 statements are reusable: prepare each distinct SQL text once, not per query.
  const statements = new Map<string, ReturnType<typeof sqlite.prepare>>();
  const database = {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (statements.size < 2000) statements.set(text, statement);
      }
      return statement;
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Statement names by SQL text, the same on every connection; bounded (texts may be built). */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 500;

/**
 * The pool as Kysely sees it, where every statement with parameters runs as a named (server-side
 * prepared) statement: PostgreSQL parses and plans a statement once per connection instead of
 * on every execution, as better-sqlite3 does for SQLite. The hot path repeats a dozen texts
 * thousands of times a second. Statements without parameters (savepoints, DDL) and texts past
 * the bound run unnamed.
 */
function preparing(pool: pg.Pool) {
  type Client = pg.PoolClient;
  const wrapped = new WeakMap<Client, Client>();
  const wrap = (client: Client): Client => {
    const query = (text: unknown, values?: unknown) => {
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        let name = statementNames.get(text);
        if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
          name = `motcua_${statementNames.size}`;
          statementNames.set(text, name);
        }
        if (name) return client.query({ name, text, values });
      }
      return (client.query as (t: unknown, v?: unknown) => unknown)(text, values);
    };
    return Object.assign(Object.create(client) as Client, {
      query,
      release: (error?: Error | boolean) => client.release(error),
    });
  };
  return {
    async connect(): Promise<Client> {
      const client = await pool.connect();
      let proxy = wrapped.get(client);
      if (!proxy) wrapped.set(client, (proxy = wrap(client)));
      return proxy;
    },
    end: () => pool.end(),
  } as unknown as pg.Pool;
}

/** Whether an error is a unique-constraint violation, in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
