import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import {
  hasErrors,
  procedureVersion,
  validateProcedure,
  type Procedure,
  type UnitCatalog,
} from '../../engine/index.ts';
import { catalogKeyOf, checkKey, CheckCache, type ProcedureCheck } from './checkCache.ts';

/** A procedure file's text and the unit catalog it is checked against. */
export interface CheckItem {
  readonly text: string;
  readonly units: UnitCatalog | undefined;
}

/** Below this many files to validate, the other cores are not worth starting a worker for. */
const PARALLEL_FROM = 64;
/** How long to wait for a worker that took files before checking them here instead. */
const WORKER_WAIT_MS = 120_000;

/** Validate one procedure text; its version when it has no error. */
export function checkProcedureText(text: string, units: UnitCatalog | undefined): ProcedureCheck {
  const problems = validateProcedure(text, units ? { units } : {});
  return {
    problems,
    version: hasErrors(problems) ? null : procedureVersion(JSON.parse(text) as Procedure),
  };
}

/**
 * Check many procedure texts: unchanged ones (same text, same unit catalog, same engine) come
 * from the library's cache, the others are validated here and, when there are many, on the
 * machine's other cores too (worker threads taking files one by one from a shared counter).
 * Synchronous, so that the command line stays synchronous; the results are in input order and
 * the same as `checkProcedureText` of each.
 */
export function checkProcedureTexts(
  items: readonly CheckItem[],
  cache: CheckCache = CheckCache.open(undefined),
  options: {
    /** false: only the workers take files (tests check what the workers return). */
    readonly callerTakesFiles?: boolean;
  } = {},
): ProcedureCheck[] {
  const catalogKeys = new Map<UnitCatalog | undefined, string>();
  const keyOf = (units: UnitCatalog | undefined) => {
    let key = catalogKeys.get(units);
    if (key === undefined) catalogKeys.set(units, (key = catalogKeyOf(units)));
    return key;
  };
  const keys = items.map((item) => checkKey(item.text, keyOf(item.units)));
  const results: (ProcedureCheck | undefined)[] = keys.map((key) => cache.get(key));
  const missing = results.flatMap((r, i) => (r ? [] : [i]));
  const fresh = checkInParallel(
    missing.map((i) => items[i]!),
    options.callerTakesFiles ?? true,
  );
  missing.forEach((i, j) => {
    results[i] = fresh[j]!;
    cache.set(keys[i]!, fresh[j]!);
  });
  cache.save();
  return results as ProcedureCheck[];
}

interface WorkerInput {
  readonly texts: readonly string[];
  readonly catalogs: readonly (UnitCatalog | undefined)[];
  /** Index of each text's catalog in `catalogs`. */
  readonly catalogOf: readonly number[];
  /** [next index, then per worker: files claimed, finished]. */
  readonly shared: SharedArrayBuffer;
  readonly slot: number;
  readonly port: MessagePort;
}

/** Of the last parallel check: workers started and files they checked (for tests and benches). */
export const lastParallelCheck = { workers: 0, checkedInWorkers: 0 };

function checkInParallel(items: readonly CheckItem[], callerTakesFiles: boolean): ProcedureCheck[] {
  const workerCount = Math.min(Math.max(availableParallelism() - 1, 0), 7);
  if (items.length < PARALLEL_FROM || workerCount === 0)
    return items.map((item) => checkProcedureText(item.text, item.units));
  const catalogs = [...new Set(items.map((i) => i.units))];
  const shared = new SharedArrayBuffer(4 * (1 + 2 * workerCount));
  const state = new Int32Array(shared);
  const results: (ProcedureCheck | undefined)[] = new Array(items.length);
  const workers: { worker: Worker; port: MessagePort }[] = [];
  for (let slot = 0; slot < workerCount; slot++) {
    try {
      const channel = new MessageChannel();
      const input: WorkerInput = {
        texts: items.map((i) => i.text),
        catalogs,
        catalogOf: items.map((i) => catalogs.indexOf(i.units)),
        shared,
        slot,
        port: channel.port2,
      };
      const worker = new Worker(new URL('./checkWorker.mjs', import.meta.url), {
        workerData: input,
        transferList: [channel.port2],
      });
      worker.unref();
      // A worker that fails to start simply takes no file; its error is not the caller's.
      worker.on('error', () => undefined);
      workers.push({ worker, port: channel.port1 });
    } catch {
      break; // no more workers: the files are checked here
    }
  }
  lastParallelCheck.workers = workers.length;
  lastParallelCheck.checkedInWorkers = 0;
  // This thread checks files too, from the same counter.
  for (; callerTakesFiles;) {
    const i = Atomics.add(state, 0, 1);
    if (i >= items.length) break;
    results[i] = checkProcedureText(items[i]!.text, items[i]!.units);
  }
  const deadline = Date.now() + WORKER_WAIT_MS;
  workers.forEach(({ worker, port }, slot) => {
    const claimed = 1 + 2 * slot;
    const finished = claimed + 1;
    // A worker that has not claimed a file by now never will (the counter is past the end);
    // when this thread takes none, every worker is waited for.
    if (!callerTakesFiles || Atomics.load(state, claimed) > 0) {
      while (Atomics.load(state, finished) === 0 && Date.now() < deadline)
        Atomics.wait(state, finished, 0, 200);
      const message = receiveMessageOnPort(port)?.message as
        { results?: [number, ProcedureCheck][] } | undefined;
      for (const [i, check] of message?.results ?? []) {
        results[i] = check;
        lastParallelCheck.checkedInWorkers++;
      }
    }
    port.close();
    void worker.terminate();
  });
  // Anything a failed or late worker left is checked here.
  return results.map((r, i) => r ?? checkProcedureText(items[i]!.text, items[i]!.units));
}

/** The body of a check worker (started by `checkWorker.mjs`). */
export function runCheckWorker(input: WorkerInput): void {
  const state = new Int32Array(input.shared);
  const claimed = 1 + 2 * input.slot;
  const results: [number, ProcedureCheck][] = [];
  try {
    for (;;) {
      // Count the claim before taking an index, so that the main thread waits for this one.
      Atomics.add(state, claimed, 1);
      const i = Atomics.add(state, 0, 1);
      if (i >= input.texts.length) break;
      results.push([i, checkProcedureText(input.texts[i]!, input.catalogs[input.catalogOf[i]!])]);
    }
  } finally {
    input.port.postMessage({ results });
    input.port.close();
    Atomics.store(state, claimed + 1, 1);
    Atomics.notify(state, claimed + 1);
  }
}
