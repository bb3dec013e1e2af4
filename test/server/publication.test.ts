import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureVersion, type Procedure } from '../../engine/index.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();
const ID = 'dang-ky-khai-sinh';

describe.each(dialects)('drafts, review and publication on %s', (dialect) => {
  let rt: TestRuntime;
  let admin: string;
  let publisher: string;
  let desk: string;
  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    admin = await rt.login('admin');
    publisher = await rt.login('pheduyet');
    desk = await rt.login('mot-cua-xa');
  });
  afterAll(async () => rt?.dispose());

  const versionOf = async (dossierId: string) =>
    (
      await rt.deps.db
        .selectFrom('dossiers')
        .select('procedure_version')
        .where('id', '=', dossierId)
        .executeTakeFirstOrThrow()
    ).procedure_version;

  it('keeps saves as a draft, publishes after review by a second person, effective next Monday', async () => {
    const file = join(rt.proceduresDir, `${ID}.json`);
    const fileBefore = readFileSync(file, 'utf8');
    const opened = await rt.call('GET', `/api/procedures/${ID}?view=edit`, { token: admin });
    expect(opened.status).toBe(200);
    expect(opened.body.draft).toBeNull();
    const oldVersion = opened.body.version as string;
    const edited = structuredClone(opened.body.procedure) as Procedure;
    edited.machine.states.kyDuyet!.meta!.name!.vi = 'Chủ tịch UBND xã ký (bản mới)';

    // Two saves: the draft, never the file, and the desk still sees the published version.
    let etag = opened.body.etag as string;
    for (const n of [1, 2]) {
      const saved = await rt.call('PUT', `/api/procedures/${ID}`, {
        token: admin,
        headers: { 'if-match': `"${etag}"` },
        body: { procedure: edited, layout: null },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.draft).toMatchObject({ status: 'draft', saves: n });
      etag = saved.body.etag;
    }
    expect(readFileSync(file, 'utf8')).toBe(fileBefore);
    const stale = await rt.call('PUT', `/api/procedures/${ID}`, {
      token: admin,
      headers: { 'if-match': `"${opened.body.etag}"` },
      body: { procedure: edited, layout: null },
    });
    expect(stale.status).toBe(409);
    const forDesk = await rt.call('GET', `/api/procedures/${ID}`, { token: desk });
    expect(forDesk.body.version).toBe(oldVersion);
    const again = await rt.call('GET', `/api/procedures/${ID}?view=edit`, { token: admin });
    expect(again.body.procedure.machine.states.kyDuyet.meta.name.vi).toContain('bản mới');
    const list = await rt.call('GET', '/api/procedures', { token: admin });
    const row = list.body.items.find((i: { id: string }) => i.id === ID);
    expect(row).toMatchObject({ version: oldVersion, draft: { status: 'draft', saves: 2 } });

    // Not submitted yet: nothing to publish.
    const early = await rt.call('POST', `/api/procedures/${ID}/publish`, {
      token: publisher,
      body: { etag, effectiveFrom: '2026-03-09' },
    });
    expect(early.status).toBe(409);
    const submitted = await rt.call('POST', `/api/procedures/${ID}/draft/submit`, {
      token: admin,
      headers: { 'if-match': `"${etag}"` },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.draft.status).toBe('review');
    // The one who submitted cannot approve; a designer without the role cannot either.
    const self = await rt.call('POST', `/api/procedures/${ID}/publish`, {
      token: admin,
      body: { etag, effectiveFrom: '2026-03-09' },
    });
    expect(self.status).toBe(403);
    const past = await rt.call('POST', `/api/procedures/${ID}/publish`, {
      token: publisher,
      body: { etag, effectiveFrom: '2026-03-01' },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.details.problems[0].path).toBe('/effectiveFrom');
    const published = await rt.call('POST', `/api/procedures/${ID}/publish`, {
      token: publisher,
      body: { etag, effectiveFrom: '2026-03-09', decisionNumber: '123/QĐ-UBND' },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const newVersion = published.body.version as string;
    expect(newVersion).toBe(procedureVersion(edited));
    expect(readFileSync(file, 'utf8')).toContain('bản mới');

    // Today (Monday 2 March) the desk keeps receiving on the old version.
    const today = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
    expect(today.status).toBe(201);
    expect(await versionOf(today.body.id)).toBe(oldVersion);
    expect((await rt.call('GET', `/api/procedures/${ID}`, { token: desk })).body.version).toBe(
      oldVersion,
    );
    const history = await rt.call('GET', `/api/procedures/${ID}/versions`, { token: admin });
    expect(history.status).toBe(200);
    expect(history.body.draft).toBeNull();
    expect(history.body.versions[0]).toMatchObject({
      version: newVersion,
      source: 'review',
      publishedByName: 'Lãnh đạo phê duyệt thủ tục',
      decisionNumber: '123/QĐ-UBND',
      effectiveFrom: '2026-03-08T17:00:00.000Z',
      state: 'upcoming',
    });
    expect(history.body.versions[1]).toMatchObject({ version: oldVersion, state: 'in-effect' });
    const older = await rt.call('GET', `/api/procedures/${ID}/versions/${oldVersion}`, {
      token: admin,
    });
    expect(older.body.procedure.machine.states.kyDuyet.meta.name.vi).not.toContain('bản mới');

    // From next Monday, the new version.
    rt.clock.set('2026-03-09T07:30:00');
    desk = await rt.login('mot-cua-xa');
    admin = await rt.login('admin');
    const monday = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
    expect(monday.status).toBe(201);
    expect(await versionOf(monday.body.id)).toBe(newVersion);
    // The dossier of last week still runs on its own version.
    expect(await versionOf(today.body.id)).toBe(oldVersion);
  });

  it('refuses ids that are not procedure files, and a machine id other than the id', async () => {
    const r = await rt.call('GET', `/api/procedures/chung-thuc-ban-sao?view=edit`, {
      token: admin,
    });
    for (const id of ['units', 'calendars', 'Khai-Sinh', 'a.schema', 'calendars%2F2026']) {
      const bad = await rt.call('PUT', `/api/procedures/${id}`, {
        token: admin,
        body: { procedure: { ...r.body.procedure, id }, layout: null },
      });
      expect(bad.status, id).toBe(422);
      expect(bad.body.error.details.problems[0].path).toBe('/id');
    }
    const machine = await rt.call('PUT', '/api/procedures/chung-thuc-ban-sao', {
      token: admin,
      headers: { 'if-match': `"${r.body.etag}"` },
      body: {
        procedure: { ...r.body.procedure, machine: { ...r.body.procedure.machine, id: 'khac' } },
        layout: null,
      },
    });
    expect(machine.status).toBe(422);
    expect(machine.body.error.details.problems[0].path).toBe('/procedure/machine/id');
    expect(readFileSync(join(rt.proceduresDir, 'units.json'), 'utf8')).toContain('"levels"');
  });
});
