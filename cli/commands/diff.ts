import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  diffProcedures,
  formatNumber,
  type Change,
  type ProcedureDiff,
} from '../../engine/index.ts';
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

/** What the fields of steps, transitions, documents, fees and forms are called. */
const FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  name: { vi: 'tên', en: 'name' },
  kind: { vi: 'loại', en: 'kind' },
  unit: { vi: 'đơn vị', en: 'unit' },
  role: { vi: 'vai trò', en: 'role' },
  duration: { vi: 'thời hạn', en: 'duration' },
  clock: { vi: 'tính thời hạn', en: 'clock' },
  form: { vi: 'biểu mẫu', en: 'form' },
  documents: { vi: 'giấy tờ', en: 'documents' },
  outcome: { vi: 'kết quả', en: 'outcome' },
  targets: { vi: 'chuyển đến', en: 'to' },
  guard: { vi: 'điều kiện', en: 'guard' },
  actions: { vi: 'hành động', en: 'actions' },
  copies: { vi: 'số bản', en: 'copies' },
  required: { vi: 'bắt buộc', en: 'required' },
  note: { vi: 'ghi chú', en: 'note' },
  amountVnd: { vi: 'số tiền (đồng)', en: 'amount (VND)' },
  title: { vi: 'tiêu đề', en: 'title' },
  schema: { vi: 'lược đồ', en: 'schema' },
  code: { vi: 'mã thủ tục', en: 'code' },
  field: { vi: 'lĩnh vực', en: 'field' },
  level: { vi: 'cấp', en: 'level' },
  agency: { vi: 'cơ quan', en: 'agency' },
  legalBasis: { vi: 'căn cứ pháp lý', en: 'legal basis' },
  onlineService: { vi: 'dịch vụ công trực tuyến', en: 'online service' },
  supplementPolicy: { vi: 'sau bổ sung', en: 'after a supplement' },
  result: { vi: 'kết quả', en: 'result' },
  id: { vi: 'mã', en: 'id' },
};

/** The metrics compared, by name. */
const METRIC_LABELS: Record<string, { vi: string; en: string }> = {
  steps: { vi: 'Số bước xử lý', en: 'Steps' },
  units: { vi: 'Số đơn vị tham gia', en: 'Units involved' },
  handOffs: { vi: 'Số lần chuyển giao', en: 'Hand-offs' },
  legalHours: { vi: 'Thời hạn pháp định (giờ)', en: 'Legal time (hours)' },
  criticalPathHours: { vi: 'Đường xử lý chính (giờ)', en: 'Main path (hours)' },
  citizenVisits: { vi: 'Số lần công dân đến', en: 'Citizen visits' },
  documents: { vi: 'Số giấy tờ phải nộp', en: 'Documents required' },
  feesVnd: { vi: 'Phí, lệ phí (đồng)', en: 'Fees (VND)' },
  costPerDossierVnd: { vi: 'Chi phí mỗi hồ sơ (đồng)', en: 'Cost per dossier (VND)' },
  costPerYearVnd: { vi: 'Chi phí mỗi năm (đồng)', en: 'Cost per year (VND)' },
};

/** A value as a reviewer reads it: a working time in words, lists joined, nothing as "—". */
export function showValue(value: unknown, lang: Lang): string {
  const vi = lang === 'vi';
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'boolean') return vi ? (value ? 'có' : 'không') : String(value);
  if (Array.isArray(value)) return value.map((v) => showValue(v, lang)).join(', ') || '—';
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === 'workingDays')
    return `${String(o.workingDays)} ${vi ? 'ngày làm việc' : 'working days'}`;
  if (keys.length === 1 && keys[0] === 'workingHours')
    return `${String(o.workingHours)} ${vi ? 'giờ làm việc' : 'working hours'}`;
  if (typeof o.vi === 'string' && keys.every((k) => k === 'vi' || k === 'en'))
    return String(vi ? o.vi : (o.en ?? o.vi));
  return JSON.stringify(value);
}

const label = (field: string, lang: Lang) => FIELD_LABELS[field]?.[lang] ?? field;

/** The diff as text for a reviewer: every change with its old and new value. */
export function renderDiff(d: ProcedureDiff, lang: Lang): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  const mark = { added: '+', removed: '-', changed: '~' } as const;
  const section = (title: string, changes: readonly Change[], whole = false) => {
    if (changes.length === 0) return;
    out.push(title);
    for (const c of changes) {
      if (c.kind !== 'changed') {
        out.push(`  ${mark[c.kind]} ${c.key}`);
        continue;
      }
      const objects =
        !whole &&
        typeof c.before === 'object' &&
        c.before !== null &&
        !Array.isArray(c.before) &&
        typeof c.after === 'object' &&
        c.after !== null &&
        !Array.isArray(c.after);
      if (!objects) {
        out.push(
          `  ~ ${label(c.key, lang)}: ${showValue(c.before, lang)} → ${showValue(c.after, lang)}`,
        );
        continue;
      }
      const b = c.before as Record<string, unknown>;
      const a = c.after as Record<string, unknown>;
      for (const f of c.fields)
        out.push(
          `  ~ ${c.key}: ${label(f, lang)} ${showValue(b[f], lang)} → ${showValue(a[f], lang)}`,
        );
    }
  };
  section(vi ? 'Thông tin chung' : 'Identity', d.identity, true);
  if (d.deadline && d.deadline.kind === 'changed')
    out.push(
      `${vi ? 'Thời hạn' : 'Deadline'}: ${showValue(d.deadline.before, lang)} → ${showValue(d.deadline.after, lang)}`,
    );
  section(vi ? 'Bước' : 'Steps', d.steps);
  section(vi ? 'Chuyển bước' : 'Transitions', d.transitions);
  if (d.units.added.length + d.units.removed.length > 0) {
    out.push(vi ? 'Đơn vị' : 'Units');
    for (const u of d.units.added) out.push(`  + ${u}`);
    for (const u of d.units.removed) out.push(`  - ${u}`);
  }
  section(vi ? 'Giấy tờ' : 'Documents', d.documents);
  section(vi ? 'Phí, lệ phí' : 'Fees', d.fees);
  section(vi ? 'Biểu mẫu' : 'Forms', d.forms);
  out.push(vi ? 'Chỉ số (trước → sau, thay đổi)' : 'Metrics (before → after, change)');
  for (const [name, m] of Object.entries(d.metrics)) {
    if (m.before !== m.after)
      out.push(
        `  ${METRIC_LABELS[name]?.[lang] ?? name}: ${formatNumber(m.before, lang)} → ${formatNumber(m.after, lang)} (${sign(m.deltaPercent, lang)})`,
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
