import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  parseCalendarFile,
  parseJson,
  problem,
  validateProcedure,
  validateUnitCatalog,
  validateScenarioFile,
  type Problem,
  type UnitCatalog,
} from '../engine/index.ts';
import { fileKind } from '../server/library/procedureFiles.ts';

/** The unit catalog that applies to a file: `units.json` beside it (or above, for calendars). */
export function unitsFor(file: string): UnitCatalog | undefined {
  for (const dir of [dirname(file), join(dirname(file), '..')]) {
    try {
      return JSON.parse(readFileSync(join(dir, 'units.json'), 'utf8')) as UnitCatalog;
    } catch {
      // try the next folder
    }
  }
  return undefined;
}

/**
 * A procedure's problems, and — when no catalog was found — the warning that its units, roles
 * and level were not checked: never pass silently.
 */
export function withUnitsNote(
  problems: readonly Problem[],
  units: UnitCatalog | undefined,
): Problem[] {
  if (units || problems.some((p) => p.code === 'json-syntax')) return [...problems];
  return [
    ...problems,
    problem(
      'units-unchecked',
      '',
      {
        vi: 'Không tìm thấy units.json bên cạnh tệp (hoặc thư mục trên): chưa kiểm tra đơn vị, vai trò và cấp',
        en: 'No units.json beside the file (or in the folder above): units, roles and level were not checked',
      },
      'warning',
    ),
  ];
}

/** Validate one file of the library by its kind; the text is read by the caller. */
export function checkFile(file: string, text: string): Problem[] {
  const kind = fileKind(file);
  switch (kind) {
    case 'procedure': {
      const units = unitsFor(file);
      return withUnitsNote(validateProcedure(text, units ? { units } : {}), units);
    }
    case 'schema':
      return [];
    case 'layout':
    case 'scenarios':
    case 'units':
    case 'calendar': {
      const parsed = parseJson(text);
      if (!parsed.ok) return [...parsed.problems];
      if (kind === 'scenarios') return validateScenarioFile(parsed.value);
      if (kind === 'calendar') {
        const result = parseCalendarFile(parsed.value, file.split(/[\\/]/).pop()!);
        return result.ok ? [] : [...result.problems];
      }
      if (kind === 'units') return validateUnitCatalog(parsed.value);
      const v = parsed.value as { positions?: unknown };
      return v && typeof v === 'object' && !Array.isArray(v)
        ? []
        : [
            problem('schema.type', '', {
              vi: 'Tệp bố cục phải là một đối tượng JSON',
              en: 'A layout file must be a JSON object',
            }),
          ];
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown file kind ${String(never)}`);
    }
  }
}
