/**
 * Writes the server's OpenAPI document (`/api/openapi.json`) to a file, from a runtime on an
 * in-memory database over the bundled library: `npm run openapi -- out.json`. `npm run lint`
 * checks the document with Redocly's recommended rules (redocly.yaml).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../server/config.ts';
import { startRuntime } from '../server/startRuntime.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: npm run openapi -- <file.json>');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'motcua-openapi-'));
const runtime = await startRuntime(
  parseConfig({
    DATABASE_URL: 'sqlite::memory:',
    PROCEDURES_DIR: fileURLToPath(new URL('../procedures', import.meta.url)),
    SCHEDULER_INTERVAL_MS: '0',
    SEED_DEMO_USERS: 'false',
    DESIGNER_DIR: join(scratch, 'no-designer'),
  }),
  { startScheduler: false },
);
const res = await runtime.app.request('/api/openapi.json');
writeFileSync(out, JSON.stringify(await res.json(), null, 2));
await runtime.close();
rmSync(scratch, { recursive: true, force: true });
console.log(`wrote ${out}`);
