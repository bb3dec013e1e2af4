import { UnitCatalogSchema, type UnitCatalog } from '../format/unitCatalog.ts';
import { parseJson } from './parseJson.ts';
import { pointer, problem, type Problem } from './problem.ts';
import { ajvProblems, createAjv, findTooDeep } from './structural.ts';

let validator: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/**
 * Check the catalog of levels, roles and units (`units.json`): its shape, then that ids are
 * unique, each unit's level exists, each parent is a known unit, and the parents form a tree
 * (no unit is its own ancestor) — "under a unit" must mean something for supervisors. Never
 * throws: JSON syntax errors and junk come back as problems with JSON paths. A one-stop desk
 * (`oneStop`) receives dossiers and needs a `code`, the prefix of their codes.
 */
export function validateUnitCatalog(input: string | unknown): Problem[] {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.ok) return [...parsed.problems];
    value = parsed.value;
  }
  const deep = findTooDeep(value);
  if (deep !== undefined)
    return [
      problem('schema.depth', deep, {
        vi: 'Tệp lồng quá sâu',
        en: 'The file is nested too deeply',
      }),
    ];
  validator ??= createAjv().compile(JSON.parse(JSON.stringify(UnitCatalogSchema)));
  if (!validator(value)) return ajvProblems(validator.errors);
  const catalog = value as UnitCatalog;
  const problems: Problem[] = [];
  const duplicates = (list: 'levels' | 'roles' | 'units') => {
    const seen = new Set<string>();
    catalog[list].forEach((x, i) => {
      if (seen.has(x.id))
        problems.push(
          problem('units.duplicate-id', pointer(list, i, 'id'), {
            vi: `Mã "${x.id}" bị trùng`,
            en: `Duplicate id "${x.id}"`,
          }),
        );
      seen.add(x.id);
    });
  };
  duplicates('levels');
  duplicates('roles');
  duplicates('units');
  const levels = new Set(catalog.levels.map((l) => l.id));
  const byId = new Map(catalog.units.map((u) => [u.id, u]));
  catalog.units.forEach((u, i) => {
    if (u.oneStop && !u.code?.trim())
      problems.push(
        problem('units.one-stop-without-code', pointer('units', i), {
          vi: `Bộ phận một cửa "${u.id}" chưa có mã đơn vị ("code"), dùng làm tiền tố số hồ sơ`,
          en: `One-stop desk "${u.id}" has no unit code ("code"), the prefix of its dossier codes`,
        }),
      );
    if (!levels.has(u.level))
      problems.push(
        problem('units.unknown-level', pointer('units', i, 'level'), {
          vi: `Đơn vị "${u.id}": không có cấp "${u.level}" trong danh sách levels`,
          en: `Unit "${u.id}": no level "${u.level}" in levels`,
        }),
      );
    if (u.parent === undefined) return;
    if (!byId.has(u.parent)) {
      problems.push(
        problem('units.unknown-parent', pointer('units', i, 'parent'), {
          vi: `Đơn vị "${u.id}": không có đơn vị cấp trên "${u.parent}"`,
          en: `Unit "${u.id}": no parent unit "${u.parent}"`,
        }),
      );
      return;
    }
    // Walk up: a cycle returns to u before reaching a root.
    const seen = new Set([u.id]);
    for (let p = byId.get(u.parent); p; p = p.parent ? byId.get(p.parent) : undefined) {
      if (seen.has(p.id)) {
        problems.push(
          problem('units.parent-cycle', pointer('units', i, 'parent'), {
            vi: `Đơn vị "${u.id}" nằm dưới chính nó (vòng lặp đơn vị cấp trên: ${[...seen].join(' → ')})`,
            en: `Unit "${u.id}" is under itself (parent cycle: ${[...seen].join(' → ')})`,
          }),
        );
        break;
      }
      seen.add(p.id);
    }
  });
  return problems;
}

/**
 * The units under a unit, itself included (its subtree in the catalog's parent tree): what a
 * supervisor (lãnh đạo, giám sát) of that unit oversees. Assumes a validated catalog.
 */
export function unitSubtree(catalog: UnitCatalog, unitId: string): string[] {
  const children = new Map<string, string[]>();
  for (const u of catalog.units)
    if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push(id);
    for (const c of children.get(id) ?? []) walk(c);
  };
  walk(unitId);
  return out;
}
