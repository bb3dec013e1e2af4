import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diffProcedures, formatNumber, type ProcedureDiff } from '../../engine/index.ts';
import { EXIT, UsageError, type CliContext, type Lang } from '../cliError.ts';
import { loadProcedureFile, loadProcedureText, ProcedureFileError } from './loadProcedureFile.ts';

export const diffHelp = `Usage: motcua diff <a.json> <b.json> [--json]
       motcua diff <file.json> --rev <git-rev> [--json]

So sánh ngữ nghĩa hai phiên bản — the semantic diff of two versions for code review: identity,
deadline, steps, transitions, units, documents, fees and forms added / removed / changed, with
the simplification metrics before and after and the change in percent.
With --rev, compares the file as it was at that git revision (before) with the working copy (after).

Exit: 0 no semantic change, 1 the versions differ (or a file is missing/invalid), 2 wrong usage.`;

function gitShow(file: string, rev: string): string {
  const abs = resolve(file);
  const cwd = dirname(abs);
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' }).trim();
  } catch {
    throw new ProcedureFileError(`${file}: not inside a git repository`);
  }
  try {
    return execFileSync('git', ['show', `${rev}:${relative(top, abs).split('\\').join('/')}`], {
      cwd: top,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    throw new ProcedureFileError(`${file}: not found at revision ${rev}`);
  }
}

const sign = (n: number | null, lang: Lang) =>
  n === null ? 'n/a' : `${n > 0 ? '+' : ''}${formatNumber(n, lang)} %`;

/** The diff as text for a reviewer. */
export function renderDiff(d: ProcedureDiff, lang: Lang): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  const mark = { added: '+', removed: '-', changed: '~' } as const;
  const section = (
    title: string,
    changes: readonly {
      kind: 'added' | 'removed' | 'changed';
      key: string;
      fields?: readonly string[];
    }[],
  ) => {
    if (changes.length === 0) return;
    out.push(title);
    for (const c of changes)
      out.push(
        `  ${mark[c.kind]} ${c.key}${c.kind === 'changed' && c.fields ? ` (${c.fields.join(', ')})` : ''}`,
      );
  };
  section(vi ? 'Thông tin chung' : 'Identity', d.identity as never);
  if (d.deadline && d.deadline.kind === 'changed')
    out.push(
      `${vi ? 'Thời hạn' : 'Deadline'}: ${JSON.stringify(d.deadline.before)} → ${JSON.stringify(d.deadline.after)}`,
    );
  section(vi ? 'Bước' : 'Steps', d.steps as never);
  section(vi ? 'Chuyển bước' : 'Transitions', d.transitions as never);
  if (d.units.added.length + d.units.removed.length > 0) {
    out.push(vi ? 'Đơn vị' : 'Units');
    for (const u of d.units.added) out.push(`  + ${u}`);
    for (const u of d.units.removed) out.push(`  - ${u}`);
  }
  section(vi ? 'Giấy tờ' : 'Documents', d.documents as never);
  section(vi ? 'Phí, lệ phí' : 'Fees', d.fees as never);
  section(vi ? 'Biểu mẫu' : 'Forms', d.forms as never);
  out.push(vi ? 'Chỉ số (trước → sau, thay đổi)' : 'Metrics (before → after, change)');
  for (const [name, m] of Object.entries(d.metrics)) {
    if (m.before !== m.after)
      out.push(
        `  ${name}: ${formatNumber(m.before, lang)} → ${formatNumber(m.after, lang)} (${sign(m.deltaPercent, lang)})`,
      );
  }
  if (!d.changed) out.push(vi ? 'Không có thay đổi ngữ nghĩa' : 'No semantic change');
  return out.join('\n');
}

/** `motcua diff`. */
export function diffCommand(args: readonly string[], ctx: CliContext, lang: Lang): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, rev: { type: 'string' }, lang: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  let diff: ProcedureDiff;
  if (values.rev !== undefined) {
    if (positionals.length !== 1) throw new UsageError('diff --rev takes exactly one file');
    const file = positionals[0]!;
    if (!existsSync(file)) throw new ProcedureFileError(`${file}: no such file`);
    const before = loadProcedureText(gitShow(file, values.rev), `${values.rev}:${file}`, file);
    diff = diffProcedures(before, loadProcedureFile(file));
  } else {
    if (positionals.length !== 2)
      throw new UsageError('diff takes two files, or one file and --rev');
    diff = diffProcedures(loadProcedureFile(positionals[0]!), loadProcedureFile(positionals[1]!));
  }
  ctx.stdout(values.json ? JSON.stringify(diff, null, 2) : renderDiff(diff, lang));
  return diff.changed ? EXIT.problems : EXIT.ok;
}
