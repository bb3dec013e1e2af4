import { serve, type ServerType } from '@hono/node-server';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { parseConfig } from '../../server/config.ts';
import { startRuntime, type Runtime } from '../../server/startRuntime.ts';
import { CHROMIUM_PATH } from '../support/chromium.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the designer is built. */
export const DESIGNER_DIST = join(ROOT, 'designer', 'dist');
const FIXTURES = join(ROOT, 'test', 'designer', 'fixtures');

let built: Promise<void> | undefined;

/** Build the designer once per process (Vite, programmatically). */
export function buildDesigner(): Promise<void> {
  built ??= (async () => {
    const { build } = await import('vite');
    await build({
      configFile: join(ROOT, 'designer', 'vite.config.ts'),
      root: join(ROOT, 'designer'),
      logLevel: 'warn',
    });
  })();
  return built;
}

/** A real server (runtime + HTTP socket) over a temporary copy of the procedure library. */
export interface DesignerServer {
  readonly url: string;
  readonly proceduresDir: string;
  readonly runtime: Runtime;
  close(): Promise<void>;
}

/**
 * Start the server in-process on a free port over a copy of `procedures/`, with the liên thông
 * fixture and its extra units added, serving the built designer.
 */
export async function startDesignerServer(
  options: {
    extra?: Record<string, unknown>;
    now?: () => number;
    env?: Record<string, string>;
  } = {},
): Promise<DesignerServer> {
  const proceduresDir = join(mkdtempSync(join(tmpdir(), 'motcua-designer-')), 'procedures');
  cpSync(join(ROOT, 'procedures'), proceduresDir, { recursive: true });
  const units = JSON.parse(readFileSync(join(proceduresDir, 'units.json'), 'utf8'));
  const extraUnits = JSON.parse(readFileSync(join(FIXTURES, 'units-extra.json'), 'utf8'));
  for (const unit of extraUnits.units) {
    if (!units.units.some((u: { id: string }) => u.id === unit.id)) units.units.push(unit);
  }
  writeFileSync(join(proceduresDir, 'units.json'), JSON.stringify(units, null, 2));
  cpSync(
    join(FIXTURES, 'lien-thong-khai-sinh-thuong-tru-bhyt.json'),
    join(proceduresDir, 'lien-thong-khai-sinh-thuong-tru-bhyt.json'),
  );
  for (const [name, value] of Object.entries(options.extra ?? {})) {
    writeFileSync(
      join(proceduresDir, name),
      typeof value === 'string' ? value : JSON.stringify(value, null, 2),
    );
  }
  if (!existsSync(join(DESIGNER_DIST, 'index.html'))) throw new Error('build the designer first');
  const config = parseConfig(
    {
      DATABASE_URL: 'sqlite::memory:',
      PROCEDURES_DIR: proceduresDir,
      SCHEDULER_INTERVAL_MS: '0',
      SEED_DEMO_USERS: 'true',
      DESIGNER_DIR: DESIGNER_DIST,
      ...options.env,
    },
    ROOT,
  );
  const runtime = await startRuntime(config, {
    startScheduler: false,
    ...(options.now ? { now: options.now } : {}),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    proceduresDir,
    runtime,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
