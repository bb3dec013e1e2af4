/// <reference lib="webworker" />
import { procedureTemplate, validateProcedure, type UnitCatalog } from '../../engine/index.ts';

/**
 * Live validation off the main thread: the engine's `validateProcedure` (the very code the CLI
 * and the server run) compiles its JSON Schemas once here, while the app is still loading, and
 * then checks every edit without blocking the canvas.
 */
interface Request {
  readonly id: number;
  readonly procedure: unknown;
  readonly units?: UnitCatalog;
}

let units: UnitCatalog | undefined;
validateProcedure(procedureTemplate('khoi-dong'));

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, procedure } = event.data;
  if (event.data.units) units = event.data.units;
  const problems = validateProcedure(procedure, units ? { units } : {});
  (self as unknown as { postMessage(message: unknown): void }).postMessage({ id, problems });
};
