import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { replayDossier, storedSnapshot } from '../support/replay.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

describe.each(dialects)('dossier runtime on %s', (dialect) => {
  let rt: TestRuntime;
  let desk: string;
  let justice: string;
  let chair: string;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
    const tokens = await Promise.all(
      ['mot-cua-xa', 'tu-phap-xa', 'ubnd-xa', 'admin'].map((u) => rt.login(u)),
    );
    [desk, justice, chair, admin] = tokens as [string, string, string, string];
  });
  afterAll(async () => rt?.dispose());

  const receive = async (body: unknown = BIRTH_RECEIPT, headers?: Record<string, string>) =>
    rt.call('POST', '/api/dossiers', { token: desk, body, ...(headers ? { headers } : {}) });
  const send = (token: string, id: string, body: unknown, headers?: Record<string, string>) =>
    rt.call('POST', `/api/dossiers/${id}/events`, { token, body, ...(headers ? { headers } : {}) });

  it('walks a birth registration from the desk to the result, with the control slip and the citizen lookup', async () => {
    rt.clock.set('2026-03-02T09:00');
    const r = await receive();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      state: 'thamTra',
      version: 2,
      appointmentDate: '2026-03-02T10:00:00.000Z',
    });
    expect(r.body.code).toMatch(/^X01\.01-260302-\d{4}$/);
    expect(r.body.secret).toMatch(/^[A-Z2-9]{10}$/);
    const id = r.body.id as string;
    rt.clock.set('2026-03-02T09:30');
    expect((await send(justice, id, { type: 'PROPOSE' })).body).toMatchObject({
      state: 'kyDuyet',
      version: 3,
    });
    rt.clock.set('2026-03-02T10:00');
    expect((await send(chair, id, { type: 'SIGN' })).status).toBe(200);
    rt.clock.set('2026-03-02T16:59');
    const done = await send(desk, id, { type: 'RETURN_RESULT' });
    expect(done.body).toMatchObject({
      status: 'done',
      outcome: 'approved',
      timeliness: 'on-time',
      version: 5,
    });

    const view = await rt.call('GET', `/api/dossiers/${id}`, { token: chair });
    expect(view.status).toBe(200);
    expect(view.body.history.map((e: { type: string }) => e.type)).toEqual([
      'motcua.received',
      'ACCEPT',
      'PROPOSE',
      'SIGN',
      'RETURN_RESULT',
    ]);
    expect(
      view.body.controlSlip.map((s: { unit: string; late: boolean }) => [s.unit, s.late]),
    ).toEqual([
      ['mot-cua-xa', false],
      ['tu-phap-xa', false],
      ['ubnd-xa', false],
      ['mot-cua-xa', true],
    ]);
    expect(view.body.slips.map((s: { kind: string }) => s.kind)).toEqual(['receipt', 'result']);
    expect(view.body.availableEvents).toEqual([]);

    const lookup = await rt.call(
      'GET',
      `/api/public/dossiers/${r.body.code}?secret=${r.body.secret}`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      code: r.body.code,
      status: { vi: 'Đã có kết quả' },
      appointmentDate: '2026-03-02T10:00:00.000Z',
    });
    expect(Object.keys(lookup.body).sort()).toEqual([
      'appointmentDate',
      'awaitingPayment',
      'canRate',
      'code',
      'completedAt',
      'currentSteps',
      'deadline',
      'procedure',
      'rated',
      'receivedAt',
      'status',
      'steps',
      'waitingFor',
    ]);
  });

  it('accepts a step event only from its unit and role; an admin override is logged', async () => {
    const { body } = await receive();
    const wrongUnit = await send(desk, body.id, { type: 'PROPOSE' });
    expect(wrongUnit.status).toBe(403);
    expect(wrongUnit.body.error.code).toBe('forbidden');
    const anonymous = await rt.call('POST', `/api/dossiers/${body.id}/events`, {
      body: { type: 'PROPOSE' },
    });
    expect(anonymous.status).toBe(401);
    const override = await send(admin, body.id, { type: 'PROPOSE' });
    expect(override.body).toMatchObject({ override: true, state: 'kyDuyet' });
    const view = await rt.call('GET', `/api/dossiers/${body.id}`, { token: admin });
    expect(view.body.history.at(-1)).toMatchObject({ type: 'PROPOSE', override: true });
  });

  it('answers 409 for an event the state does not accept (listing the accepted ones) and for a stale version', async () => {
    const { body } = await receive();
    const wrong = await send(chair, body.id, { type: 'SIGN' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({
      code: 'event-not-accepted',
      details: { state: 'thamTra', accepted: ['PROPOSE', 'REFUSE', 'WITHDRAW'] },
    });
    const stale = await send(justice, body.id, { type: 'PROPOSE', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version-conflict');
    expect((await send(justice, body.id, { type: 'PROPOSE', expectedVersion: 2 })).status).toBe(
      200,
    );
  });

  it('returns the first answer to a retried request with the same Idempotency-Key, applying it once', async () => {
    const key = { 'idempotency-key': `receive-${dialect}-1` };
    const first = await receive(BIRTH_RECEIPT, key);
    const again = await receive(BIRTH_RECEIPT, key);
    expect(again).toEqual(first);
    const ev = { 'idempotency-key': `propose-${dialect}-1` };
    const a = await send(justice, first.body.id, { type: 'PROPOSE' }, ev);
    const b = await send(justice, first.body.id, { type: 'PROPOSE' }, ev);
    expect(b).toEqual(a);
    const view = await rt.call('GET', `/api/dossiers/${first.body.id}`, { token: justice });
    expect(view.body.history.filter((e: { type: string }) => e.type === 'PROPOSE')).toHaveLength(1);
    const reused = await receive({ ...BIRTH_RECEIPT, channel: 'online' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency-key-reused');
  });

  it('applies exactly the valid ones of 50 concurrent events on one dossier, with strictly increasing versions', async () => {
    const { body } = await receive();
    const types = Array.from({ length: 50 }, (_, i) =>
      i % 3 === 2 ? 'SIGN' : i % 2 === 0 ? 'PROPOSE' : 'SEND_BACK',
    );
    const answers = await Promise.all(
      types.map((type) => send(admin, body.id, { type, note: 'Lý do' })),
    );
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const applied = answers.filter((a) => a.status === 200);
    const versions = applied.map((a) => a.body.version as number).sort((x, y) => x - y);
    expect(new Set(versions).size).toBe(versions.length);
    const view = await rt.call('GET', `/api/dossiers/${body.id}`, { token: admin });
    const seqs = view.body.history.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBe(2 + applied.length);
    expect(view.body.version).toBe(seqs.length);
    // The stored snapshot is the replay of the log.
    expect(await replayDossier(rt.deps.db, rt.deps.calendar, body.id)).toEqual(
      await storedSnapshot(rt.deps.db, body.id),
    );
  });

  it('issues unique dossier codes under concurrent receptions', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => receive()));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const codes = answers.map((a) => a.body.code as string);
    expect(new Set(codes).size).toBe(30);
  });

  it('tells a citizen with a wrong secret nothing, and never limits successful lookups', async () => {
    const { body } = await receive();
    const wrongSecret = await rt.call(
      'GET',
      `/api/public/dossiers/${body.code}?secret=AAAAAAAAAA`,
      { headers: { 'x-forwarded-for': '10.9.9.1' } },
    );
    const wrongCode = await rt.call(
      'GET',
      `/api/public/dossiers/X01.01-000000-9999?secret=${body.secret}`,
      { headers: { 'x-forwarded-for': '10.9.9.1' } },
    );
    expect(wrongSecret.status).toBe(404);
    expect(wrongSecret).toEqual(wrongCode);
    const many = [];
    for (let i = 0; i < 25; i++)
      many.push(
        await rt.call('GET', `/api/public/dossiers/${body.code}?secret=${body.secret}`, {
          headers: { 'x-forwarded-for': '10.9.9.2' },
        }),
      );
    // Successes are never counted: a citizen may look up as often as they like.
    expect(many.every((r) => r.status === 200)).toBe(true);
  });

  it('fires due timers once, from the database, and notifies the unit', async () => {
    rt.clock.set('2026-03-03T09:00');
    // Sessions last 12 hours: yesterday's tokens are dead.
    expect((await receive()).status).toBe(401);
    desk = await rt.login('mot-cua-xa');
    justice = await rt.login('tu-phap-xa');
    const { body } = await receive();
    rt.clock.set('2026-03-03T18:00'); // past the 17:00 appointment
    await rt.scheduler.tick();
    await rt.scheduler.tick();
    const events = await rt.deps.db
      .selectFrom('dossier_events')
      .select('type')
      .where('dossier_id', '=', body.id)
      .execute();
    expect(events.filter((e) => e.type === 'motcua.dossierOverdue')).toHaveLength(1);
    const notes = await rt.deps.db
      .selectFrom('outbox')
      .select(['audience', 'unit_id'])
      .where('dossier_id', '=', body.id)
      .execute();
    expect(notes).toContainEqual({ audience: 'unit', unit_id: 'tu-phap-xa' });
    const overdue = await rt.call('GET', '/api/dossiers?overdue=true&unit=tu-phap-xa', {
      token: justice,
    });
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(body.id);
    expect(overdue.body.items.find((i: { id: string }) => i.id === body.id).timeliness).toBe(
      'overdue',
    );
  });
});
