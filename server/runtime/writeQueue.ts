import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A unit of work run inside the shared transaction of its batch. */
export type WriteJob<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  readonly job: WriteJob<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** The statements of the savepoint around the i-th job of a batch, the same SQL in both dialects. */
interface Savepoint {
  readonly open: CompiledQuery;
  readonly release: CompiledQuery;
  readonly rollback: CompiledQuery;
}

const savepoints: Savepoint[] = [];

// Kysely's `trx.savepoint()` builds a transaction object and compiles a command per call; the
// names repeat in every batch, so their statements are made once.
function savepoint(i: number): Savepoint {
  return (savepoints[i] ??= {
    open: CompiledQuery.raw(`savepoint job${i}`),
    release: CompiledQuery.raw(`release savepoint job${i}`),
    rollback: CompiledQuery.raw(`rollback to savepoint job${i}`),
  });
}

/**
 * Group commit: the writes requested during one turn of the event loop run in one transaction,
 * each inside its own savepoint, so one failing write rolls back alone while all the others
 * share a single commit (one fsync with `synchronous=FULL`). A caller's promise settles only
 * after the commit: a 2xx answer always means the write is durable.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();
  /** Batches committed and jobs run, for the benchmark's report. */
  readonly stats = { batches: 0, jobs: 0 };
  /** Called after each commit with the number of writes it carried (the metrics' histogram). */
  onCommit: ((size: number) => void) | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 256,
  ) {}

  /** Run a job in the next batch. */
  run<T>(job: WriteJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ job, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.running = this.running.then(() => this.flush());
        });
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      await this.commit(batch);
    }
  }

  private async commit(batch: readonly Pending[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    try {
      for (let i = 0; i < batch.length; i++) {
        const sp = savepoint(i);
        await trx.executeQuery(sp.open);
        try {
          const value = await batch[i]!.job(trx);
          await trx.executeQuery(sp.release);
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
      for (const p of batch) p.reject(error);
      return;
    }
    this.stats.batches++;
    this.stats.jobs += batch.length;
    this.onCommit?.(batch.length);
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }

  /** Wait until every queued write has committed (for shutdown and tests). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.scheduled) {
      await new Promise((r) => setImmediate(r));
      await this.running;
    }
    await this.running;
  }
}
