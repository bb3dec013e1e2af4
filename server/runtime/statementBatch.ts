import { CompiledQuery, PostgresAdapter, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PreparedQuery } from './preparedQuery.ts';

interface Queued {
  readonly compiled: CompiledQuery;
  readonly table: string;
  /** Whether the caller wants its count of affected rows. */
  readonly counted: boolean;
  /** The one row it writes, when the caller names it (its table's primary key). */
  readonly row: string | undefined;
}

/** How a write is queued: a guard whose count `send` returns, the row it writes. */
export interface WriteOptions {
  readonly counted?: boolean;
  /** The primary key of the one row written (any string unique to it within its table). */
  readonly row?: string;
}

const TABLE = /^(?:insert into|update|delete from) "?([a-z_]+)"?/i;

/**
 * The writes of one transition (the dossier row, its event, step rows, timers, slips, notices),
 * sent together once the engine has decided them all:
 * - SQLite (in the process) runs them one after the other, as before;
 * - PostgreSQL receives them as one statement, each write a data-modifying `WITH` clause, so the
 *   ten-odd writes of an event cost one round trip instead of ten. The clauses of one statement
 *   all see the rows as they were before it and run in no set order, so a write to a row the
 *   statement already writes (a step row deleted, then inserted again; a timer cancelled, then
 *   scheduled) starts the next statement. A write that does not name its row is taken to
 *   touch any row of its table: written after a different statement on the table, or after the
 *   very same one, it starts the next statement too. No write of a transition reads another
 *   table than its own.
 *
 * A `counted` write is a guard (the dossier row moved from the version read): on SQLite, when it
 * changes no row, the writes after it are not run and the caller reports the conflict. On
 * PostgreSQL the caller read that version under the row's lock, in the same transaction, so the
 * guard cannot fail there; if it ever did, the event's unique sequence number would refuse the
 * statement, and the caller's savepoint undoes all of it either way.
 */
export class StatementBatch {
  private readonly queued: Queued[] = [];
  private readonly combine: boolean;

  constructor(private readonly trx: Transaction<Database>) {
    this.combine = trx.getExecutor().adapter instanceof PostgresAdapter;
  }

  /** Queue a write; a `counted` one is a guard whose number of affected rows `send` returns. */
  add<A extends Record<string, unknown>>(
    query: PreparedQuery<A, unknown>,
    values: A,
    options: WriteOptions = {},
  ): void {
    const compiled = query.compiled(this.trx, values);
    const table = TABLE.exec(compiled.sql)?.[1];
    if (!table) throw new Error(`not a write to one table: ${compiled.sql}`);
    this.queued.push({ compiled, table, counted: options.counted ?? false, row: options.row });
  }

  /** Run the queued writes; the affected rows of each `counted` one, in the order added. */
  async send(): Promise<number[]> {
    const counts: number[] = [];
    if (!this.combine) {
      for (const q of this.queued) {
        const result = await this.trx.executeQuery(q.compiled);
        if (!q.counted) continue;
        counts.push(Number(result.numAffectedRows ?? 0));
        // A guard that changed nothing (a stale version): what follows would build on it.
        if (counts.at(-1) === 0) break;
      }
      return counts;
    }
    for (const group of groups(this.queued)) counts.push(...(await this.sendCombined(group)));
    return counts;
  }

  private async sendCombined(group: readonly Queued[]): Promise<number[]> {
    if (group.length === 1) {
      const result = await this.trx.executeQuery(group[0]!.compiled);
      return group[0]!.counted ? [Number(result.numAffectedRows ?? 0)] : [];
    }
    const parameters: unknown[] = [];
    const clauses: string[] = [];
    const selected: string[] = [];
    group.forEach((q, i) => {
      const offset = parameters.length;
      parameters.push(...q.compiled.parameters);
      const text = q.compiled.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      clauses.push(`w${i} as (${text}${q.counted ? ' returning 1' : ''})`);
      if (q.counted) selected.push(`(select count(*) from w${i})::int as c${i}`);
    });
    const sql = `with ${clauses.join(', ')} select ${selected.length > 0 ? selected.join(', ') : '1 as none'}`;
    const { rows } = await this.trx.executeQuery<Record<string, number>>(
      CompiledQuery.raw(sql, parameters),
    );
    return group.flatMap((q, i) => (q.counted ? [Number(rows[0]![`c${i}`])] : []));
  }
}

/** Split the writes where a row may be written twice in one statement. */
function groups(queued: readonly Queued[]): Queued[][] {
  const result: Queued[][] = [];
  let current: Queued[] = [];
  let written = new Map<string, Queued[]>();
  const clashes = (q: Queued, before: readonly Queued[]) =>
    before.some((b) =>
      b.row !== undefined && q.row !== undefined
        ? b.row === q.row
        : b.compiled.sql !== q.compiled.sql ||
          JSON.stringify(b.compiled.parameters) === JSON.stringify(q.compiled.parameters),
    );
  for (const q of queued) {
    if (clashes(q, written.get(q.table) ?? [])) {
      result.push(current);
      current = [];
      written = new Map();
    }
    current.push(q);
    written.set(q.table, [...(written.get(q.table) ?? []), q]);
  }
  if (current.length > 0) result.push(current);
  return result;
}
