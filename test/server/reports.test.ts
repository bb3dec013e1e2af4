import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

describe.each(dialects)('one-stop statistics on %s', (dialect) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    const tokens = async () =>
      Object.fromEntries(
        await Promise.all(
          ['mot-cua-xa', 'tu-phap-xa', 'ubnd-xa'].map(async (u) => [u, await rt.login(u)] as const),
        ),
      );
    // Sessions last 12 hours: log in again once per simulated day, not on every step.
    let cached: { day: string; tokens: Record<string, string> } | undefined;
    const at = async (local: string) => {
      rt.clock.set(local);
      const day = local.slice(0, 10);
      if (cached?.day !== day) cached = { day, tokens: await tokens() };
      return cached.tokens;
    };
    const walk = async (id: string, times: [string, string, string]) => {
      let t = await at(times[0]);
      await rt.call('POST', `/api/dossiers/${id}/events`, {
        token: t['tu-phap-xa'],
        body: { type: 'PROPOSE' },
      });
      t = await at(times[1]);
      await rt.call('POST', `/api/dossiers/${id}/events`, {
        token: t['ubnd-xa'],
        body: { type: 'SIGN' },
      });
      t = await at(times[2]);
      const r = await rt.call('POST', `/api/dossiers/${id}/events`, {
        token: t['mot-cua-xa'],
        body: { type: 'RETURN_RESULT' },
      });
      expect(r.status).toBe(200);
    };
    const receive = async (local: string, body: Record<string, unknown> = BIRTH_RECEIPT) => {
      const t = await at(local);
      const r = await rt.call('POST', '/api/dossiers', { token: t['mot-cua-xa'], body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    // Carried over from February, resolved on time in March.
    const a = await receive('2026-02-27T16:00'); // after the cut-off: due Mon 2 March 17:00
    await walk(a, ['2026-03-02T08:00', '2026-03-02T09:00', '2026-03-02T10:00']);
    // March: one on time, one late, one refused, one withdrawn, one overdue, one awaiting a supplement, one online on track.
    const b = await receive('2026-03-03T08:00');
    await walk(b, ['2026-03-03T08:30', '2026-03-03T09:00', '2026-03-03T16:00']);
    const c = await receive('2026-03-04T08:00');
    await walk(c, ['2026-03-04T09:00', '2026-03-05T09:00', '2026-03-05T10:00']);
    const d = await receive('2026-03-05T08:00');
    let t = await at('2026-03-05T08:30');
    await rt.call('POST', `/api/dossiers/${d}/events`, {
      token: t['tu-phap-xa'],
      body: { type: 'REFUSE', note: 'Không đủ điều kiện' },
    });
    const e = await receive('2026-03-06T08:00');
    t = await at('2026-03-06T08:30');
    await rt.call('POST', `/api/dossiers/${e}/events`, {
      token: t['tu-phap-xa'],
      body: { type: 'WITHDRAW' },
    });
    await receive('2026-03-09T08:00'); // left at the specialist: overdue by the end of March
    await receive('2026-03-10T08:00', { ...BIRTH_RECEIPT, accept: false });
    const g = await receive('2026-03-11T08:00', { ...BIRTH_RECEIPT, accept: false });
    t = await at('2026-03-11T08:10');
    await rt.call('POST', `/api/dossiers/${g}/events`, {
      token: t['mot-cua-xa'],
      body: { type: 'REQUEST_SUPPLEMENT', note: 'Thiếu giấy tờ' },
    });
    await receive('2026-03-31T09:00', { ...BIRTH_RECEIPT, channel: 'online' }); // due 31 March 17:00, still open at 24:00
    await at('2026-04-01T09:00');
  });
  afterAll(async () => rt?.dispose());

  it('counts received, resolved early / on time / late, refused, withdrawn, in progress and overdue for March', async () => {
    const token = await rt.login('ubnd-xa');
    const r = await rt.call(
      'GET',
      '/api/reports/summary?from=2026-03-01&to=2026-03-31&groupBy=unit',
      { token },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.rows).toHaveLength(1);
    expect(r.body.total).toMatchObject({
      key: '*',
      received: 8,
      online: 1,
      desk: 7,
      post: 0,
      carriedOver: 1,
      resolved: 3,
      early: 0,
      onTime: 2,
      late: 1,
      refused: 1,
      withdrawn: 1,
      inProgress: 4,
      awaitingSupplement: 1,
      overdue: 2,
      notYetDue: 1,
      resolvedPercent: 33.3,
      onTimePercent: 66.7,
      latePercent: 33.3,
    });
  });

  it('groups by channel and exports CSV with Vietnamese headers', async () => {
    const token = await rt.login('ubnd-xa');
    const byChannel = await rt.call(
      'GET',
      '/api/reports/summary?from=2026-03-01&to=2026-03-31&groupBy=channel',
      { token },
    );
    expect(
      byChannel.body.rows.map((r: { key: string; received: number }) => [r.key, r.received]),
    ).toEqual([
      ['desk', 7],
      ['online', 1],
    ]);
    const csv = await rt.call(
      'GET',
      '/api/reports/summary?from=2026-03-01&to=2026-03-31&format=csv',
      { token },
    );
    expect(csv.status).toBe(200);
    // A download of its own type, named after the period.
    const raw = await rt.app.request(
      '/api/reports/summary?from=2026-03-01&to=2026-03-31&format=csv',
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(raw.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(raw.headers.get('content-disposition')).toBe(
      'attachment; filename="bao-cao-2026-03-01-2026-03-31.csv"',
    );
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // The screen's columns, its unit names and its Vietnamese numbers (decimal comma, quoted).
    expect(lines[0]).toMatch(/^Nhóm,Tiếp nhận mới,Kỳ trước,Đã giải quyết,Đã giải quyết \(%\),/);
    expect(lines.at(-1)).toMatch(/^Tổng cộng,8,1,3,"?\d+(,\d)?"?,/);
    expect(lines.slice(1, -1).every((l) => !/^[a-z0-9-]+,/.test(l))).toBe(true);
    expect(lines.at(-1)).toContain(',1,7,0,');
  });

  it('rejects dates that do not exist and reversed periods', async () => {
    const token = await rt.login('ubnd-xa');
    const bad = await rt.call('GET', '/api/reports/summary?from=2026-02-30&to=2026-03-31', {
      token,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].path).toBe('/query/from');
    expect(
      (await rt.call('GET', '/api/reports/summary?from=2026-03-31&to=2026-03-01', { token }))
        .status,
    ).toBe(422);
    expect(
      (await rt.call('GET', '/api/reports/summary?from=2026-03-01&to=2026-03-31')).status,
    ).toBe(401);
  });
});
