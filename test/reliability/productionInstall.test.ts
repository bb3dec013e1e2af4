import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './serverProcess.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADDON = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

/** The environment of a fresh shell: no npm or vitest variables from the test run. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|NODE_OPTIONS$|TEST$|CI$)/i.test(k)),
  );
  return { ...env, ...extra };
}

/**
 * An office server installed without the development tools: the project's files (what git
 * would clone) copied to a temporary folder, `npm ci --omit=dev`, then `npm start` — it builds
 * the web app, serves it and the API, answers /readyz, and stops cleanly on SIGTERM. The
 * command line runs from another folder. Install scripts are skipped and better-sqlite3's
 * compiled addon is copied from this checkout (same Node, same locked version): compiling it
 * again takes minutes on a shared machine and proves nothing about the dependency lists.
 */
describe('production install', () => {
  it('npm ci --omit=dev, then npm start serves the app and the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-prod-'));
    const files = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .split('\0')
      .filter((f) => f && existsSync(join(ROOT, f)));
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(dir, f));
    }
    const npm = spawnSync(
      'npm',
      ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
      { cwd: dir, env: cleanEnv(), encoding: 'utf8' },
    );
    expect(npm.status, npm.stderr).toBe(0);
    for (const dev of ['vitest', 'typescript', 'prettier', 'playwright-core', 'eslint'])
      expect(existsSync(join(dir, 'node_modules', dev)), `${dev} installed`).toBe(false);
    mkdirSync(dirname(join(dir, ADDON)), { recursive: true });
    copyFileSync(join(ROOT, ADDON), join(dir, ADDON));

    const port = await freePort();
    const child = spawn('npm', ['start'], {
      cwd: dir,
      env: cleanEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, 'data', 'office.db')}`,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    // 'close': every process holding the output pipes (npm, start.mjs, the server) has ended.
    const exited = new Promise<void>((r) => child.once('close', () => r()));
    try {
      const url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 300_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
        const ready = await fetch(`${url}/readyz`).catch(() => undefined);
        if (ready?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`not ready in time: ${output}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script[^>]+src="\/assets\//);
      const procedures = await fetch(`${url}/api/procedures`);
      expect(procedures.status).toBe(200);
      expect(((await procedures.json()) as { items: unknown[] }).items.length).toBeGreaterThan(5);
      // The log is JSON lines.
      const line = output.split('\n').find((l) => l.includes('motcua: http://'));
      expect(JSON.parse(line ?? 'null')).toMatchObject({ level: 30, port });

      const cli = spawnSync(
        process.execPath,
        [
          join(dir, 'bin', 'motcua.js'),
          'validate',
          join(dir, 'procedures', 'dang-ky-khai-sinh.json'),
        ],
        { cwd: tmpdir(), env: cleanEnv(), encoding: 'utf8' },
      );
      expect(cli.status, cli.stdout + cli.stderr).toBe(0);

      // As a service manager stops it: SIGTERM to every process of the group (npm exits by
      // the signal; the server, which got it twice, shuts down cleanly and exits 0).
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      const last = output
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .at(-1);
      expect(JSON.parse(last ?? 'null')).toMatchObject({ level: 30, msg: 'shut down' });
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 600_000);
});
