import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../server/db/dialect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Database } from '../server/db/schema.ts';
import { summaryReport } from '../server/reports/summaryReport.ts';
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
  if (dialect === 'postgres') await sql`analyze dossiers`.execute(db);
  else await sql`analyze`.execute(db);
}

async function timeReport(db: Kysely<Database>): Promise<number> {
  const from = YEAR_START;
  const to = YEAR_START + 365 * DAY;
  await summaryReport(db, from, to, 'unit');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await summaryReport(db, from, to, i % 2 === 0 ? 'unit' : 'procedure');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[3]!;
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
    const genS = (performance.now() - t0) / 1000;
    const ms = await timeReport(handle.db);
    results.push({
      name: 'report.sqlite.year',
      value: ms,
      unit: 'ms',
      note: `summary for 2026 grouped by unit/procedure over ${DOSSIERS.toLocaleString('en-US')} dossiers (2 years), covering index, median of 7 (goal ≤ 50 ms); generated in ${genS.toFixed(0)} s`,
    });
    await handle.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresAvailable().catch(() => false)) {
    const pg = await createPostgresDatabase();
    const handle = await openDatabase({ url: pg.url });
    try {
      await migrateToLatest(handle.db);
      await generate(handle.db, 'postgres');
      const ms = await timeReport(handle.db);
      results.push({
        name: 'report.postgres.year',
        value: ms,
        unit: 'ms',
        note: `the same report on PostgreSQL 15, ${DOSSIERS.toLocaleString('en-US')} dossiers, median of 7`,
      });
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
