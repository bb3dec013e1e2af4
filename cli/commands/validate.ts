import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { locatePointer, type Problem } from '../../engine/index.ts';
import { CheckCache } from '../../server/library/checkCache.ts';
import { checkProcedureTexts } from '../../server/library/checkProcedures.ts';
import {
  expandPaths,
  defaultProceduresDir,
  fileKind,
} from '../../server/library/procedureFiles.ts';
import { checkFile, unitsFor, withUnitsNote } from '../checkFile.ts';
import { EXIT, UsageError, type CliContext, type Lang } from '../cliError.ts';

export const validateHelp = `Usage: motcua validate [paths…] [--json] [--strict] [--lang vi|en]

Kiểm tra các tệp thủ tục (và units.json, lịch, kịch bản) — check procedure files.
Paths are files or folders (default: the procedures folder). Each problem is printed as
  file:line:column severity code message
so editors and CI annotate the right line.

  --json      print problems as JSON
  --strict    warnings also fail (exit 1); units-unchecked becomes an error
  --lang      language of messages (vi by default)

A procedure with no units.json beside it (or above) gets the warning units-unchecked. When the
library has no official calendar (calendars/<year>.json) for this year or the next, a note on
stderr says the forecast of public holidays is used instead.

Exit: 0 no errors, 1 problems found, 2 wrong usage.`;

/** A problem located in a file. */
export interface FileProblem extends Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Validate files and folders; returns the located problems (read errors included). Procedure
 * files unchanged since the last run (same text, same units.json, same engine) take their
 * problems from the cache of their folder (`.motcua-cache/`); the others are validated on every
 * core of the machine.
 */
export function validatePaths(paths: readonly string[], cwd: string): FileProblem[] {
  const files = expandPaths(paths).map((file) => ({ file, ...readText(file) }));
  // Procedure files by folder: one cache and one unit catalog per folder.
  const byFolder = new Map<string, number[]>();
  files.forEach(({ file, text }, i) => {
    if (text === undefined || fileKind(file) !== 'procedure') return;
    const folder = dirname(resolve(file));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), i]);
  });
  const checked = new Map<number, readonly Problem[]>();
  for (const [folder, indexes] of byFolder) {
    const units = unitsFor(files[indexes[0]!]!.file);
    const checks = checkProcedureTexts(
      indexes.map((i) => ({ text: files[i]!.text!, units })),
      CheckCache.open(folder),
    );
    indexes.forEach((i, j) => checked.set(i, withUnitsNote(checks[j]!.problems, units)));
  }
  const out: FileProblem[] = [];
  files.forEach(({ file, text, problem }, i) => {
    const shown = relative(cwd, file) || file;
    if (text === undefined) {
      out.push({ ...problem!, file: shown, line: 1, column: 1 });
      return;
    }
    for (const p of checked.get(i) ?? checkFile(file, text)) {
      const at = p.code === 'json-syntax' ? syntaxPosition(p, text) : locatePointer(text, p.path);
      out.push({ ...p, file: shown, ...at });
    }
  });
  return out;
}

/** A file's text, or the problem of reading it. */
function readText(file: string): { text?: string; problem?: Problem } {
  if (!existsSync(file))
    return {
      problem: {
        code: 'file-missing',
        path: '',
        severity: 'error',
        message: { vi: 'Không tìm thấy tệp', en: 'No such file' },
      },
    };
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    return {
      problem: {
        code: 'file-unreadable',
        path: '',
        severity: 'error',
        message: {
          vi: `Không đọc được tệp: ${String(error)}`,
          en: `Cannot read: ${String(error)}`,
        },
      },
    };
  }
}

function syntaxPosition(p: Problem, text: string): { line: number; column: number } {
  const m = /line (\d+), column (\d+)/.exec(p.message.en);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : locatePointer(text, '');
}

/** The library folders the paths touch: folders with a units.json, or holding procedure files. */
function libraryDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const kind = fileKind(f);
    if (kind === 'schema' || kind === 'layout') continue;
    dirs.add(resolve(kind === 'calendar' ? join(dirname(f), '..') : dirname(f)));
  }
  return [...dirs].filter((d) => existsSync(d)).sort();
}

/** Notes on the libraries: the years with no official calendar, whose forecast is used. */
export function calendarNotes(
  files: readonly string[],
  now: Date,
  lang: Lang,
  cwd: string,
): string[] {
  const year = now.getFullYear();
  const notes: string[] = [];
  for (const dir of libraryDirs(files)) {
    for (const y of [year, year + 1]) {
      if (existsSync(join(dir, 'calendars', `${y}.json`))) continue;
      const shown = relative(cwd, join(dir, 'calendars', `${y}.json`));
      notes.push(
        lang === 'vi'
          ? `ghi chú: chưa có lịch làm việc chính thức năm ${y} (${shown}): dùng lịch dự báo ngày nghỉ lễ, Tết`
          : `note: no official working calendar for ${y} (${shown}): the forecast of public holidays is used`,
      );
    }
  }
  return notes;
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
  const paths = positionals.length > 0 ? positionals : [defaultProceduresDir(ctx.cwd)];
  for (const p of positionals)
    if (existsSync(p) && !statSync(p).isFile() && !statSync(p).isDirectory())
      throw new UsageError(`${p}: not a file or folder`);
  const problems = validatePaths(paths, ctx.cwd).map((p) =>
    values.strict && p.code === 'units-unchecked' ? { ...p, severity: 'error' as const } : p,
  );
  for (const note of calendarNotes(expandPaths(paths), new Date(), lang, ctx.cwd)) ctx.stderr(note);
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
