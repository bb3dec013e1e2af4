import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Procedure, UnitCatalog } from '../../engine/index.ts';

/** The `procedures/` folder of the repository. */
export const PROCEDURES_DIR = fileURLToPath(new URL('../../procedures/', import.meta.url));

/** The unit catalog shipped in `procedures/units.json`. */
export const units: UnitCatalog = JSON.parse(readFileSync(`${PROCEDURES_DIR}units.json`, 'utf8'));

/** Load a bundled procedure by id (a fresh copy each time, safe to mutate). */
export function loadProcedure(id: string): Procedure {
  return JSON.parse(readFileSync(`${PROCEDURES_DIR}${id}.json`, 'utf8')) as Procedure;
}

/** Ids of every bundled procedure file. */
export function procedureIds(): string[] {
  return readdirSync(PROCEDURES_DIR)
    .filter((f) => /^[a-z0-9-]+\.json$/.test(f) && f !== 'units.json')
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** A deep copy of a value changed by `edit`, for fixtures derived from a valid procedure. */
export function mutate<T>(value: T, edit: (draft: any) => void): T {
  const copy = structuredClone(value);
  edit(copy);
  return copy;
}
