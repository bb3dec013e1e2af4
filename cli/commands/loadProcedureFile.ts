import { existsSync, readFileSync } from 'node:fs';
import { hasErrors, validateProcedure, type Procedure } from '../../engine/index.ts';
import { unitsFor } from '../checkFile.ts';
import { UsageError } from '../cliError.ts';

/** A procedure read from a file (or given text), refused with a clear message when invalid. */
export function loadProcedureText(text: string, label: string, file?: string): Procedure {
  const units = file ? unitsFor(file) : undefined;
  const problems = validateProcedure(text, units ? { units } : {});
  if (hasErrors(problems)) {
    const first = problems.find((p) => p.severity === 'error')!;
    throw new ProcedureFileError(
      `${label}: ${first.code} ${first.message.en}${first.path ? ` (${first.path})` : ''}; run "motcua validate ${label}"`,
    );
  }
  return JSON.parse(text) as Procedure;
}

/** Read and check a procedure file. */
export function loadProcedureFile(file: string): Procedure {
  if (!existsSync(file)) throw new ProcedureFileError(`${file}: no such file`);
  return loadProcedureText(readFileSync(file, 'utf8'), file, file);
}

/** A procedure file that cannot be used: exit code 1, not a usage error. */
export class ProcedureFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProcedureFileError';
  }
}

export { UsageError };
