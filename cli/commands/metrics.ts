import { parseArgs } from 'node:util';
import { formatNumber, procedureMetrics, type ProcedureMetrics } from '../../engine/index.ts';
import { EXIT, UsageError, type CliContext, type Lang } from '../cliError.ts';
import { loadProcedureFile } from './loadProcedureFile.ts';

export const metricsHelp = `Usage: motcua metrics <file> [--json] [--hourly-income VND] [--per-capita-income VND] [--applicants N]

Chỉ số đơn giản hóa và chi phí tuân thủ — simplification metrics and compliance cost (Standard
Cost Model: hours × hourly income + fees + other costs, per dossier and per year). Path figures
(hand-offs, time, visits, citizen hours) follow the main path: the normal flow to an approved
result, with no supplement round, refusal, send-back, timer or failed inspection, taking the
default of guarded alternatives; a parallel step visits every branch (docs/DECISIONS.md).

  --hourly-income      average hourly income in VND (default: per-capita income ÷ 12 ÷ 22 ÷ 8)
  --per-capita-income  yearly per-capita income in VND (default 114,000,000)
  --applicants         applicants per year (default: the procedure's cost.applicantsPerYear)
  --json               print the metrics as JSON

Exit: 0 done, 1 the file is missing or invalid, 2 wrong usage.`;

const vnd = (n: number) => `${formatNumber(Math.round(n), 'vi', 0)} đ`;

/** The visits on the main path, named; for a fully online procedure, its one contact. */
function visitText(m: ProcedureMetrics, lang: Lang): string {
  const vi = lang === 'vi';
  if (m.onlineVisit)
    return `${formatNumber(0, lang)} (${vi ? m.onlineVisit.vi : (m.onlineVisit.en ?? m.onlineVisit.vi)})`;
  if (m.visits.length === 0) return '0';
  const names = m.visits.map((v) =>
    v.name ? (vi ? v.name.vi : (v.name.en ?? v.name.vi)) : v.step,
  );
  return `${formatNumber(m.citizenVisits, lang)} (${names.join('; ')})`;
}

/** The metrics as rows of a two-column table. */
export function metricRows(m: ProcedureMetrics, lang: Lang): [string, string][] {
  const vi = lang === 'vi';
  const num = (n: number) => formatNumber(n, lang);
  return [
    [vi ? 'Số bước xử lý' : 'Steps', num(m.steps)],
    [vi ? 'Số đơn vị tham gia' : 'Units involved', `${num(m.units)} (${m.unitIds.join(', ')})`],
    [vi ? 'Số lần chuyển giao giữa đơn vị' : 'Hand-offs between units', num(m.handOffs)],
    [vi ? 'Thời hạn pháp định (giờ làm việc)' : 'Legal time (working hours)', num(m.legalHours)],
    [
      vi ? 'Đường xử lý chính (giờ làm việc)' : 'Main path (working hours)',
      num(m.criticalPathHours),
    ],
    [
      vi ? 'Đường dài nhất, kể cả ngoại lệ (giờ)' : 'Longest path, exceptions included (hours)',
      num(m.longestPathHours),
    ],
    [vi ? 'Số lần công dân đến cơ quan' : 'Citizen visits', visitText(m, lang)],
    [
      vi ? 'Số giấy tờ phải nộp' : 'Documents required',
      `${num(m.documents)} (${num(m.documentCopies)} ${vi ? 'bản' : 'copies'})`,
    ],
    [vi ? 'Phí, lệ phí' : 'Fees', vnd(m.feesVnd)],
    [vi ? 'Thời gian của công dân (giờ)' : 'Citizen time (hours)', num(m.citizenHours)],
    [vi ? 'Thu nhập bình quân mỗi giờ' : 'Hourly income', vnd(m.hourlyIncomeVnd)],
    [vi ? 'Chi phí tuân thủ mỗi hồ sơ' : 'Compliance cost per dossier', vnd(m.costPerDossierVnd)],
    [vi ? 'Số hồ sơ mỗi năm' : 'Applicants per year', num(m.applicantsPerYear)],
    [vi ? 'Chi phí tuân thủ mỗi năm' : 'Compliance cost per year', vnd(m.costPerYearVnd)],
  ];
}

/** Print rows as an aligned table. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length)))
        .join('  '),
    )
    .join('\n');
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`--${name} must be a non-negative number, got "${value}"`);
  return n;
}

/** `motcua metrics`. */
export function metricsCommand(args: readonly string[], ctx: CliContext, lang: Lang): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      'hourly-income': { type: 'string' },
      'per-capita-income': { type: 'string' },
      applicants: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('metrics takes exactly one procedure file');
  const procedure = loadProcedureFile(positionals[0]!);
  const hourly = numberOption(values['hourly-income'], 'hourly-income');
  const perCapita = numberOption(values['per-capita-income'], 'per-capita-income');
  const applicants = numberOption(values.applicants, 'applicants');
  const m = procedureMetrics(procedure, {
    ...(hourly !== undefined ? { hourlyIncomeVnd: hourly } : {}),
    ...(perCapita !== undefined ? { perCapitaIncomeVnd: perCapita } : {}),
    ...(applicants !== undefined ? { applicantsPerYear: applicants } : {}),
  });
  if (values.json) ctx.stdout(JSON.stringify(m, null, 2));
  else {
    ctx.stdout(`${procedure.name[lang === 'vi' ? 'vi' : 'en']} (${procedure.id})`);
    ctx.stdout(table(metricRows(m, lang)));
  }
  return EXIT.ok;
}
