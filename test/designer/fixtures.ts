import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Procedure, UnitCatalog } from '../../engine/index.ts';
import { loadProcedure, procedureIds, units } from '../support/procedures.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The unit catalog with the units the designer's own fixture needs. */
export const catalog: UnitCatalog = (() => {
  const extra = JSON.parse(readFileSync(`${FIXTURES}units-extra.json`, 'utf8')) as UnitCatalog;
  return {
    ...units,
    units: [...units.units, ...extra.units.filter((u) => !units.units.some((x) => x.id === u.id))],
  };
})();

/** The liên thông fixture (parallel regions, guarded alternatives). */
export function lienThong(): Procedure {
  return JSON.parse(
    readFileSync(`${FIXTURES}lien-thong-khai-sinh-thuong-tru-bhyt.json`, 'utf8'),
  ) as Procedure;
}

/** Every bundled procedure and the fixture, by id. */
export function allProcedures(): [string, Procedure][] {
  return [
    ...procedureIds().map((id): [string, Procedure] => [id, loadProcedure(id)]),
    ['fixture:lien-thong', lienThong()],
  ];
}

export { loadProcedure };
