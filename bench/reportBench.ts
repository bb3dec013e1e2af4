import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../server/db/dialect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Database } from '../server/db/schema.ts';
import { extendReportRollup } from '../server/reports/extendReportRollup.ts';
import { scanReport, summaryReport } from '../server/reports/summaryReport.ts';
import { createPostgresDatabase, postgresAvailable } from '../test/support/databases.ts';
import { printTable, type BenchResult } from './benchResult.ts';

const DOSSIERS = 1_000_000;
const YEAR_START = Date.parse('2026-01-01T00:00:00+07:00');
const DAY = 86_400_000;

/**
 * Fill `dossiers` with generated rows spread over 2025–2026 across 40 units, 30 procedures,
 * 3 levels and 3 channels, with realistic shares of outcomes and timeliness. The columns the
 * report reads are real; the JSON columns hold a placeholder.
 */
async function generate(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const n = dialect === 'postgres' ? sql`g::bigint` : sql`g`;
  const series =
    dialect === 'postgres'
      ? sql`generate_series(1, ${sql.lit(DOSSIERS)}) as s(g)`
      : sql`(with recursive s(g) as (select 1 union all select g + 1 from s where g < ${sql.lit(DOSSIERS)}) select g from s) as s`;
  const received = sql`(${sql.lit(YEAR_START - 365 * DAY)} + ((${n} * 7919) % (730 * 86400)) * 1000)`;
  const mod = (k: number) => sql`((${n} * 2654435761) % ${sql.lit(k)})`;
  await sql`
    insert into dossiers (id, code, secret_hash, procedure_id, procedure_version, unit_id, level, channel, applicant_name,
      applicant_id_number, status, state, snapshot, version, received_at, accepted_at, due_at, original_due_at, completed_at,
      outcome, timeliness, awaiting_supplement, created_by, updated_at)
    select 'd' || ${n}, 'C' || ${n}, 'x', 'p' || ${mod(30)}, 'v1', 'u' || ${mod(40)},
      case ${mod(3)} when 0 then 'province' when 1 then 'commune' else 'district' end,
      case ${mod(5)} when 0 then 'desk' when 1 then 'desk' when 2 then 'online' when 3 then 'online' else 'post' end,
      'Nguyễn Văn ' || ${n}, null,
      case when ${mod(50)} = 0 then 'active' else 'done' end, '"x"', '{}', 3,
      ${received}, ${received}, ${received} + 5 * 86400000, ${received} + 5 * 86400000,
      case when ${mod(50)} = 0 then null else ${received} + (${mod(9)}) * 86400000 end,
      case when ${mod(50)} = 0 then null when ${mod(20)} = 1 then 'refused' when ${mod(40)} = 2 then 'withdrawn' else 'approved' end,
      case when ${mod(50)} = 0 then null when ${mod(9)} < 4 then 'early' when ${mod(9)} < 7 then 'on-time' else 'late' end,
      case when ${mod(200)} = 0 then 1 else 0 end, 'bench', ${received}
    from ${series}`.execute(db);
  // VACUUM as autovacuum would: index-only scans need the visibility map.
  if (dialect === 'postgres') await sql`vacuum analyze dossiers`.execute(db);
  else await sql`analyze`.execute(db);
}

/** The morning the one-year report is wanted: the last day of 2026, live until midnight. */
const NOW = Date.parse('2026-12-31T15:00:00+07:00');

type Report = (from: number, to: number, groupBy: 'unit' | 'procedure') => Promise<unknown>;

/** Median of 7 runs of a report for [from, to), alternating the grouping, after one warm-up. */
async function median(report: Report, from: number, to: number): Promise<number> {
  await report(from, to, 'unit');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await report(from, to, i % 2 === 0 ? 'unit' : 'procedure');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[3]!;
}

/**
 * Build the rollup over the generated dossiers, then time the 2026 report (rollup + live tail),
 * the 2025 report (all rolled up) and the old full scan of 2026, checking they agree.
 */
async function timeReports(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', genS: number) {
  const t0 = performance.now();
  await extendReportRollup(db, NOW);
  const buildS = (performance.now() - t0) / 1000;
  // The steady state after a bulk write, as the server's upkeep leaves it: PostgreSQL's autovacuum
  // clears the upserts' old row versions; SQLite's checkpoint empties the write-ahead log.
  if (dialect === 'postgres') await sql`vacuum analyze report_rollup`.execute(db);
  else await sql`pragma wal_checkpoint(truncate)`.execute(db);
  const year = [YEAR_START, YEAR_START + 365 * DAY] as const;
  const past = [YEAR_START - 365 * DAY, YEAR_START] as const;
  for (const [from, to] of [year, past])
    for (const groupBy of ['unit', 'procedure', 'level', 'channel'] as const)
      assert.deepStrictEqual(
        await summaryReport(db, from, to, groupBy, NOW),
        await scanReport(db, from, to, groupBy, NOW),
        `rollup and full scan differ for ${groupBy} from ${new Date(from).toISOString()}`,
      );
  const rollup: Report = (from, to, groupBy) => summaryReport(db, from, to, groupBy, NOW);
  const scan: Report = (from, to, groupBy) => scanReport(db, from, to, groupBy, NOW);
  const yearMs = await median(rollup, ...year);
  const pastMs = await median(rollup, ...past);
  const scanMs = await median(scan, ...year);
  const n = DOSSIERS.toLocaleString('en-US');
  const name = `report.${dialect}`;
  return [
    {
      name: `${name}.rollupBuild`,
      value: buildS,
      unit: 's',
      note: `one-time daily rollup over ${n} dossiers (2 years; generated in ${genS.toFixed(0)} s)`,
    },
    {
      name: `${name}.year`,
      value: yearMs,
      unit: 'ms',
      note: `summary for 2026 by unit/procedure on its last day (rollup + live day and open dossiers), median of 7 (goal ≤ 50 ms)`,
    },
    {
      name: `${name}.pastYear`,
      value: pastMs,
      unit: 'ms',
      note: 'summary for 2025 (all rolled up), median of 7',
    },
    {
      name: `${name}.fullScan`,
      value: scanMs,
      unit: 'ms',
      note: `the 2026 summary by the old single scan (covering index), median of 7: ${(scanMs / yearMs).toFixed(0)}× the rollup`,
    },
  ] satisfies BenchResult[];
}

/** The one-year one-stop report at a million dossiers, on SQLite and PostgreSQL. */
export async function runReportBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'motcua-report-'));
  try {
    const handle = await openDatabase({ url: `sqlite:${join(dir, 'report.db')}` });
    await migrateToLatest(handle.db);
    const t0 = performance.now();
    await generate(handle.db, 'sqlite');
    results.push(...(await timeReports(handle.db, 'sqlite', (performance.now() - t0) / 1000)));
    await handle.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresAvailable().catch(() => false)) {
    const pg = await createPostgresDatabase();
    const handle = await openDatabase({ url: pg.url });
    try {
      await migrateToLatest(handle.db);
      const t0 = performance.now();
      await generate(handle.db, 'postgres');
      results.push(...(await timeReports(handle.db, 'postgres', (performance.now() - t0) / 1000)));
    } finally {
      await handle.close();
      await pg.drop();
    }
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await runReportBench());
}
