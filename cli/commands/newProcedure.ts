import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProcedure, procedureTemplate } from '../../engine/index.ts';
import { defaultProceduresDir } from '../../server/library/procedureFiles.ts';
import { EXIT, UsageError, type CliContext, type Lang } from '../cliError.ts';
import { ProcedureFileError } from './loadProcedureFile.ts';

export const newHelp = `Usage: motcua new <id> [--name "Tên thủ tục"] [--level commune] [--dir procedures]

Tạo thủ tục mới từ mẫu — create procedures/<id>.json from a template that validates: reception
at the one-stop desk, specialist review, signing leader, return of the result, with a supplement
loop, refusal and withdrawal. <id> is a slug: lowercase letters, digits and dashes.

Exit: 0 created, 1 the file exists, 2 wrong usage.`;

/** `motcua new`. */
export function newCommand(args: readonly string[], ctx: CliContext, lang: Lang): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      name: { type: 'string' },
      level: { type: 'string' },
      dir: { type: 'string' },
      lang: { type: 'string' },
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
  const dir = values.dir ?? defaultProceduresDir();
  const file = join(dir, `${id}.json`);
  if (existsSync(file)) throw new ProcedureFileError(`${file} already exists`);
  writeFileSync(
    file,
    formatProcedure(
      procedureTemplate(id, {
        ...(values.name ? { name: values.name } : {}),
        ...(values.level ? { level: values.level } : {}),
      }),
    ),
  );
  ctx.stdout(lang === 'vi' ? `Đã tạo ${file}` : `Created ${file}`);
  return EXIT.ok;
}
