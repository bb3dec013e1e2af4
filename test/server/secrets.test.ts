import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../server/backup.ts';
import { pruneExpired } from '../../server/runtime/housekeeping.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/** Every value of every table, as text. */
async function everything(rt: TestRuntime): Promise<string> {
  const tables =
    rt.deps.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
          rt.deps.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
          rt.deps.db,
        );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(rt.deps.db);
    parts.push(JSON.stringify(rows.rows));
  }
  return parts.join('\n');
}

describe.each(dialects)('receipt secrets at rest on %s', (dialect) => {
  let rt: TestRuntime;
  let dir: string;
  let desk: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-secret-'));
    rt = await startTestRuntime(
      dialect,
      dialect === 'sqlite' ? { databaseUrl: `sqlite:${join(dir, 'motcua.db')}` } : {},
    );
    desk = await rt.login('mot-cua-xa');
  });
  afterAll(async () => rt?.dispose());

  it('keeps the secret only as a hash, gives a retry the same secret, and never writes it', async () => {
    const headers = { 'idempotency-key': 'quay-1-0042' };
    const first = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: BIRTH_RECEIPT,
      headers,
    });
    expect(first.status).toBe(201);
    const { code, secret } = first.body as { code: string; secret: string };
    expect(secret).toMatch(/^[A-Z2-9]{10}$/);
    const retry = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: BIRTH_RECEIPT,
      headers,
    });
    expect(retry.body).toEqual(first.body);
    expect(first.body.secretSealed).toBeUndefined();
    const lookup = await rt.call('GET', `/api/public/dossiers/${code}?secret=${secret}`);
    expect(lookup.status).toBe(200);
    await rt.deps.writes.drain();
    const dump = await everything(rt);
    expect(dump).toContain(code);
    expect(dump).not.toContain(secret);
    if (dialect === 'sqlite') {
      // The key sealing it lives beside the database, readable by the server's user only.
      expect(statSync(join(dir, 'motcua.key')).mode & 0o077).toBe(0);
      const backup = backupSqlite(join(dir, 'motcua.db'), join(dir, 'backups'));
      const bytes = readFileSync(backup.file).toString('latin1');
      expect(bytes).toContain(code);
      expect(bytes).not.toContain(secret);
    }
  });

  it('reissues a secret to the receiving desk only; the old one stops working, the change is audited', async () => {
    const r = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
    const { id, code, secret } = r.body as { id: string; code: string; secret: string };
    const justice = await rt.login('tu-phap-xa');
    expect((await rt.call('POST', `/api/dossiers/${id}/secret`, { token: justice })).status).toBe(
      403,
    );
    const other = await rt.login('co-quan-thue');
    expect((await rt.call('POST', `/api/dossiers/${id}/secret`, { token: other })).status).toBe(
      404,
    );
    const again = await rt.call('POST', `/api/dossiers/${id}/secret`, { token: desk });
    expect(again.status).toBe(200);
    expect(again.body.code).toBe(code);
    expect(again.body.secret).not.toBe(secret);
    expect((await rt.call('GET', `/api/public/dossiers/${code}?secret=${secret}`)).status).toBe(
      404,
    );
    expect(
      (await rt.call('GET', `/api/public/dossiers/${code}?secret=${again.body.secret}`)).status,
    ).toBe(200);
    const audit = await rt.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'dossier.secret-reissued')
      .execute();
    expect(audit.map((a) => a.target)).toContain(id);
    expect(JSON.stringify(audit)).not.toContain(again.body.secret);
  });

  it('prunes stored answers after a day and ended sessions', async () => {
    const now = rt.clock.now();
    await rt.deps.db
      .insertInto('idempotency_keys')
      .values([
        {
          user_id: 'u',
          key: 'old',
          request_hash: 'h',
          status_code: 200,
          response: '{}',
          created_at: now - 25 * 3_600_000,
        },
        {
          user_id: 'u',
          key: 'new',
          request_hash: 'h',
          status_code: 200,
          response: '{}',
          created_at: now - 3_600_000,
        },
      ])
      .execute();
    const token = await rt.login('ubnd-xa');
    rt.clock.ms = now + 13 * 3_600_000;
    const pruned = await pruneExpired(rt.deps.db, rt.clock.now());
    expect(pruned.idempotency).toBeGreaterThanOrEqual(1);
    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    const keys = await rt.deps.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('user_id', '=', 'u')
      .execute();
    expect(keys.map((k) => k.key)).toEqual(['new']);
    expect((await rt.call('GET', '/api/auth/me', { token })).status).toBe(401);
    rt.clock.ms = now;
  });
});
