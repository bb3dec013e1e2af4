/**
 * A province-sized procedure library: 2,040 procedure files (the bundled ones copied under new
 * ids, with their units.json and calendars) in a temporary folder. Measures how long a server
 * process takes to answer /readyz on it (a first start on an empty database and cache, then a
 * restart), `motcua validate` of the whole folder (first run, then again), the first request for
 * one procedure, the library list (whole, and one searched page) and, when the designer is built
 * and Chromium is installed, the library page. CPU seconds and the load average are printed with
 * the wall times: on a shared machine the wall times mostly measure the neighbours. Run with
 * `npm run bench -- library`.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProcedure, type Procedure } from '../engine/index.ts';
import { DEMO_PASSWORD } from '../server/seed.ts';
import { launchChromium } from '../test/e2e/designerServer.ts';
import { freePort } from '../test/reliability/serverProcess.ts';
import { chromiumAvailable } from '../test/support/chromium.ts';
import { type BenchResult } from './benchResult.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLED = join(ROOT, 'procedures');
/** The size of the library: the 12 bundled procedures and 169 copies of each. */
export const LIBRARY_SIZE = 2040;

/** The bundled procedure files (not scenarios, layouts, units or the schema). */
function bundledProcedures(): Procedure[] {
  return readdirSync(BUNDLED)
    .filter((f) => f.endsWith('.json') && f !== 'units.json')
    .filter((f) => !/\.(scenarios|layout|schema)\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(BUNDLED, f), 'utf8')) as Procedure);
}

/**
 * Write a library of `size` procedures into `dir`: the bundled units.json, calendars and schema,
 * the bundled procedures, then copies of them under ids `<id>-b<n>` (names numbered, so a search
 * finds one copy), in canonical form so that they validate as the originals do.
 */
export function generateLibrary(dir: string, size = LIBRARY_SIZE): string[] {
  mkdirSync(dir, { recursive: true });
  cpSync(join(BUNDLED, 'units.json'), join(dir, 'units.json'));
  cpSync(join(BUNDLED, 'procedure.schema.json'), join(dir, 'procedure.schema.json'));
  cpSync(join(BUNDLED, 'calendars'), join(dir, 'calendars'), { recursive: true });
  const originals = bundledProcedures();
  const ids: string[] = [];
  for (let n = 0; ids.length < size; n++) {
    for (const original of originals) {
      if (ids.length >= size) break;
      const id = n === 0 ? original.id : `${original.id}-b${n}`;
      // Targets name steps by the machine id (`#<id>.step`): renamed with it.
      const renamed =
        n === 0
          ? original
          : (JSON.parse(
              JSON.stringify(original).replaceAll(`"#${original.id}.`, `"#${id}.`),
            ) as Procedure);
      const copy: Procedure =
        n === 0
          ? original
          : {
              ...renamed,
              id,
              name: { vi: `${original.name.vi} (bản ${n})`, en: `${original.name.en} (copy ${n})` },
              machine: { ...renamed.machine, id },
            };
      writeFileSync(join(dir, `${id}.json`), formatProcedure(copy));
      ids.push(id);
    }
  }
  return ids;
}

/** A server process on a library and a SQLite file; resolves with the ms until /readyz said 200. */
async function startServer(
  dir: string,
  dbFile: string,
): Promise<{ ms: number; cpu: number; url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbFile}`,
      PROCEDURES_DIR: dir,
      SEED_DEMO_USERS: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 300_000) {
      await stop();
      throw new Error(`server did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { ms: performance.now() - t0, cpu: cpuSeconds(child.pid!), url, stop };
}

const TICKS_PER_S = 100; // USER_HZ on Linux

/** CPU seconds (user + system, all threads) a live process has used, from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return NaN;
  }
}

/** Milliseconds of one GET (body read), and the parsed body. */
async function timedGet(url: string): Promise<{ ms: number; body: any }> {
  const t0 = performance.now();
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(`GET ${url}: ${r.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - t0, body };
}

/** The median ms of `n` GETs. */
async function medianGet(url: string, n = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timedGet(url)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

/** `motcua validate <dir>` as a process: wall ms, CPU seconds (GNU time) and exit code. */
function validateRun(dir: string): {
  ms: number;
  cpu: number;
  status: number | null;
  summary: string;
} {
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'cpu %U %S', process.execPath, join(ROOT, 'bin', 'motcua.js'), 'validate', dir],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MOTCUA_LANG: 'en' } },
  );
  const ms = performance.now() - t0;
  const lines = r.stdout.trim().split('\n');
  const time = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return {
    ms,
    cpu: time ? Number(time[1]) + Number(time[2]) : NaN,
    status: r.status,
    summary: lines[lines.length - 1] ?? '',
  };
}

const SEARCH = 'khai sinh bản 17';

/** The library page in Chromium: sign in, wait for the rows, then search. */
async function libraryPage(
  url: string,
): Promise<{ open: number; rows: number; total: string; search: number; found: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    const rows = page.locator('.library-table tbody tr');
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.library-table tbody tr .proc-link').first().waitFor();
    const open = performance.now() - t0;
    const count = await rows.count();
    const total = await page.locator('.library p.muted.small').first().innerText();
    const t1 = performance.now();
    await page.getByLabel('Tìm kiếm').fill(SEARCH);
    await page.waitForFunction(
      () => document.querySelectorAll('.library-table tbody tr').length < 20,
    );
    const search = performance.now() - t1;
    const found = await rows.count();
    return { open, rows: count, total, search, found };
  } finally {
    await browser.close();
  }
}

/** Every figure of the library bench. */
export async function runLibraryBench(): Promise<BenchResult[]> {
  const base = mkdtempSync(join(tmpdir(), 'motcua-library-'));
  const results: BenchResult[] = [];
  const add = (name: string, value: number, unit: string, note: string) => {
    results.push({ name, value, unit, note });
    console.error(`  ${name}: ${value.toFixed(1)} ${unit} (${note})`);
  };
  try {
    // The bundled library, for scale: what a start costs besides the procedures.
    const small = join(base, 'small');
    generateLibrary(small, 12);
    {
      const s = await startServer(small, join(base, 'small.db'));
      add(
        'library start, 12 procedures',
        s.ms,
        'ms',
        `spawn to /readyz 200, empty database; ${s.cpu.toFixed(1)} s CPU`,
      );
      await s.stop();
      const r = await startServer(small, join(base, 'small.db'));
      add(
        'library restart, 12 procedures',
        r.ms,
        'ms',
        `spawn to /readyz 200, same database; ${r.cpu.toFixed(1)} s CPU; load average ${loadavg()[0]!.toFixed(1)}`,
      );
      await r.stop();
    }
    const dir = join(base, 'procedures');
    const ids = generateLibrary(dir);
    const dbFile = join(base, 'motcua.db');
    const first = await startServer(dir, dbFile);
    add(
      `library start, ${ids.length} procedures`,
      first.ms,
      'ms',
      `spawn to /readyz 200, empty database and no cache; ${first.cpu.toFixed(1)} s CPU`,
    );
    await first.stop();
    const again = await startServer(dir, dbFile);
    add(
      `library restart, ${ids.length} procedures`,
      again.ms,
      'ms',
      `spawn to /readyz 200, same library and database (goal ≤ 5 s); ${again.cpu.toFixed(1)} s CPU; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    const id = ids[ids.length - 1]!;
    const one = await timedGet(`${again.url}/api/procedures/${id}`);
    add('library first GET of a procedure', one.ms, 'ms', `GET /api/procedures/${id}`);
    add(
      'library GET of a procedure, again',
      await medianGet(`${again.url}/api/procedures/${id}`),
      'ms',
      'median of 15',
    );
    const whole = await timedGet(`${again.url}/api/procedures`);
    add(
      'library list, whole',
      await medianGet(`${again.url}/api/procedures`, 7),
      'ms',
      `GET /api/procedures, ${whole.body.items.length} items, ${Math.round(JSON.stringify(whole.body).length / 1024)} KiB, median of 7`,
    );
    const paged = `${again.url}/api/procedures?q=${encodeURIComponent('dang ky khai sinh')}&limit=50`;
    const page = await timedGet(paged);
    add(
      'library list, searched page',
      await medianGet(paged),
      'ms',
      `GET /api/procedures?q=dang ky khai sinh&limit=50 (${page.body.items.length} items of ${page.body.total ?? page.body.items.length}), median of 15`,
    );
    if (existsSync(join(ROOT, 'designer', 'dist', 'index.html')) && chromiumAvailable()) {
      const shown = await libraryPage(again.url);
      add(
        'library page, 2,040 procedures',
        shown.open,
        'ms',
        `sign-in click to the first ${shown.rows} rows shown (of ${shown.total}), headless Chromium`,
      );
      add(
        'library page, a search',
        shown.search,
        'ms',
        `typing "${SEARCH}" to its ${shown.found} rows shown (incl. a 250 ms typing pause)`,
      );
    } else console.error('  library page: skipped (build the designer and install Chromium)');
    await again.stop();
    rmSync(join(dir, '.motcua-cache'), { recursive: true, force: true });
    const v1 = validateRun(dir);
    add(
      `motcua validate, ${ids.length} procedures`,
      v1.ms,
      'ms',
      `no cache, exit ${v1.status}, "${v1.summary}"; ${v1.cpu.toFixed(1)} s CPU`,
    );
    const v2 = validateRun(dir);
    add(
      `motcua validate, ${ids.length} procedures, again`,
      v2.ms,
      'ms',
      `unchanged files (goal ≤ 5 s), exit ${v2.status}, "${v2.summary}"; ${v2.cpu.toFixed(1)} s CPU; load average ${loadavg()[0]!.toFixed(1)}`,
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return results;
}
