import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatProcedure,
  procedureTemplate,
  templateUnits,
  validateUnitCatalog,
  type UnitCatalog,
} from '../../engine/index.ts';
import { defaultProceduresDir } from '../../server/library/procedureFiles.ts';
import { EXIT, UsageError, type CliContext, type Lang } from '../cliError.ts';
import { ProcedureFileError } from './loadProcedureFile.ts';

export const newHelp = `Usage: motcua new <id> [--name "Tên thủ tục"] [--level commune] [--dir procedures] [--json]

Tạo thủ tục mới từ mẫu — create procedures/<id>.json from a template that validates: reception
at the one-stop desk, specialist review, signing leader, return of the result, with a supplement
loop, refusal and withdrawal. <id> is a slug: lowercase letters, digits and dashes.

The library is found from any folder of the project (or --dir). The units are those of --level
in its units.json (the level's one-stop desk, its People's Committee and a unit under it); the
name defaults to "Thủ tục mới (<level>)". --json prints { file, id, level, name, units }.

Exit: 0 created, 1 the file exists, 2 wrong usage.`;

/** The library's unit catalog, when it has a valid one. */
function readCatalog(dir: string): UnitCatalog | undefined {
  const file = join(dir, 'units.json');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  if (validateUnitCatalog(text).some((p) => p.severity === 'error')) return undefined;
  return JSON.parse(text) as UnitCatalog;
}

/** `motcua new`. */
export function newCommand(args: readonly string[], ctx: CliContext, lang: Lang): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      name: { type: 'string' },
      level: { type: 'string' },
      dir: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('new takes exactly one procedure id');
  const id = positionals[0]!;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 100) {
    throw new UsageError(
      `"${id}" is not a valid id: use lowercase letters, digits and dashes (e.g. cap-giay-phep)`,
    );
  }
  const dir = values.dir ? resolve(ctx.cwd, values.dir) : defaultProceduresDir(ctx.cwd);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new ProcedureFileError(`${dir}: no such folder (the procedure library)`);
  const file = join(dir, `${id}.json`);
  if (existsSync(file)) throw new ProcedureFileError(`${file} already exists`);
  const level = values.level ?? 'commune';
  const catalog = readCatalog(dir);
  if (catalog && !catalog.levels.some((l) => l.id === level)) {
    throw new UsageError(
      `--level "${level}" is not in ${join(dir, 'units.json')}; levels: ${catalog.levels.map((l) => l.id).join(', ')}`,
    );
  }
  const units = catalog ? templateUnits(catalog, level) : undefined;
  const levelName = catalog?.levels.find((l) => l.id === level)?.name.vi;
  const name =
    values.name ?? `Thủ tục mới${levelName ? ` (${levelName.toLocaleLowerCase('vi')})` : ''}`;
  writeFileSync(file, formatProcedure(procedureTemplate(id, { name, level, ...units })));
  const shown = relative(ctx.cwd, file) || file;
  if (values.json)
    ctx.stdout(
      JSON.stringify({ file: shown, id, level, name, units: units?.units ?? null }, null, 2),
    );
  else ctx.stdout(lang === 'vi' ? `Đã tạo ${shown}` : `Created ${shown}`);
  if (!units && level !== 'commune') {
    ctx.stderr(
      lang === 'vi'
        ? `Cấp "${level}" không có bộ phận một cửa trong units.json: mẫu dùng đơn vị cấp xã, hãy sửa lại đơn vị`
        : `Level "${level}" has no one-stop desk in units.json: the template uses commune units; change them`,
    );
  }
  return EXIT.ok;
}
