#!/usr/bin/env node
// `npm start`: install the dependencies when node_modules is missing or older than the lock file,
// build the designer when its sources are newer than the last build, then run the server (API +
// designer) on the embedded SQLite database. Arguments pass to the server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './dependencies.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
ensureDependencies(root);

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const designer = join(root, 'designer');
const built = join(designer, 'dist', 'index.html');
if (existsSync(join(designer, 'index.html')) && !process.argv.includes('--help')) {
  const stale =
    !existsSync(built) ||
    Math.max(newest(designer), newest(join(root, 'engine'))) > statSync(built).mtimeMs;
  if (stale) {
    console.log('building the designer…');
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        designer,
        '--logLevel',
        'warn',
      ],
      { stdio: 'inherit', cwd: root },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
const server = spawn(
  process.execPath,
  [
    '--import',
    import.meta.resolve('tsx'),
    join(root, 'server', 'main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: process.cwd() },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
