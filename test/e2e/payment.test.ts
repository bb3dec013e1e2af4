import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProcedure } from '../../engine/index.ts';
import { signWebhook } from '../../server/payments/webhookSignature.ts';
import { paidPermit, PERMIT_RECEIPT } from '../support/paidPermit.ts';
import { TestClock } from '../support/runtime.ts';
import { seriousViolations, scrollsSideways } from './axe.ts';
import { browserSuite, signIn, SHOTS } from './browserSuite.ts';

/**
 * A fee paid by VietQR on a phone (390×844), in Chromium against the real server: a building
 * permit waits for its fee (computed from the floor area); the citizen looks it up, sees the
 * amount and the QR code; a fake payment provider calls the signed webhook; the dossier resumes,
 * the citizen downloads the receipt, and — once the result is out — rates the service.
 */

const WEBHOOK_SECRET = 'whsec-e2e-0123456789abcdef';
const PHONE = { width: 390, height: 844 };
const clock = new TestClock(Date.parse('2026-03-09T09:00:00+07:00'));
const suite = browserSuite('payment', {
  now: clock.now,
  extra: { [`${paidPermit.id}.json`]: formatProcedure(paidPermit) },
  env: {
    PAYMENT_BANK_BIN: '970415',
    PAYMENT_ACCOUNT_NUMBER: '113366668888',
    PAYMENT_ACCOUNT_NAME: 'UBND XA PHU DONG',
    PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET,
  },
});

async function api(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const r = await fetch(suite.server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

describe('paying a fee by VietQR on a phone', { timeout: 180_000 }, () => {
  it('shows the QR, resumes on the provider’s webhook, gives the receipt, then takes the rating', async () => {
    const login = await api('POST', '/api/auth/login', { username: 'admin', password: 'motcua' });
    const auth = { authorization: `Bearer ${login.body.token}` };
    const received = await api('POST', '/api/dossiers', { ...PERMIT_RECEIPT, accept: true }, auth);
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    const { id, code, secret } = received.body as { id: string; code: string; secret: string };
    const paused = await api(
      'POST',
      `/api/dossiers/${id}/events`,
      { type: 'REQUEST_PAYMENT' },
      auth,
    );
    expect(paused.body.state).toBe('choNopPhi');

    // The citizen looks the dossier up on a phone.
    const page = await suite.page({
      path: `/tra-cuu?code=${encodeURIComponent(code)}`,
      viewport: PHONE,
    });
    await page.getByLabel('Mã bí mật').fill(secret);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: 'Chờ thực hiện nghĩa vụ tài chính' }).waitFor();
    const fees = page.getByRole('region', { name: 'Phí, lệ phí' });
    await fees.getByRole('heading', { name: 'Chuyển khoản bằng mã VietQR' }).waitFor();
    const qr = fees.getByRole('img', { name: /^Mã VietQR chuyển khoản 75\.000/ });
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    expect(await fees.textContent()).toContain('113366668888');
    expect(await fees.textContent()).toContain('Tổng diện tích sàn xây dựng (m²) = 240 (bậc 2');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await suite.shot(page, '1-vietqr-phone');

    // The fake provider reports the transfer, signed.
    const raw = JSON.stringify({
      transactionId: 'FT26068123456',
      dossierCode: code,
      amountVnd: 75000,
      paidAt: new Date(clock.now()).toISOString(),
      provider: 'fakebank',
    });
    const ts = String(Math.floor(clock.now() / 1000));
    const hook = await api('POST', '/api/public/payments/webhook', raw, {
      'x-motcua-timestamp': ts,
      'x-motcua-signature': signWebhook(WEBHOOK_SECRET, ts, raw),
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(200);
    expect(hook.body).toMatchObject({ status: 'recorded', resumed: true });

    await fees.getByRole('button', { name: 'Tôi đã chuyển khoản — cập nhật' }).click();
    const receipt = fees.getByRole('link', { name: `Tải biên lai ${hook.body.receiptNo} (PDF)` });
    await receipt.waitFor();
    expect(await qr.count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), receipt.click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.locator('.lookup-status').textContent()).toBe('Đang giải quyết');
    expect(await seriousViolations(page)).toEqual([]);
    await suite.shot(page, '2-paid-phone');

    // The dossier runs to its result; the citizen rates the service once.
    for (let i = 0; i < 12; i++) {
      const view = await api('GET', `/api/dossiers/${id}`, undefined, auth);
      if (view.body.status === 'done') break;
      const next = (view.body.availableEvents as { type: string }[]).find(
        (e) =>
          !['REFUSE', 'SEND_BACK', 'REQUEST_SUPPLEMENT', 'EXTEND', 'STOP', 'WITHDRAW'].includes(
            e.type,
          ) && e.type !== 'REQUEST_PAYMENT',
      )!;
      const sent = await api('POST', `/api/dossiers/${id}/events`, { type: next.type }, auth);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    await rating.waitFor();
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Hãy chọn mức đánh giá cho cả ba tiêu chí.').waitFor();
    for (const [group, score] of [
      ['Thái độ phục vụ của cán bộ', 'Rất hài lòng'],
      ['Thời gian giải quyết so với giấy hẹn', 'Hài lòng'],
      ['Hướng dẫn, thông tin rõ ràng, dễ hiểu', 'Hài lòng'],
    ] as const)
      await rating.getByRole('group', { name: group }).getByLabel(score, { exact: true }).check();
    await rating.getByLabel('Góp ý thêm (không bắt buộc)').fill('Nộp phí bằng mã QR rất nhanh.');
    expect(await seriousViolations(page)).toEqual([]);
    await suite.shot(page, '3-rating-phone');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Cảm ơn Ông/Bà đã đánh giá.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await suite.shot(page, '4-rated-phone');

    // The statistics page shows the rating, by unit and by procedure.
    const office = await suite.page();
    await office.clock.install({ time: clock.now() });
    await office.reload();
    await signIn(office, 'admin');
    await office.goto(`${suite.server.url}/reports`);
    const card = office.getByRole('region', { name: 'Mức độ hài lòng của người dân' });
    await card.getByRole('rowheader', { name: paidPermit.name.vi }).waitFor();
    const total = card.getByRole('row', { name: /^Tổng cộng/ });
    expect(await total.textContent()).toContain('1/1 (100 %)');
    expect(await seriousViolations(office)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(SHOTS, 'payment-6-satisfaction-report.png') });
  });

  it('shows the desk the fee due and lets it record a payment at the counter', async () => {
    const login = await api('POST', '/api/auth/login', { username: 'admin', password: 'motcua' });
    const auth = { authorization: `Bearer ${login.body.token}` };
    const received = await api('POST', '/api/dossiers', { ...PERMIT_RECEIPT, accept: true }, auth);
    const id = received.body.id as string;
    await api('POST', `/api/dossiers/${id}/events`, { type: 'REQUEST_PAYMENT' }, auth);

    const page = await suite.page();
    await signIn(page, 'mot-cua-xa');
    await page.goto(`${suite.server.url}/dossiers/${id}`);
    const panel = page.getByRole('region', { name: 'Phí, lệ phí' });
    await panel.getByRole('heading', { name: 'Ghi nhận đã nộp' }).waitFor();
    expect(await panel.getByLabel('Số tiền đã nộp (đồng)').inputValue()).toBe('75000');
    expect(await seriousViolations(page)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SHOTS, 'payment-5-desk-fee.png') });
    await panel.getByRole('button', { name: 'Ghi nhận và tiếp tục xử lý' }).click();
    await panel.getByText(/^Đã ghi nhận, biên lai số BL-/).waitFor();
    await panel.getByRole('link', { name: /^Tải biên lai BL-/ }).waitFor();
    const view = await api('GET', `/api/dossiers/${id}`, undefined, auth);
    expect(view.body.state).toBe('thamDinh');
  });
});
