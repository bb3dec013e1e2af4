import {
  createQueryId,
  type Compilable,
  type CompiledQuery,
  type DialectAdapter,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { Database } from '../db/schema.ts';

/** A value slot of a prepared query: a named argument, or a constant the builder wrote itself. */
type Slot = { readonly arg: string } | { readonly constant: unknown };

class Placeholder {
  constructor(readonly arg: string) {}
}

interface Template {
  readonly compiled: CompiledQuery;
  readonly slots: readonly Slot[];
}

/**
 * A query built with Kysely once, compiled once per database, then executed with new values:
 * the hot path of a transition runs the same few statements thousands of times a second, and
 * building and compiling each one cost more than SQLite's work on it.
 *
 * `build` receives placeholders in place of the arguments; it must give the same SQL whatever
 * the values (no `$if` on an argument, no list whose length depends on one). Each argument must
 * appear as a bound value; a builder that loses one throws at the first execution.
 */
export function preparedQuery<A extends Record<string, unknown>, O>(
  args: readonly (keyof A & string)[],
  build: (db: Kysely<Database>, a: A) => Compilable<O>,
): PreparedQuery<A, O> {
  // Per database (its dialect adapter): SQLite and PostgreSQL compile to different SQL.
  const templates = new WeakMap<DialectAdapter, Template>();
  const compile = (db: Kysely<Database>): Template => {
    const placeholders = Object.fromEntries(args.map((a) => [a, new Placeholder(a)])) as A;
    const compiled = build(db, placeholders).compile();
    const slots = compiled.parameters.map((p) =>
      p instanceof Placeholder ? { arg: p.arg } : { constant: p },
    );
    const missing = args.filter((a) => !slots.some((s) => 'arg' in s && s.arg === a));
    if (missing.length > 0) {
      throw new Error(`prepared query lost its arguments ${missing.join(', ')}: ${compiled.sql}`);
    }
    return { compiled, slots };
  };
  const compiled = (db: Kysely<Database>, values: A): CompiledQuery<O> => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) templates.set(adapter, (template = compile(db)));
    const parameters = template.slots.map((s) => ('arg' in s ? values[s.arg] : s.constant));
    return {
      query: template.compiled.query,
      sql: template.compiled.sql,
      parameters,
      queryId: createQueryId(),
    } as CompiledQuery<O>;
  };
  return Object.assign((db: Kysely<Database>, values: A) => db.executeQuery(compiled(db, values)), {
    compiled,
  });
}

/** A prepared query: run it, or take its compiled statement (for a `StatementBatch`). */
export type PreparedQuery<A extends Record<string, unknown>, O> = ((
  db: Kysely<Database>,
  values: A,
) => Promise<QueryResult<O>>) & {
  readonly compiled: (db: Kysely<Database>, values: A) => CompiledQuery<O>;
};
