import {
  validateProcedure,
  type Problem,
  type Procedure,
  type UnitCatalog,
} from '../../engine/index.ts';

let worker: Worker | undefined;
let sentUnits: UnitCatalog | undefined;
let next = 0;
const waiting = new Map<number, (problems: Problem[]) => void>();

/** Start the validation worker as the app boots (its schemas compile while the app loads). */
export function startValidator(): void {
  if (worker || typeof Worker === 'undefined') return;
  try {
    worker = new Worker(new URL('./validationWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; problems: Problem[] }>) => {
      waiting.get(e.data.id)?.(e.data.problems);
      waiting.delete(e.data.id);
    };
  } catch {
    worker = undefined;
  }
}

/** Validate a procedure with the engine, in the worker when there is one. */
export function validate(procedure: Procedure, units: UnitCatalog): Promise<Problem[]> {
  if (!worker) return Promise.resolve(validateProcedure(procedure, { units }));
  const id = ++next;
  const message = { id, procedure, ...(sentUnits !== units ? { units } : {}) };
  sentUnits = units;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage(message);
  });
}
