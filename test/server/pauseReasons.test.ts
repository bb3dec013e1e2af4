import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProcedure } from '../../engine/index.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { loadProcedure, mutate, PROCEDURES_DIR } from '../support/procedures.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();

/** The building permit with a wait for the fee (pause reason: payment). */
const permit = mutate(loadProcedure('cap-giay-phep-xay-dung-nha-o'), (d) => {
  d.events = {
    ...d.events,
    REQUEST_PAYMENT: { name: { vi: 'Thông báo nộp lệ phí' } },
    PAID: { name: { vi: 'Đã nộp lệ phí' } },
  };
  d.machine.states.thamDinh.on.REQUEST_PAYMENT = { target: 'choNopPhi' };
  d.machine.states.choNopPhi = {
    meta: {
      name: { vi: 'Chờ nộp lệ phí' },
      unit: 'cong-dan',
      role: 'applicant',
      duration: { workingDays: 10 },
      clock: 'paused',
      pause: 'payment',
    },
    on: { PAID: { target: 'thamDinh' } },
  };
});

const RECEIPT = {
  procedureId: permit.id,
  applicant: { name: 'Trịnh Văn Long', idNumber: '001082334455' },
  channel: 'desk',
  documents: ['donDeNghi'],
  data: {
    hoTenChuDauTu: 'Trịnh Văn Long',
    soDinhDanh: '001082334455',
    soDienThoai: '0904111222',
    diaDiemXayDung: 'Thửa 125, tờ bản đồ 08, thôn Đoài, xã Phù Đổng',
    soThuaDat: '125',
    soToBanDo: '08',
    dienTichLoDat: 96.5,
    dienTichXayDungTang1: 80,
    dienTichSan: 240,
    soTang: 3,
    chieuCao: 11.8,
  },
};

describe.each(dialects)('pauses by reason on %s', (dialect) => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'motcua-pause-')), 'procedures');
    cpSync(PROCEDURES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, `${permit.id}.json`), formatProcedure(permit));
    rt = await startTestRuntime(dialect, { proceduresDir: dir });
  });
  afterAll(async () => rt?.dispose());

  it('reads "Chờ thực hiện nghĩa vụ tài chính", is neither overdue nor awaiting a supplement, and resumes by whole days', async () => {
    rt.clock.set('2026-03-09T09:00');
    admin = await rt.login('admin');
    const r = await rt.call('POST', '/api/dossiers', { token: admin, body: RECEIPT });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    expect(r.body.appointmentDate).toBe('2026-03-30T10:00:00.000Z');
    // Move to the appraisal step, then wait for the fee.
    const states: string[] = [];
    for (const type of ['FORWARD', 'REQUEST_PAYMENT']) {
      const view = await rt.call('GET', `/api/dossiers/${id}`, { token: admin });
      if (type === 'FORWARD' && view.body.state === 'thamDinh') continue;
      const e = await rt.call('POST', `/api/dossiers/${id}/events`, {
        token: admin,
        body: { type },
      });
      expect(e.status, JSON.stringify(e.body)).toBe(200);
      states.push(e.body.state);
    }
    expect(states.at(-1)).toBe('choNopPhi');
    const waiting = await rt.call('GET', `/api/dossiers/${id}`, { token: admin });
    expect(waiting.body.statusText).toEqual({
      vi: 'Chờ thực hiện nghĩa vụ tài chính',
      en: 'Waiting for the financial obligation to be paid',
    });
    const row = await rt.database.db
      .selectFrom('dossiers')
      .select('awaiting_supplement')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.awaiting_supplement)).toBe(2);

    // Long after the appointment: still not overdue, and not awaiting a supplement.
    rt.clock.set('2026-04-15T09:00');
    const token = await rt.login('admin');
    const report = await rt.call('GET', '/api/reports/summary?from=2026-03-01&to=2026-04-15', {
      token,
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.total).toMatchObject({ inProgress: 1, overdue: 0, awaitingSupplement: 0 });

    const paid = await rt.call('POST', `/api/dossiers/${id}/events`, {
      token,
      body: { type: 'PAID' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    // Paused Mon 9 March, paid Wed 15 April: the wait reached 27 working days after 9 March;
    // from Mon 30 March 17:00 past the days off of 27 and 30 April and 1 May: Mon 11 May 17:00.
    expect(paid.body.appointmentDate).toBe('2026-05-11T10:00:00.000Z');
  });
});
