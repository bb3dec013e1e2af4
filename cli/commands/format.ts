import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProcedure, parseJson } from '../../engine/index.ts';
import {
  defaultProceduresDir,
  expandPaths,
  fileKind,
} from '../../server/library/procedureFiles.ts';
import { EXIT, type CliContext, type Lang } from '../cliError.ts';

export const formatHelp = `Usage: motcua format [--check] [paths…] [--json]

Định dạng chuẩn các tệp thủ tục — canonical formatting: known keys in a stable order (identity
first, machine last), two-space indent, trailing newline. The designer writes the same bytes.

  --check   change nothing; list files that are not formatted and exit 1
  --json    print the result as JSON

Exit: 0 all formatted, 1 files need formatting or cannot be read, 2 wrong usage.`;

/** `motcua format`. */
export function formatCommand(args: readonly string[], ctx: CliContext, lang: Lang): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { check: { type: 'boolean' }, json: { type: 'boolean' }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const files = expandPaths(
    positionals.length > 0 ? positionals : [defaultProceduresDir(ctx.cwd)],
  ).filter((f) => fileKind(f) !== 'schema');
  const changed: string[] = [];
  const failed: { file: string; message: string }[] = [];
  for (const file of files) {
    const shown = relative(ctx.cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      failed.push({ file: shown, message: String((error as Error).message) });
      continue;
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      failed.push({ file: shown, message: parsed.problems[0]!.message[lang] });
      continue;
    }
    const formatted = formatProcedure(parsed.value);
    if (formatted === text) continue;
    changed.push(shown);
    if (!values.check) writeFileSync(file, formatted);
  }
  if (values.json) ctx.stdout(JSON.stringify({ changed, failed, check: !!values.check }, null, 2));
  else {
    for (const f of failed) ctx.stderr(`${f.file}: ${f.message}`);
    for (const f of changed)
      ctx.stdout(
        values.check
          ? lang === 'vi'
            ? `chưa định dạng: ${f}`
            : `not formatted: ${f}`
          : lang === 'vi'
            ? `đã định dạng: ${f}`
            : `formatted: ${f}`,
      );
    if (changed.length === 0 && failed.length === 0)
      ctx.stdout(
        lang === 'vi'
          ? `${files.length} tệp đã đúng định dạng`
          : `${files.length} files already formatted`,
      );
  }
  return failed.length > 0 || (values.check && changed.length > 0) ? EXIT.problems : EXIT.ok;
}
