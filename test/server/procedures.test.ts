import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProcedure } from '../../engine/index.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

describe('procedure API and hand edits on disk', () => {
  let rt: TestRuntime;
  let admin: string;
  beforeAll(async () => {
    rt = await startTestRuntime('sqlite');
    admin = await rt.login('admin');
  });
  afterAll(async () => rt?.dispose());

  it('shows a file edited by hand with its own ETag, and refuses a save made from the old one', async () => {
    const first = await rt.call('GET', '/api/procedures/dang-ky-khai-sinh', { token: admin });
    expect(first.status).toBe(200);
    const file = join(rt.proceduresDir, 'dang-ky-khai-sinh.json');
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.machine.states.kyDuyet.meta.name.vi = 'Chủ tịch UBND xã ký (sửa tay)';
    writeFileSync(file, formatProcedure(edited));
    const stale = await rt.call('PUT', '/api/procedures/dang-ky-khai-sinh', {
      token: admin,
      headers: { 'if-match': `"${first.body.etag}"` },
      body: { procedure: first.body.procedure, layout: null },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('file-changed');
    const again = await rt.call('GET', '/api/procedures/dang-ky-khai-sinh', { token: admin });
    expect(again.body.procedure.machine.states.kyDuyet.meta.name.vi).toBe(
      'Chủ tịch UBND xã ký (sửa tay)',
    );
    expect(again.body.etag).not.toBe(first.body.etag);
    const saved = await rt.call('PUT', '/api/procedures/dang-ky-khai-sinh', {
      token: admin,
      headers: { 'if-match': `"${again.body.etag}"` },
      body: { procedure: again.body.procedure, layout: null },
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toContain('(sửa tay)');
  });

  it("counts a procedure's steps in the library as the editor's panel does", async () => {
    const list = await rt.call('GET', '/api/procedures', { token: admin });
    expect(list.body.items.length).toBeGreaterThan(5);
    for (const item of list.body.items as { id: string; steps: number }[]) {
      const one = await rt.call('GET', `/api/procedures/${item.id}`, { token: admin });
      expect(item.steps, item.id).toBe(one.body.metrics.steps);
    }
  });
});
