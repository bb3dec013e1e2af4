import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  createCalendar,
  locatePointer,
  parseCalendarFile,
  validateUnitCatalog,
  type CalendarSchedule,
  type Problem,
  type UnitCatalog,
  type WorkingCalendar,
} from '../../engine/index.ts';

/** What a JSON file under `procedures/` is, judged by its name. */
export type ProcedureFileKind =
  'procedure' | 'scenarios' | 'layout' | 'units' | 'calendar' | 'schema';

/** The kind of a file in the procedure library. */
export function fileKind(path: string): ProcedureFileKind {
  const name = basename(path);
  if (name.endsWith('.schema.json')) return 'schema';
  if (name.endsWith('.scenarios.json')) return 'scenarios';
  if (name.endsWith('.layout.json')) return 'layout';
  if (name === 'units.json') return 'units';
  if (/(^|[\\/])calendars[\\/][^\\/]+\.json$/.test(path)) return 'calendar';
  return 'procedure';
}

/** Expand files and directories into the JSON files under them, sorted; missing paths kept. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) {
      out.push(p);
      return;
    }
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const child = join(p, entry);
        if (statSync(child).isDirectory() || entry.endsWith('.json')) walk(child);
      }
    } else out.push(p);
  };
  paths.forEach(walk);
  return out;
}

/**
 * The procedure library folder: `PROCEDURES_DIR`, else found from the working directory (any
 * folder of the project): the nearest folder, this one or above, that is a library (it has
 * `units.json`) or holds one as `procedures/`; else `procedures/` of the working directory.
 */
export function defaultProceduresDir(cwd: string = process.cwd()): string {
  if (process.env.PROCEDURES_DIR) return resolve(cwd, process.env.PROCEDURES_DIR);
  for (let dir = resolve(cwd); ;) {
    if (existsSync(join(dir, 'units.json'))) return dir;
    const library = join(dir, 'procedures');
    if (existsSync(join(library, 'units.json'))) return library;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return resolve(cwd, 'procedures');
}

/** A procedure file that stops the start: with the file, JSON path, line and message. */
export class ProcedureLoadError extends Error {
  constructor(
    readonly details: readonly {
      file: string;
      path: string;
      line: number;
      column: number;
      message: string;
    }[],
  ) {
    super(
      `Invalid procedure files:\n${details.map((d) => `  ${d.file}:${d.line}:${d.column} ${d.message}${d.path ? ` (${d.path})` : ''}`).join('\n')}`,
    );
    this.name = 'ProcedureLoadError';
  }
}

/** The library folder has no `units.json`: said in one line, with what to do. */
export class UnitsMissingError extends ProcedureLoadError {
  constructor(readonly dir: string) {
    const message = `units-missing: ${dir} has no units.json (the catalog of levels, roles and units every procedure refers to); is PROCEDURES_DIR the procedure library?`;
    super([{ file: join(dir, 'units.json'), path: '', line: 1, column: 1, message }]);
    this.name = 'UnitsMissingError';
    this.message = message;
  }
}

/**
 * Read and check `units.json` of a library folder. A missing or invalid catalog stops the start
 * with the file, line, JSON path and message (`ProcedureLoadError`), never a stack trace.
 */
export function loadUnits(dir: string): UnitCatalog {
  const file = join(dir, 'units.json');
  if (!existsSync(file)) throw new UnitsMissingError(dir);
  const text = readFileSync(file, 'utf8');
  const problems = validateUnitCatalog(text).filter((p) => p.severity === 'error');
  if (problems.length > 0)
    throw new ProcedureLoadError(
      problems.map((p) => ({
        file,
        path: p.path,
        ...(p.code === 'json-syntax' ? { line: 1, column: 1 } : locatePointer(text, p.path)),
        message: `${p.code}: ${p.message.en}`,
      })),
    );
  return JSON.parse(text) as UnitCatalog;
}

/** The official yearly schedules of a library folder (`calendars/*.json`), with their problems. */
export function loadSchedules(dir: string): {
  schedules: CalendarSchedule[];
  problems: { file: string; problems: readonly Problem[] }[];
} {
  const folder = join(dir, 'calendars');
  const schedules: CalendarSchedule[] = [];
  const problems: { file: string; problems: readonly Problem[] }[] = [];
  if (!existsSync(folder)) return { schedules, problems };
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = join(folder, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({
        file,
        problems: [
          {
            code: 'json-syntax',
            path: '',
            severity: 'error',
            message: {
              vi: `JSON không hợp lệ: ${String(error)}`,
              en: `Invalid JSON: ${String(error)}`,
            },
          },
        ],
      });
      continue;
    }
    const parsed = parseCalendarFile(json, name);
    if (parsed.ok) schedules.push(parsed.schedule);
    else problems.push({ file, problems: parsed.problems });
  }
  return { schedules, problems };
}

/** The working calendar of a library folder: rules plus its official schedules. */
export function loadCalendar(dir: string): WorkingCalendar {
  return createCalendar({ schedules: loadSchedules(dir).schedules });
}

export type { Problem };
