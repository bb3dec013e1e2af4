import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureGraph } from '../../engine/index.ts';
import {
  fillTemplate,
  renderResult,
  unknownPlaceholders,
  type ResultValues,
} from '../../server/pdf/resultPdf.ts';
import { loadProcedure, procedureIds } from '../support/procedures.ts';

const withTemplates = procedureIds()
  .map(loadProcedure)
  .filter((p) => p.resultDocument);

const LAND = {
  hoTen: 'Phạm Thị Hoa',
  ngaySinh: '1980-05-01',
  soDinhDanh: '001180012345',
  diaChiThuongTru: 'Thôn 3, xã Yên Sơn',
  soThuaDat: '125',
  soToBanDo: '12',
  diaChiThuaDat: 'Thôn Đồng Bụt, xã Yên Sơn',
  dienTich: 245.5,
  mucDichSuDung: 'Đất ở tại nông thôn',
  nguonGocSuDung: 'Nhận thừa kế',
  thoiDiemBatDauSuDung: '1998-01-01',
  coGiayToVeQuyenSuDungDat: true,
};

function values(id: string, data: Record<string, unknown>): ResultValues {
  return {
    procedure: loadProcedure(id),
    dossierCode: 'X01.01-260302-0007',
    data,
    applicant: { name: 'Phạm Thị Hoa' },
    receivedAt: Date.parse('2026-03-02T08:00:00+07:00'),
    signedAt: Date.parse('2026-03-20T15:30:00+07:00'),
    unitName: 'Ủy ban nhân dân xã Yên Sơn',
    signerName: 'Lê Văn Chủ Tịch',
    verifyUrl: 'https://motcua.example.vn/xac-minh',
  };
}

describe('result templates of the procedure files', () => {
  it('exist for birth registration and the first land certificate', () => {
    expect(withTemplates.map((p) => p.id)).toEqual(
      expect.arrayContaining(['dang-ky-khai-sinh', 'cap-gcn-quyen-su-dung-dat-lan-dau']),
    );
  });

  it.each(withTemplates.map((p) => [p.id, p] as const))(
    '%s: names only known fields, and signs on an event of its machine',
    (_, p) => {
      const t = p.resultDocument!;
      const texts = [
        ...(t.preamble ?? []).map((x) => x.vi),
        ...t.fields.map((f) => f.value),
        ...(t.closing ?? []).map((x) => x.vi),
      ];
      expect(texts.flatMap((x) => unknownPlaceholders(x, p))).toEqual([]);
      const events = [...procedureGraph(p).byId.values()].flatMap((n) =>
        Object.keys(n.config.on ?? {}),
      );
      expect(events).toContain(t.signedOn);
    },
  );

  it('fills values the Vietnamese way: dates day first, numbers with a comma, "—" when missing', () => {
    const v = values('cap-gcn-quyen-su-dung-dat-lan-dau', LAND);
    expect(fillTemplate('{data.ngaySinh}', v)).toBe('01/05/1980');
    expect(fillTemplate('{data.dienTich} m²', v)).toBe('245,5 m²');
    expect(fillTemplate('{data.coGiayToVeQuyenSuDungDat}', v)).toBe('Có');
    expect(fillTemplate('{data.deNghiGhiNo}', v)).toBe('—');
    expect(fillTemplate('{dossier.signedAt} {dossier.code}', v)).toBe(
      '20/03/2026 X01.01-260302-0007',
    );
  });

  it('renders the land decision on A4 pages with its articles and the signer', async () => {
    const p = loadProcedure('cap-gcn-quyen-su-dung-dat-lan-dau');
    const doc = await renderResult(p.resultDocument!, values(p.id, LAND));
    const dir = join(process.cwd(), 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'pdf-land-decision.pdf');
    writeFileSync(file, await doc.save());
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Về việc công nhận quyền sử dụng đất');
    expect(text).toContain('Điều 1.');
    expect(text).toContain('Thôn Đồng Bụt, xã Yên Sơn');
    expect(text).toContain('Lê Văn Chủ Tịch');
    execFileSync('pdftoppm', ['-r', '70', '-png', file, join(dir, 'pdf-land-decision')]);
  });
});
