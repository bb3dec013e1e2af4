import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { locatePointer, type Problem } from '../../engine/index.ts';
import { expandPaths, defaultProceduresDir } from '../../server/library/procedureFiles.ts';
import { checkFile } from '../checkFile.ts';
import { EXIT, UsageError, type CliContext, type Lang } from '../cliError.ts';

export const validateHelp = `Usage: motcua validate [paths…] [--json] [--strict] [--lang vi|en]

Kiểm tra các tệp thủ tục (và units.json, lịch, kịch bản) — check procedure files.
Paths are files or folders (default: the procedures folder). Each problem is printed as
  file:line:column severity code message
so editors and CI annotate the right line.

  --json      print problems as JSON
  --strict    warnings also fail (exit 1)
  --lang      language of messages (vi by default)

Exit: 0 no errors, 1 problems found, 2 wrong usage.`;

/** A problem located in a file. */
export interface FileProblem extends Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Validate files and folders; returns the located problems (read errors included). */
export function validatePaths(paths: readonly string[], cwd: string): FileProblem[] {
  const out: FileProblem[] = [];
  for (const file of expandPaths(paths)) {
    const shown = relative(cwd, file) || file;
    if (!existsSync(file)) {
      out.push({
        file: shown,
        line: 1,
        column: 1,
        code: 'file-missing',
        path: '',
        severity: 'error',
        message: { vi: 'Không tìm thấy tệp', en: 'No such file' },
      });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      out.push({
        file: shown,
        line: 1,
        column: 1,
        code: 'file-unreadable',
        path: '',
        severity: 'error',
        message: {
          vi: `Không đọc được tệp: ${String(error)}`,
          en: `Cannot read: ${String(error)}`,
        },
      });
      continue;
    }
    for (const p of checkFile(file, text)) {
      const at = p.code === 'json-syntax' ? syntaxPosition(p, text) : locatePointer(text, p.path);
      out.push({ ...p, file: shown, ...at });
    }
  }
  return out;
}

function syntaxPosition(p: Problem, text: string): { line: number; column: number } {
  const m = /line (\d+), column (\d+)/.exec(p.message.en);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : locatePointer(text, '');
}

/** Print located problems the way compilers do. */
export function formatProblem(p: FileProblem, lang: Lang): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message[lang]}${p.path ? ` (${p.path})` : ''}`;
}

/** `motcua validate`. */
export function validateCommand(args: readonly string[], ctx: CliContext, lang: Lang): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, strict: { type: 'boolean' }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const paths = positionals.length > 0 ? positionals : [defaultProceduresDir()];
  for (const p of positionals)
    if (existsSync(p) && !statSync(p).isFile() && !statSync(p).isDirectory())
      throw new UsageError(`${p}: not a file or folder`);
  const problems = validatePaths(paths, ctx.cwd);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (values.json) ctx.stdout(JSON.stringify(problems, null, 2));
  else {
    for (const p of problems) ctx.stdout(formatProblem(p, lang));
    const files = expandPaths(paths).length;
    ctx.stdout(
      lang === 'vi'
        ? `${files} tệp: ${errors} lỗi, ${warnings} cảnh báo`
        : `${files} files: ${errors} errors, ${warnings} warnings`,
    );
  }
  return errors > 0 || (values.strict && warnings > 0) ? EXIT.problems : EXIT.ok;
}
