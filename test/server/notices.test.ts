import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

describe.each(dialects)("a unit's notices on %s", (dialect) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
  });
  afterAll(async () => rt?.dispose());

  type Notice = {
    id: string;
    dossierId: string;
    code: string;
    procedure: { vi: string };
    message: { vi: string; en?: string };
    createdAt: string;
    unread: boolean;
  };
  const notices = async (token: string, query = '') => {
    const r = await rt.call('GET', `/api/notices${query}`, { token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { unread: number; items: Notice[]; nextCursor: string | null };
  };

  it("shows the engine's warnings to the unit holding the step, unread until seen, page by page", async () => {
    const desk = await rt.login('mot-cua-xa');
    const received: { id: string; code: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
      expect(r.status).toBe(201);
      received.push(r.body);
    }
    const justice = await rt.login('tu-phap-xa');
    expect((await notices(justice)).unread).toBe(0);
    // A colleague at the same unit, with an account from before the warnings.
    const admin = await rt.login('admin');
    const colleague = await rt.call('POST', '/api/users', {
      token: admin,
      body: {
        username: 'tu-phap-2',
        displayName: 'Công chức tư pháp thứ hai',
        unitId: 'tu-phap-xa',
        roles: ['specialist'],
        password: 'mat-khau-2026',
      },
    });
    expect(colleague.status).toBe(201);

    // Past the step's and the dossier's deadlines, the scheduler fires the warnings.
    rt.clock.set('2026-03-02T17:30');
    const morning = await rt.login('tu-phap-xa');
    await rt.scheduler.tick();
    await rt.scheduler.tick();
    const all = await notices(morning, '?limit=100');
    expect(all.unread).toBeGreaterThanOrEqual(3);
    expect(all.unread).toBe(all.items.length);
    expect(all.items.every((n) => n.unread)).toBe(true);
    expect(new Set(all.items.map((n) => n.code))).toEqual(new Set(received.map((d) => d.code)));
    const first = all.items.filter((n) => n.dossierId === received[0]!.id);
    expect(first.every((n) => n.procedure.vi === 'Đăng ký khai sinh')).toBe(true);
    // The step is overdue, the dossier due soon or overdue: one notice says so.
    expect(first.map((n) => n.message.vi)).toContainEqual(expect.stringMatching(/quá hạn/));
    // Newest first.
    const times = all.items.map((n) => n.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    // Another unit sees none of them.
    const chair = await rt.login('ubnd-xa');
    expect((await notices(chair)).items).toEqual([]);

    // Page by page: the same notices, each once.
    const seenIds: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await notices(
        morning,
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seenIds.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    }
    expect(seenIds).toEqual(all.items.map((n) => n.id));

    // Seen up to the newest one shown: one raised after the list was read stays unread.
    rt.clock.set('2026-03-02T17:35');
    await rt.deps.db
      .insertInto('outbox')
      .values({
        id: 'late-notice',
        dossier_id: received[0]!.id,
        audience: 'unit',
        unit_id: 'tu-phap-xa',
        message: JSON.stringify({ vi: 'Thông báo đến sau', en: 'A later notice' }),
        created_at: rt.clock.now(),
        sent_at: null,
      })
      .execute();
    const upTo = await rt.call('POST', '/api/notices/seen', {
      token: morning,
      body: { until: all.items[0]!.createdAt },
    });
    expect(upTo.body).toEqual({ ok: true, unread: 1 });
    expect((await notices(morning)).items[0]).toMatchObject({ id: 'late-notice', unread: true });
    // Without a body: everything up to now.
    rt.clock.set('2026-03-02T17:36');
    const seen = await rt.call('POST', '/api/notices/seen', { token: morning });
    expect(seen.body).toEqual({ ok: true, unread: 0 });
    const bad = await rt.call('POST', '/api/notices/seen', {
      token: morning,
      body: { until: 'hôm qua' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].path).toBe('/until');
    const after = await notices(morning);
    expect(after.unread).toBe(0);
    expect(after.items.some((n) => n.unread)).toBe(false);
    // The colleague has not seen them yet.
    const other = await notices(await rt.login('tu-phap-2', 'mat-khau-2026'));
    expect(other.unread).toBe(all.unread + 1);
  });

  it('refuses a bad cursor with its path, and strangers', async () => {
    const justice = await rt.login('tu-phap-xa');
    const bad = await rt.call('GET', '/api/notices?cursor=xyz', { token: justice });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].path).toBe('/query/cursor');
    const tooMany = await rt.call('GET', '/api/notices?limit=1000', { token: justice });
    expect(tooMany.status).toBe(422);
    expect((await rt.call('GET', '/api/notices')).status).toBe(401);
    expect((await rt.call('POST', '/api/notices/seen')).status).toBe(401);
  });
});
