import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/**
 * Who reads a dossier: its units (received it, held a step), supervisors of their subtree and
 * administrators. Everyone else gets exactly the answer of a missing dossier.
 */
type Who = 'same' | 'other' | 'supervisor' | 'otherSupervisor' | 'admin' | 'anonymous';
const USERS: Record<Exclude<Who, 'anonymous'>, string> = {
  same: 'mot-cua-xa', // received it
  other: 'co-quan-thue', // a unit that never touched it
  supervisor: 'ubnd-tinh', // the province: the commune is under it
  otherSupervisor: 'so-tai-chinh', // a department: the commune is not under it
  admin: 'admin',
};
const WHO = [...Object.keys(USERS), 'anonymous'] as Who[];
const readers = new Set<Who>(['same', 'supervisor', 'admin']);

describe.each(dialects)('access to dossiers on %s', (dialect) => {
  let rt: TestRuntime;
  const token: Partial<Record<Who, string>> = {};
  let id: string;
  let code: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    for (const [who, username] of Object.entries(USERS))
      token[who as Who] = await rt.login(username);
    rt.clock.set('2026-03-02T09:00');
    const r = await rt.call('POST', '/api/dossiers', { token: token.same, body: BIRTH_RECEIPT });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ({ id, code } = r.body);
  });
  afterAll(async () => rt?.dispose());

  const as = (who: Who) => (who === 'anonymous' ? {} : { token: token[who]! });
  const missing = '00000000-0000-4000-8000-000000000000';

  it.each(WHO)('the dossier page, a print and a missing dossier, as %s', async (who) => {
    const view = await rt.call('GET', `/api/dossiers/${id}`, as(who));
    const print = await rt.call('GET', `/api/dossiers/${id}?purpose=print&slip=receipt`, as(who));
    const none = await rt.call('GET', `/api/dossiers/${missing}`, as(who));
    if (who === 'anonymous') {
      expect([view.status, print.status, none.status]).toEqual([401, 401, 401]);
      return;
    }
    const expected = readers.has(who) ? 200 : 404;
    expect(view.status).toBe(expected);
    expect(print.status).toBe(expected);
    expect(none.status).toBe(404);
    if (!readers.has(who)) {
      // Not a different message, not a different shape: nothing says the dossier exists.
      expect({ ...view.body.error, message: '' }).toEqual({ ...none.body.error, message: '' });
      expect(view.body.error.message.replace(id, missing)).toBe(none.body.error.message);
    } else {
      expect(view.body.applicant.idNumber).toBe('001090012345');
    }
  });

  it.each(WHO)('the inbox and its search, as %s', async (who) => {
    const list = await rt.call('GET', '/api/dossiers', as(who));
    const search = await rt.call(
      'GET',
      `/api/dossiers?q=${encodeURIComponent('nguyen van cuong')}`,
      as(who),
    );
    if (who === 'anonymous') {
      expect([list.status, search.status]).toEqual([401, 401]);
      return;
    }
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);
    expect(ids(list).includes(id)).toBe(readers.has(who));
    expect(ids(search).includes(id)).toBe(readers.has(who));
  });

  it.each(WHO)('an event for another unit, and one the step does not take, as %s', async (who) => {
    // PROPOSE is the justice officer's; nobody here may send it but the administrator.
    const wrong = await rt.call('POST', `/api/dossiers/${id}/events`, {
      ...as(who),
      body: { type: 'SIGN' },
    });
    if (who === 'anonymous') return expect(wrong.status).toBe(401);
    if (!readers.has(who)) return expect(wrong.status).toBe(404);
    // Inside the scope the officer learns why: another unit's step (403) or not now (409).
    expect(wrong.status).toBe(who === 'admin' ? 409 : 409);
    const forbidden = await rt.call('POST', `/api/dossiers/${id}/events`, {
      ...as(who),
      body: { type: 'PROPOSE', expectedVersion: 999 },
    });
    expect(forbidden.status).toBe(409);
  });

  it.each(WHO)("the month's figures by unit, as %s", async (who) => {
    const r = await rt.call('GET', '/api/reports/summary?from=2026-03-01&to=2026-03-31', as(who));
    if (who === 'anonymous') return expect(r.status).toBe(401);
    expect(r.status).toBe(200);
    const keys = r.body.rows.map((row: { key: string }) => row.key);
    expect(keys.includes('mot-cua-xa')).toBe(readers.has(who));
    expect(r.body.total.received).toBe(readers.has(who) ? 1 : 0);
    const byProcedure = await rt.call(
      'GET',
      '/api/reports/summary?from=2026-03-01&to=2026-03-31&groupBy=procedure',
      as(who),
    );
    expect(byProcedure.body.total.received).toBe(readers.has(who) ? 1 : 0);
  });

  it('records every detail view and print in the access log, readable by administrators only', async () => {
    const log = await rt.call('GET', `/api/access-log?dossier=${code}`, { token: token.admin });
    expect(log.status).toBe(200);
    const seen = log.body.items.map(
      (i: { user: { username: string }; action: string; detail: string | null }) =>
        `${i.user.username}:${i.action}:${i.detail ?? ''}`,
    );
    for (const who of ['same', 'supervisor', 'admin'] as const) {
      expect(seen).toContain(`${USERS[who]}:view:`);
      expect(seen).toContain(`${USERS[who]}:print:receipt`);
    }
    // A refused read is not an access to personal data.
    expect(seen.some((s: string) => s.startsWith('co-quan-thue:'))).toBe(false);
    const byUser = await rt.call('GET', '/api/access-log?user=ubnd-tinh', { token: token.admin });
    expect(
      byUser.body.items.every(
        (i: { user: { username: string } }) => i.user.username === 'ubnd-tinh',
      ),
    ).toBe(true);
    expect(byUser.body.items.length).toBeGreaterThan(0);
    expect((await rt.call('GET', '/api/access-log', { token: token.same })).status).toBe(403);
    expect((await rt.call('GET', '/api/access-log')).status).toBe(401);
  });

  it('keeps the access log append-only in the database itself', async () => {
    await expect(rt.deps.db.deleteFrom('access_log').execute()).rejects.toThrow(/append-only/);
    await expect(
      rt.deps.db.updateTable('access_log').set({ action: 'x' }).execute(),
    ).rejects.toThrow(/append-only/);
  });
  it("shows a unit's notices to that unit only", async () => {
    // Past the justice step's time: the engine warns the unit holding it.
    rt.clock.set('2026-03-03T16:00');
    await rt.scheduler.tick();
    const justice = await rt.login('tu-phap-xa');
    const mine = await rt.call('GET', '/api/notices', { token: justice });
    expect(mine.body.items.map((n: { code: string }) => n.code)).toContain(code);
    for (const who of ['other', 'otherSupervisor', 'same'] as const) {
      const r = await rt.call('GET', '/api/notices', { token: await rt.login(USERS[who]) });
      expect(r.body.items.map((n: { code: string }) => n.code)).not.toContain(code);
    }
    expect((await rt.call('GET', '/api/notices')).status).toBe(401);
  });
});
