import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../engine/index.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

/**
 * A reception the desk got wrong is refused field by field, in Vietnamese, with the path of the
 * field so that the desk can show the message beside it. SQLite only: no database is reached.
 */
describe('reception body validation', () => {
  let rt: TestRuntime;
  let desk: string;
  beforeAll(async () => {
    rt = await startTestRuntime('sqlite');
    desk = await rt.login('mot-cua-xa');
  });
  afterAll(async () => rt?.dispose());

  const receive = (applicant: Record<string, unknown>) =>
    rt.call('POST', '/api/dossiers', {
      token: desk,
      body: { ...BIRTH_RECEIPT, applicant: { ...BIRTH_RECEIPT.applicant, ...applicant } },
    });
  const problems = (body: unknown) =>
    (body as { error: { details: { problems: { path: string; message: string }[] } } }).error
      .details.problems;

  it('names a 5,000-character applicant name in Vietnamese on /applicant/name', async () => {
    const r = await receive({ name: 'A'.repeat(5000) });
    expect(r.status).toBe(422);
    expect(problems(r.body)).toEqual([
      { path: '/applicant/name', message: 'Họ và tên nhiều nhất 200 ký tự.' },
    ]);
  });

  it('refuses a birth date after today on /data/ngaySinh, as the form declares (x-maxDate)', async () => {
    const later = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: { ...BIRTH_RECEIPT, data: { ...BIRTH_RECEIPT.data, ngaySinh: '2999-01-01' } },
    });
    expect(later.status).toBe(422);
    expect(problems(later.body)).toEqual([
      {
        path: '/data/ngaySinh',
        message: 'Ngày không được sau ngày hôm nay.',
        keyword: 'x-maxDate',
      },
    ]);
    const today = vietnamDate(rt.clock.now());
    expect(today).toBe('2026-03-02');
    const born = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: { ...BIRTH_RECEIPT, data: { ...BIRTH_RECEIPT.data, ngaySinh: today } },
    });
    expect(born.status).toBe(201);
  });

  it('names a bad ID number, phone, email and address each on its own field', async () => {
    const r = await receive({
      name: '   ',
      idNumber: '123',
      phone: '12345',
      email: 'not-an-email',
      address: 'x'.repeat(501),
    });
    expect(r.status).toBe(422);
    expect(Object.fromEntries(problems(r.body).map((p) => [p.path, p.message]))).toEqual({
      '/applicant/name': 'Nhập họ và tên người nộp.',
      '/applicant/idNumber': 'Số định danh gồm 12 chữ số.',
      '/applicant/phone': 'Số điện thoại Việt Nam, ví dụ 0912345678.',
      '/applicant/email': 'Địa chỉ thư điện tử không hợp lệ.',
      '/applicant/address': 'Địa chỉ nhiều nhất 500 ký tự.',
    });
  });
});
