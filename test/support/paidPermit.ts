import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProcedure } from '../../engine/index.ts';
import { loadProcedure, mutate, PROCEDURES_DIR } from './procedures.ts';

/** The building permit with a fee in tiers of floor area and a wait for it (pause: payment). */
export const paidPermit = mutate(loadProcedure('cap-giay-phep-xay-dung-nha-o'), (d) => {
  d.fees = [
    {
      name: { vi: 'Lệ phí cấp giấy phép xây dựng', en: 'Permit fee' },
      amountVnd: 50000,
      compute: {
        kind: 'tiers',
        field: 'dienTichSan',
        tiers: [
          { upTo: 100, amountVnd: 50000 },
          { upTo: 300, amountVnd: 75000 },
          { amountVnd: 150000 },
        ],
      },
    },
  ];
  d.events = {
    ...d.events,
    REQUEST_PAYMENT: { name: { vi: 'Thông báo nộp lệ phí' } },
    PAID: { name: { vi: 'Đã nộp lệ phí' } },
  };
  d.machine.states.thamDinh.on.REQUEST_PAYMENT = {
    target: 'choNopPhi',
    actions: [
      {
        type: 'notifyApplicant',
        params: {
          message: {
            vi: 'Đề nghị nộp lệ phí cấp giấy phép xây dựng để tiếp tục giải quyết hồ sơ.',
            en: 'Please pay the permit fee so that the dossier can go on.',
          },
        },
      },
    ],
  };
  d.machine.states.choNopPhi = {
    meta: {
      name: { vi: 'Chờ nộp lệ phí', en: 'Waiting for the fee' },
      unit: 'cong-dan',
      role: 'applicant',
      duration: { workingDays: 10 },
      clock: 'paused',
      pause: 'payment',
    },
    on: { PAID: { target: 'thamDinh' } },
  };
});

export const PERMIT_RECEIPT = {
  procedureId: paidPermit.id,
  applicant: { name: 'Trịnh Văn Long', idNumber: '001082334455', email: 'long@example.vn' },
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

/** A procedure library with the paid permit. */
export function paidPermitLibrary(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'motcua-pay-')), 'procedures');
  cpSync(PROCEDURES_DIR, dir, { recursive: true });
  writeFileSync(join(dir, `${paidPermit.id}.json`), formatProcedure(paidPermit));
  return dir;
}
