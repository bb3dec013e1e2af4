import { CompiledQuery, PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../appError.ts';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isRetryableConflict,
  type RetryPolicy,
} from '../db/retry.ts';
import type { Database } from '../db/schema.ts';

/** A unit of work run inside the shared transaction of its batch. */
export type WriteJob<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  readonly job: WriteJob<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  /** Runs so far that lost a race with another process (deadlock, lock, serialization). */
  attempts: number;
}

type Outcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** The statements of the savepoint around the i-th job of a batch, the same SQL in both dialects. */
interface Savepoint {
  readonly open: CompiledQuery;
  readonly release: CompiledQuery;
  readonly rollback: CompiledQuery;
  /** PostgreSQL: release this savepoint and open the next in one round trip. */
  readonly releaseAndOpenNext: CompiledQuery;
}

const savepoints: Savepoint[] = [];

// Kysely's `trx.savepoint()` builds a transaction object and compiles a command per call; the
// names repeat in every batch, so their statements are made once.
function savepoint(i: number): Savepoint {
  return (savepoints[i] ??= {
    open: CompiledQuery.raw(`savepoint job${i}`),
    release: CompiledQuery.raw(`release savepoint job${i}`),
    rollback: CompiledQuery.raw(`rollback to savepoint job${i}`),
    releaseAndOpenNext: CompiledQuery.raw(`release savepoint job${i}; savepoint job${i + 1}`),
  });
}

/**
 * Group commit: the writes requested during one turn of the event loop run in one transaction,
 * each inside its own savepoint, so one failing write rolls back alone while all the others
 * share a single commit (one fsync with `synchronous=FULL`). A caller's promise settles only
 * after the commit: a 2xx answer always means the write is durable.
 *
 * Jobs must be safe to run again (they only touch the database through `trx`): a job that loses
 * a race with another server process (`isRetryableConflict`) is rolled back to its savepoint and
 * re-run in a later batch after a jittered backoff, and a batch whose commit loses one is re-run
 * whole. Only after `policy.maxAttempts` does the caller see a `busy` error (503), never a 500.
 *
 * Up to `concurrency` batches are in flight at once, each in its own transaction on its own
 * connection (PostgreSQL: a batch spends most of its time waiting for round trips, not CPU).
 * Jobs queued while every batch slot is busy wait for the first one to finish and then go
 * together: under a light load a turn's writes still share one commit. Two batches in flight may
 * touch the same dossier; the second fails fast on its lock (`NOWAIT`) and is retried as above.
 * SQLite has one writer: `concurrency` 1.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  /** Batches in flight now (at most `concurrency`). */
  private inFlight = 0;
  /** Settles when no batch is in flight. */
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => undefined;
  /** Called after each commit with the number of writes it carried (the metrics' histogram). */
  onCommit: ((size: number) => void) | undefined;
  /** Jobs waiting out a backoff before they are queued again. */
  private backingOff = 0;
  /** Batches committed, jobs run and runs retried, for the benchmark's report and tests. */
  readonly stats = { batches: 0, jobs: 0, retries: 0 };
  /**
   * PostgreSQL takes several parameterless statements in one message (the simple query
   * protocol), and a round trip costs more there than on an in-process SQLite: savepoint
   * statements are sent together with the next one. COMMIT ends every open savepoint, so the
   * last job's is never released.
   */
  private readonly multiStatement: boolean;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 256,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly concurrency = 1,
  ) {
    this.multiStatement = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  /** Run a job in the next batch. */
  run<T>(job: WriteJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ job, resolve: resolve as (v: unknown) => void, reject, attempts: 0 });
    });
  }

  private enqueue(p: Pending): void {
    this.pending.push(p);
    this.schedule();
  }

  /** Start a batch at the end of this turn, if a batch slot is free and none is scheduled. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.concurrency || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.inFlight >= this.concurrency || this.pending.length === 0) return;
      if (this.inFlight++ === 0) this.idle = new Promise((r) => (this.markIdle = r));
      void this.commit(this.pending.splice(0, this.maxBatch)).finally(() => {
        if (--this.inFlight === 0) this.markIdle();
        this.schedule();
      });
      // Another slot may take what arrives while this batch waits on the database.
      this.schedule();
    });
  }

  /** A run of `p` lost a race: queue it again after a backoff, or give up with `busy`. */
  private retry(p: Pending, error: unknown): void {
    p.attempts++;
    if (p.attempts >= this.policy.maxAttempts) {
      p.reject(
        new AppError('busy', 'The database is busy with conflicting changes; try again', {
          attempts: p.attempts,
          cause: (error as { code?: string }).code,
        }),
      );
      return;
    }
    this.stats.retries++;
    this.backingOff++;
    setTimeout(
      () => {
        this.backingOff--;
        this.enqueue(p);
      },
      backoffMs(p.attempts, this.policy),
    );
  }

  private async commit(batch: readonly Pending[]): Promise<void> {
    const outcomes: Outcome[] = [];
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    try {
      let open = false; // whether savepoint i is already open
      for (let i = 0; i < batch.length; i++) {
        const sp = savepoint(i);
        if (!open) await trx.executeQuery(sp.open);
        open = false;
        try {
          const value = await batch[i]!.job(trx);
          if (!this.multiStatement) await trx.executeQuery(sp.release);
          else if (i + 1 < batch.length) {
            await trx.executeQuery(sp.releaseAndOpenNext);
            open = true;
          }
          outcomes.push({ ok: true, value });
        } catch (error) {
          await trx.executeQuery(sp.rollback);
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      // The whole batch lost a race (e.g. a deadlock at commit): none of it happened, run it all
      // again; anything else fails every job of the batch, as the transaction did.
      for (const p of batch) {
        if (isRetryableConflict(error)) this.retry(p, error);
        else p.reject(error);
      }
      return;
    }
    this.stats.batches++;
    this.stats.jobs += batch.length;
    this.onCommit?.(batch.length);
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else if (isRetryableConflict(o.error)) this.retry(p, o.error);
      else p.reject(o.error);
    });
  }

  /** Wait until every queued write has committed (for shutdown and tests). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.scheduled || this.backingOff > 0) {
      await new Promise((r) => (this.backingOff > 0 ? setTimeout(r, 1) : setImmediate(r)));
      await this.idle;
    }
    await this.idle;
  }
}
