import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A unit of work run inside the shared transaction of its batch. */
export type WriteJob<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  readonly job: WriteJob<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
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
        const name = `job${i}`;
        const sp = await trx.savepoint(name).execute();
        try {
          const value = await batch[i]!.job(sp);
          await sp.releaseSavepoint(name).execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sp.rollbackToSavepoint(name).execute();
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
