// Install the dependencies when node_modules is missing or older than package-lock.json, so that
// `npm start` and `npm test` work alone on a fresh clone. Plain JavaScript: it runs before any
// dependency (tsx included) is there.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** Why node_modules must be (re)installed, or undefined when it is current. */
export function staleReason(root, { needDev }) {
  const lockFile = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules is missing';
  if (statSync(installed).mtimeMs >= statSync(lockFile).mtimeMs) {
    return needDev && !existsSync(join(root, 'node_modules', 'vitest'))
      ? 'the development dependencies are not installed'
      : undefined;
  }
  // Older by date only (a checkout, a copy) is fine when every locked package is installed at its
  // locked version; the date is then brought forward so the next start checks nothing.
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
  const have = JSON.parse(readFileSync(installed, 'utf8')).packages ?? {};
  for (const [path, entry] of Object.entries(lock)) {
    if (path === '' || entry.optional || entry.link) continue;
    if (entry.dev && !needDev && !have[path]) continue;
    if (have[path]?.version !== entry.version)
      return 'node_modules is older than package-lock.json';
  }
  const now = new Date();
  utimesSync(installed, now, now);
  return undefined;
}

/**
 * Run `npm ci` when node_modules is not current. `needDev` (the tests) also requires the
 * development dependencies; without it (start), a runtime installed with `--omit=dev` stays so.
 */
export function ensureDependencies(root, { needDev = false } = {}) {
  const reason = staleReason(root, { needDev });
  if (reason === undefined) return;
  const installed = join(root, 'node_modules', '.package-lock.json');
  const omitDev =
    !needDev && existsSync(installed) && !existsSync(join(root, 'node_modules', 'vitest'));
  const args = ['ci', '--no-audit', '--no-fund', ...(omitDev ? ['--omit=dev'] : [])];
  console.log(`motcua: ${reason}: npm ${args.join(' ')} (better-sqlite3 compiles, ~2 minutes)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`motcua: npm ${args.join(' ')} failed; see README.md, "Requirements"`);
    process.exit(r.status ?? 1);
  }
  const now = new Date();
  if (existsSync(installed)) utimesSync(installed, now, now);
}
