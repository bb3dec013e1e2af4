import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/dialect.ts';
import { PROCEDURES_DIR } from '../support/procedures.ts';
import { BIRTH_RECEIPT } from '../support/runtime.ts';
import { call, startServerProcess } from './serverProcess.ts';

/**
 * SIGTERM under load (what `docker stop`, systemd and Kubernetes send): the server stops
 * accepting, finishes the requests it has, commits the write queue, closes the database and
 * exits 0 within 10 s; every answer it gave with a 2xx is in the database afterwards.
 */
describe('graceful shutdown', () => {
  it('loses no acknowledged request and exits 0 within 10 s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-shutdown-'));
    cpSync(PROCEDURES_DIR, join(dir, 'procedures'), { recursive: true });
    const url = `sqlite:${join(dir, 'motcua.db')}`;
    const server = await startServerProcess({
      DATABASE_URL: url,
      PROCEDURES_DIR: join(dir, 'procedures'),
      SCHEDULER_INTERVAL_MS: '200',
    });
    const login = await call(server.url, 'POST', '/api/auth/login', undefined, {
      username: 'mot-cua-xa',
      password: 'motcua',
    });
    expect(login.status).toBe(200);
    const token = login.body.token as string;

    let signalledAt = Infinity;
    const acked: { id: string; code: string; at: number }[] = [];
    const workers = Array.from({ length: 16 }, async () => {
      for (;;) {
        const r = await call(server.url, 'POST', '/api/dossiers', token, BIRTH_RECEIPT);
        if (r.status === 201) acked.push({ id: r.body.id, code: r.body.code, at: Date.now() });
        else if (r.status === 0)
          return; // refused: the server no longer accepts
        else throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.body)}`);
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      server.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await exited;
    const took = Date.now() - signalledAt;
    await Promise.all(workers);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(10_000);
    expect(acked.length).toBeGreaterThan(0);
    const db = await openDatabase({ url });
    try {
      const stored = new Set(
        (await db.db.selectFrom('dossiers').select('id').execute()).map((r) => r.id),
      );
      for (const a of acked) expect(stored.has(a.id), `${a.code} acknowledged but lost`).toBe(true);
    } finally {
      await db.close();
    }
    // Requests in flight when the signal came were finished, not cut.
    expect(acked.filter((a) => a.at >= signalledAt).length).toBeGreaterThan(0);
  }, 120_000);
});
