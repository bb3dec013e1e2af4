import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiContract } from '../support/apiContract.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/**
 * The OpenAPI document declares what the API answers, and the answers keep to it. Every test's
 * `rt.call` checks a declared answer against its schema (test/support/runtime.ts); this suite
 * drives the routes whose answers are declared and proves the check can fail.
 */
describe.each(dialects)('the API answers as its OpenAPI document says, on %s', (dialect) => {
  let rt: TestRuntime;
  let contract: ApiContract;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    contract = new ApiContract((await rt.call('GET', '/api/openapi.json')).body);
  });
  afterAll(async () => rt?.dispose());

  it('declares the answers of sign-in, accounts, notices, the access log, publication, the library, dossiers and reports', () => {
    for (const [method, path, status] of [
      ['POST', '/api/auth/login', 200],
      ['GET', '/api/auth/me', 200],
      ['POST', '/api/auth/logout', 200],
      ['POST', '/api/auth/password', 200],
      ['GET', '/api/users', 200],
      ['POST', '/api/users', 201],
      ['PATCH', '/api/users/x', 200],
      ['GET', '/api/notices', 200],
      ['POST', '/api/notices/seen', 200],
      ['GET', '/api/access-log', 200],
      ['POST', '/api/procedures/x/draft/submit', 200],
      ['POST', '/api/procedures/x/draft/return', 200],
      ['POST', '/api/procedures/x/publish', 200],
      ['DELETE', '/api/procedures/x/draft', 200],
      ['GET', '/api/procedures/x/versions', 200],
      ['GET', '/api/procedures/x/versions/1', 200],
      ['GET', '/api/procedures', 200],
      ['GET', '/api/procedures/x', 200],
      ['PUT', '/api/procedures/x', 200],
      ['GET', '/api/units', 200],
      ['GET', '/api/calendar/2026', 200],
      ['GET', '/api/dossiers/x/files', 200],
      ['GET', '/api/files', 200],
      ['GET', '/api/dossiers/x', 404],
      ['POST', '/api/dossiers', 201],
      ['GET', '/api/dossiers', 200],
      ['GET', '/api/dossiers/x', 200],
      ['POST', '/api/dossiers/x/events', 200],
      ['POST', '/api/dossiers/x/secret', 200],
      ['GET', '/api/reports/summary', 200],
      ['GET', '/api/reports/digitisation', 200],
      ['POST', '/api/verify', 200],
    ] as const)
      expect(contract.declared(method, path, status), `${method} ${path} ${status}`).toBe(true);
  });

  it('leaves no successful JSON answer loose: a client generated from it has no unknown answer', () => {
    expect(contract.undeclared()).toEqual([]);
    const loose = { content: { 'application/json': { schema: { type: 'object' } } } };
    const binary = { content: { 'application/pdf': { schema: { type: 'string' } } } };
    expect(
      new ApiContract({
        paths: {
          '/x/{id}': { get: { responses: { 200: loose } }, put: { responses: { 200: binary } } },
        },
      }).undeclared(),
    ).toEqual(['GET /x/{id} 200']);
  });

  it('finds a body that departs from its schema', () => {
    expect(contract.check('GET', '/api/auth/me', 200, { id: 1, username: 'a' })).not.toEqual([]);
    expect(
      contract.check('GET', '/api/notices', 200, {
        unread: 0,
        items: [{ id: 'n' }],
        nextCursor: null,
      }),
    ).not.toEqual([]);
    expect(
      contract.check('GET', '/api/notices', 200, { unread: 0, items: [], nextCursor: null }),
    ).toEqual([]);
    // A row of the inbox without its code, and a statistics total with a count as text.
    expect(
      contract.check('GET', '/api/dossiers', 200, { items: [{ id: 'x' }], nextCursor: null }),
    ).not.toEqual([]);
    expect(contract.check('GET', '/api/dossiers', 200, { items: [], nextCursor: null })).toEqual(
      [],
    );
    expect(
      contract.check('GET', '/api/reports/summary', 200, {
        from: '2026-03-01',
        to: '2026-03-31',
        groupBy: 'unit',
        rows: [],
        total: { key: '*', received: 'many' },
      }),
    ).not.toEqual([]);
  });

  it('answers sign-in, accounts, notices and the access log within their schemas', async () => {
    // Each call below is checked against the document by rt.call; a departure throws.
    const admin = await rt.login('admin');
    const me = await rt.call('GET', '/api/auth/me', { token: admin });
    expect(me.body.username).toBe('admin');
    const users = await rt.call('GET', '/api/users', { token: admin });
    expect(users.body.users.length).toBeGreaterThan(0);
    const created = await rt.call('POST', '/api/users', {
      token: admin,
      body: {
        username: 'hop-dong-01',
        displayName: 'Cán bộ hợp đồng',
        unitId: 'tu-phap-xa',
        roles: ['specialist'],
        password: 'Bến-Thành-chợ-2026',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const changed = await rt.call('PATCH', `/api/users/${created.body.user.id}`, {
      token: admin,
      body: { displayName: 'Cán bộ hợp đồng (tư pháp)' },
    });
    expect(changed.body.user.displayName).toBe('Cán bộ hợp đồng (tư pháp)');
    const officer = await rt.login('hop-dong-01', 'Bến-Thành-chợ-2026');
    const notices = await rt.call('GET', '/api/notices', { token: officer });
    expect(notices.body).toEqual({ unread: 0, items: [], nextCursor: null });
    expect((await rt.call('POST', '/api/notices/seen', { token: officer, body: {} })).body).toEqual(
      {
        ok: true,
        unread: 0,
      },
    );
    const password = await rt.call('POST', '/api/auth/password', {
      token: officer,
      body: { currentPassword: 'Bến-Thành-chợ-2026', newPassword: 'Hồ-Gươm-rùa-vàng-2027' },
    });
    expect(password.status, JSON.stringify(password.body)).toBe(200);
    const log = await rt.call('GET', '/api/access-log', { token: admin });
    expect(Array.isArray(log.body.items)).toBe(true);
    const missing = await rt.call('GET', '/api/dossiers/00000000-0000-4000-8000-000000000000', {
      token: admin,
    });
    expect(missing.status).toBe(404);
    expect((await rt.call('POST', '/api/auth/logout', { token: officer })).body).toEqual({
      ok: true,
    });
  });

  it('answers the procedure library, its catalog and calendar within their schemas', async () => {
    // Each call below is checked against the document by rt.call; a departure throws.
    const admin = await rt.login('admin');
    const units = await rt.call('GET', '/api/units', { token: admin });
    expect(units.body.units.length).toBeGreaterThan(0);
    const calendar = await rt.call('GET', '/api/calendar/2026', { token: admin });
    expect(calendar.body.days.some((d: { working: boolean }) => !d.working)).toBe(true);
    const page = await rt.call('GET', '/api/procedures?ids=true&limit=2', { token: admin });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.ids.length).toBe(page.body.total);
    const id = 'dang-ky-khai-sinh';
    const inEffect = await rt.call('GET', `/api/procedures/${id}`, { token: admin });
    expect(inEffect.body.procedure.id).toBe(id);
    const editing = await rt.call('GET', `/api/procedures/${id}?view=edit`, { token: admin });
    const saved = await rt.call('PUT', `/api/procedures/${id}`, {
      token: admin,
      body: { procedure: editing.body.procedure, layout: editing.body.layout },
      headers: { 'if-match': `"${editing.body.etag}"` },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const draft = await rt.call('GET', `/api/procedures/${id}?view=edit`, { token: admin });
    expect(draft.body.draft.saves).toBe(1);
  });
});
