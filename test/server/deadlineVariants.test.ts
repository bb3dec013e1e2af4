import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, startDossier } from '../../engine/index.ts';
import { activeSteps } from '../../server/http/dossierView.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { loadProcedure, mutate } from '../support/procedures.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/** The marital status certificate: 3 working days, +3 when a former residence must verify. */
const RECEIPT = {
  procedureId: 'xac-nhan-tinh-trang-hon-nhan',
  applicant: { name: 'Trần Thị Mai', idNumber: '034197001122' },
  channel: 'desk',
  documents: ['toKhai', 'giayToTuyThan'],
  data: {
    hoTen: 'Trần Thị Mai',
    ngaySinh: '1997-07-21',
    gioiTinh: 'Nữ',
    soDinhDanh: '034197001122',
    noiCuTru: 'Phường Hoàn Kiếm, Hà Nội',
    tinhTrangHonNhan: 'Chưa đăng ký kết hôn với ai',
    mucDichSuDung: 'Đăng ký kết hôn',
    hoTenNguoiDuDinhKetHon: 'Đỗ Minh Quân',
    soDienThoai: '+84987654321',
  },
};

describe.each(dialects)('lawful extensions on %s', (dialect) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect);
  });
  afterAll(async () => rt?.dispose());

  it('a verification extends the legal deadline: a new appointment slip, on time on day 6', async () => {
    rt.clock.set('2026-03-11T09:45');
    let token = await rt.login('admin');
    const r = await rt.call('POST', '/api/dossiers', { token, body: RECEIPT });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const { id, code, secret } = r.body as { id: string; code: string; secret: string };
    const send = async (type: string, at: string, note?: string) => {
      rt.clock.set(at);
      token = await rt.login('admin');
      const e = await rt.call('POST', `/api/dossiers/${id}/events`, {
        token,
        body: { type, ...(note ? { note } : {}) },
      });
      expect(e.status, JSON.stringify(e.body)).toBe(200);
      return e.body;
    };
    const view = await rt.call('GET', `/api/dossiers/${id}`, { token });
    if (view.body.state === 'tiepNhan') await send('ACCEPT', '2026-03-11T10:00');
    const accepted = await rt.call('GET', `/api/dossiers/${id}`, { token });
    expect(accepted.body.appointmentDate).toBe('2026-03-16T10:00:00.000Z');
    expect(accepted.body.deadline).toEqual({
      legal: { workingDays: 3 },
      variant: null,
      lawfulExtensions: [],
    });

    // Without a reason the request is refused (the event requires one).
    rt.clock.set('2026-03-12T10:00');
    token = await rt.login('admin');
    const bare = await rt.call('POST', `/api/dossiers/${id}/events`, {
      token,
      body: { type: 'YEU_CAU_XAC_MINH' },
    });
    expect(bare.status).toBe(422);
    await send('YEU_CAU_XAC_MINH', '2026-03-12T10:00', 'Đã thường trú tại xã khác');

    const extended = await rt.call('GET', `/api/dossiers/${id}`, { token });
    expect(extended.body.appointmentDate).toBe('2026-03-19T10:00:00.000Z');
    expect(extended.body.clock.originalDue).toBe('2026-03-19T10:00:00.000Z');
    expect(extended.body.deadline.lawfulExtensions).toEqual([
      expect.objectContaining({
        id: 'xacMinhNoiCuTru',
        name: expect.objectContaining({ vi: 'Xác minh tại nơi cư trú trước đây' }),
        by: { workingDays: 3 },
        from: '2026-03-16T10:00:00.000Z',
        to: '2026-03-19T10:00:00.000Z',
      }),
    ]);
    const slip = extended.body.slips.find((s: { kind: string }) => s.kind === 'reappointment');
    expect(slip).toMatchObject({
      due: '2026-03-19T10:00:00.000Z',
      reason: 'Gia hạn theo luật định: Xác minh tại nơi cư trú trước đây',
    });
    const pdf = await rt.call('GET', `/api/dossiers/${id}/pdf/reappointment`, { token });
    expect(pdf.status).toBe(200);

    // The citizen sees the current step with its due time and the extension.
    const lookup = await rt.call(
      'GET',
      `/api/public/dossiers/${code}?secret=${encodeURIComponent(secret)}`,
    );
    expect(lookup.status, JSON.stringify(lookup.body)).toBe(200);
    expect(lookup.body.appointmentDate).toBe('2026-03-19T10:00:00.000Z');
    expect(lookup.body.waitingFor).toBeNull();
    expect(lookup.body.steps).toEqual([
      {
        name: expect.objectContaining({ vi: 'Chờ nơi cư trú trước đây xác minh, trình ký' }),
        due: '2026-03-17T03:00:00.000Z',
      },
    ]);
    expect(lookup.body.deadline.lawfulExtensions).toHaveLength(1);

    await send('PROPOSE', '2026-03-17T15:00');
    await send('SIGN', '2026-03-18T09:00');
    await send('ISSUE', '2026-03-18T14:00');
    const done = await send('RETURN_RESULT', '2026-03-19T10:00');
    expect(done.status).toBe('done');

    // Resolved on day 6 of its lawful 6: on time in the statistics, not late.
    const report = await rt.call('GET', '/api/reports/summary?from=2026-03-01&to=2026-03-31', {
      token,
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.total).toMatchObject({ resolved: 1, onTime: 1, late: 0 });
  });
});

describe('a waiting step with a timer', () => {
  it('is due when its timer fires (API `due`, the dossier page, the lookup)', () => {
    const permit = mutate(loadProcedure('cap-giay-phep-xay-dung-nha-o'), (d) => {
      d.events = { ...d.events, PAID: { name: { vi: 'Đã nộp lệ phí' } } };
      d.delays = { hanNopPhi: { workingDays: 10 } };
      d.machine.states.thamDinh.on.REQUEST_SUPPLEMENT = {
        target: 'choNopPhi',
        actions: [{ type: 'issueSlip', params: { slip: 'supplementRequest' } }],
      };
      d.machine.states.choNopPhi = {
        meta: { name: { vi: 'Chờ nộp lệ phí' }, clock: 'paused', pause: 'payment' },
        on: { PAID: { target: 'thamDinh' } },
        after: { hanNopPhi: { target: 'tuChoi', name: { vi: 'Quá hạn nộp lệ phí' } } },
      };
    });
    const vn = (local: string) => new Date(`${local}+07:00`);
    let s = startDossier(permit, { data: {} }, vn('2026-03-09T08:45')).snapshot;
    s = applyEvent(permit, s, { type: 'ACCEPT' }, vn('2026-03-09T09:00')).snapshot;
    s = applyEvent(
      permit,
      s,
      { type: 'REQUEST_SUPPLEMENT', note: 'Nộp lệ phí cấp phép' },
      vn('2026-03-10T09:00'),
    ).snapshot;
    const [step] = activeSteps(permit, s);
    // Ten working days from Tue 10 March 09:00: Tue 24 March 09:00.
    expect(step).toMatchObject({
      id: `${permit.machine.id}.choNopPhi`,
      due: '2026-03-24T02:00:00.000Z',
      timerAt: '2026-03-24T02:00:00.000Z',
    });
  });
});
