import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleReason } from '../../scripts/dependencies.mjs';

/** A project folder with a lock file and, unless told, an installed tree matching it. */
function project(
  lock: Record<string, { version: string; dev?: boolean; optional?: boolean }>,
  installed: Record<string, { version: string }> | undefined,
): string {
  const root = mkdtempSync(join(tmpdir(), 'motcua-deps-'));
  const packages = { '': { name: 'x' }, ...lock };
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ packages }));
  if (installed) {
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(
      join(root, 'node_modules', '.package-lock.json'),
      JSON.stringify({ packages: installed }),
    );
  }
  return root;
}

/** Make the lock file newer than the installed tree (a pull that changed it, or a checkout). */
function lockNewer(root: string): void {
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(root, 'package-lock.json'), later, later);
}

const LOCK = {
  'node_modules/hono': { version: '4.13.19' },
  'node_modules/vitest': { version: '4.1.12', dev: true },
  'node_modules/@esbuild/aix-ppc64': { version: '0.25.0', optional: true },
};

describe('npm start and npm test install the dependencies when needed', () => {
  it('on a fresh clone (no node_modules)', () => {
    expect(staleReason(project(LOCK, undefined), { needDev: false })).toBe(
      'node_modules is missing',
    );
  });

  it('not when node_modules is newer than the lock file', () => {
    const root = project(LOCK, { 'node_modules/hono': { version: '4.13.19' } });
    mkdirSync(join(root, 'node_modules', 'vitest'));
    expect(staleReason(root, { needDev: true })).toBeUndefined();
  });

  it('for the tests, when the development dependencies were left out (--omit=dev)', () => {
    const root = project(LOCK, { 'node_modules/hono': { version: '4.13.19' } });
    expect(staleReason(root, { needDev: false })).toBeUndefined();
    expect(staleReason(root, { needDev: true })).toBe(
      'the development dependencies are not installed',
    );
  });

  it('when the lock file is newer and names another version', () => {
    const root = project(LOCK, {
      'node_modules/hono': { version: '4.12.0' },
      'node_modules/vitest': { version: '4.1.12' },
    });
    lockNewer(root);
    expect(staleReason(root, { needDev: false })).toBe(
      'node_modules is older than package-lock.json',
    );
  });

  it('not when only the date is newer (a checkout): every version matches, the date is renewed', () => {
    const root = project(LOCK, {
      'node_modules/hono': { version: '4.13.19' },
      'node_modules/vitest': { version: '4.1.12' },
    });
    mkdirSync(join(root, 'node_modules', 'vitest'));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(root, 'node_modules', '.package-lock.json'), hourAgo, hourAgo);
    lockNewer(root);
    expect(staleReason(root, { needDev: true })).toBeUndefined();
    const installed = statSync(join(root, 'node_modules', '.package-lock.json')).mtimeMs;
    expect(installed).toBeGreaterThanOrEqual(
      statSync(join(root, 'package-lock.json')).mtimeMs - 60_000,
    );
  });
});
