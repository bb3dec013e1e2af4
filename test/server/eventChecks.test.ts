import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import {
  BIRTH_DATA,
  BIRTH_RECEIPT,
  startTestRuntime,
  type TestRuntime,
} from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

describe.each(dialects)('event data and reasons are checked on %s', (dialect) => {
  let rt: TestRuntime;
  let desk: string;
  let justice: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    [desk, justice] = (await Promise.all(['mot-cua-xa', 'tu-phap-xa'].map((u) => rt.login(u)))) as [
      string,
      string,
    ];
  });
  afterAll(async () => rt?.dispose());

  const send = (token: string, id: string, body: unknown) =>
    rt.call('POST', `/api/dossiers/${id}/events`, { token, body });

  it('answers 422 with field paths for invalid supplement data and stores nothing', async () => {
    rt.clock.set('2026-03-02T09:00');
    const r = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: { ...BIRTH_RECEIPT, accept: false },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    const noReason = await send(desk, id, { type: 'REQUEST_SUPPLEMENT' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toMatchObject({
      code: 'reason-required',
      details: { field: 'note' },
    });
    expect(
      (await send(desk, id, { type: 'REQUEST_SUPPLEMENT', note: 'Thiếu giấy chứng sinh' })).status,
    ).toBe(200);

    const bad = await send(desk, id, {
      type: 'SUPPLEMENT',
      data: { ngaySinh: 'không phải ngày', hoTenTre: 'Nguyễn Văn Bình' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('event-data-invalid');
    expect(bad.body.error.details.problems.map((p: { path: string }) => p.path)).toEqual([
      '/data/ngaySinh',
    ]);
    const view = await rt.call('GET', `/api/dossiers/${id}`, { token: desk });
    expect(view.body.data).toEqual(BIRTH_DATA);
    expect(view.body.version).toBe(2);

    const good = await send(desk, id, {
      type: 'SUPPLEMENT',
      data: { hoTenTre: 'Nguyễn Văn Bình' },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    const after = await rt.call('GET', `/api/dossiers/${id}`, { token: desk });
    expect(after.body.data).toEqual({ ...BIRTH_DATA, hoTenTre: 'Nguyễn Văn Bình' });
  });

  it('refuses a refusal without a reason; the reason is on the slip and in the history', async () => {
    rt.clock.set('2026-03-02T09:30');
    const r = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    const missing = await send(justice, id, { type: 'REFUSE', note: '  ' });

    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('reason-required');
    const refused = await send(justice, id, {
      type: 'REFUSE',
      note: 'Giấy chứng sinh không hợp lệ',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    const slips = await rt.database.db
      .selectFrom('slips')
      .select(['kind', 'reason'])
      .where('dossier_id', '=', id)
      .orderBy('issued_at')
      .execute();
    expect(slips).toContainEqual({ kind: 'refusal', reason: 'Giấy chứng sinh không hợp lệ' });
    const view = await rt.call('GET', `/api/dossiers/${id}`, { token: justice });
    const last = view.body.history.at(-1);
    expect(JSON.stringify(last)).toContain('Giấy chứng sinh không hợp lệ');
  });

  it('lets the receiving desk enter a withdrawal while another unit holds the dossier', async () => {
    rt.clock.set('2026-03-02T10:00');
    const r = await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT });
    expect(r.body.state).toBe('thamTra');
    const withdrawn = await send(desk, r.body.id, { type: 'WITHDRAW' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'done', outcome: 'withdrawn' });
  });
});
