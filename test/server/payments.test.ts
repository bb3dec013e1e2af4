import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../server/payments/webhookSignature.ts';
import { crc16CcittFalse, vietQrPayload } from '../../server/payments/vietQr.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { paidPermit, paidPermitLibrary, PERMIT_RECEIPT } from '../support/paidPermit.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';

const dialects = await dialectsUnderTest();
const SECRET = 'whsec-test-0123456789abcdef';

describe('the VietQR payload', () => {
  it('computes the CRC of a known-good VietQR string', () => {
    // A published VietQR (120.000 đ to VietinBank account 0011001932418), CRC C15C.
    const known =
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(crc16CcittFalse(known.slice(0, -4))).toBe('C15C');
  });

  it('builds the same string field by field, and a static code without an amount', () => {
    const payload = vietQrPayload(
      { bankBin: '970415', accountNumber: '0011001932418', accountName: 'X' },
      { amountVnd: 120000, purpose: 'ủng hộ lũ lụt' },
    );
    expect(payload).toBe(
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
    );
    const fixed = vietQrPayload(
      { bankBin: '970415', accountNumber: '0011001932418', accountName: 'X' },
      { purpose: 'HS H01-01-260302-0001' },
    );
    expect(fixed.startsWith('000201010211')).toBe(true);
    expect(fixed).not.toContain('5406');
    expect(fixed.slice(-4)).toBe(crc16CcittFalse(fixed.slice(0, -4)));
  });
});

describe.each(dialects)('fees, payments and ratings on %s', (dialect) => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, {
      proceduresDir: paidPermitLibrary(),
      env: {
        PAYMENT_BANK_BIN: '970415',
        PAYMENT_ACCOUNT_NUMBER: '113366668888',
        PAYMENT_ACCOUNT_NAME: 'UBND XA PHU DONG',
        PAYMENT_WEBHOOK_SECRET: SECRET,
      },
    });
    rt.clock.set('2026-03-09T09:00');
    admin = await rt.login('admin');
  });
  afterAll(async () => rt?.dispose());

  /** A dossier received, accepted, and waiting for the fee. */
  async function awaitingFee(): Promise<{ id: string; code: string; secret: string }> {
    const r = await rt.call('POST', '/api/dossiers', {
      token: admin,
      body: { ...PERMIT_RECEIPT, accept: true },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const e = await rt.call('POST', `/api/dossiers/${r.body.id}/events`, {
      token: admin,
      body: { type: 'REQUEST_PAYMENT' },
    });
    expect(e.body.state, JSON.stringify(e.body)).toBe('choNopPhi');
    return { id: r.body.id, code: r.body.code, secret: r.body.secret };
  }

  /** A provider's signed call. */
  function webhook(body: unknown, options: { secret?: string; at?: number } = {}) {
    const raw = JSON.stringify(body);
    const ts = String(Math.floor((options.at ?? rt.clock.ms) / 1000));
    return rt.call('POST', '/api/public/payments/webhook', {
      body: raw,
      headers: {
        'x-motcua-timestamp': ts,
        'x-motcua-signature': signWebhook(options.secret ?? SECRET, ts, raw),
      },
    });
  }

  it('describes the payment, webhook and rating routes in the OpenAPI document', async () => {
    const doc = await rt.call('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/dossiers/{id}/payment',
        '/api/dossiers/{id}/payments',
        '/api/dossiers/{id}/payments/{paymentId}/receipt',
        '/api/public/dossiers/{code}/payment',
        '/api/public/dossiers/{code}/payments/{receiptNo}/receipt',
        '/api/public/payments/webhook',
        '/api/public/dossiers/{code}/rating',
        '/api/reports/satisfaction',
      ]),
    );
  });

  it('shows the desk and the citizen the fee computed from the form, and the VietQR transfer', async () => {
    const d = await awaitingFee();
    const desk = await rt.call('GET', `/api/dossiers/${d.id}/payment`, { token: admin });
    expect(desk.status, JSON.stringify(desk.body)).toBe(200);
    expect(desk.body).toMatchObject({
      waiting: true,
      paidEvent: 'PAID',
      dueVnd: 75000,
      fees: { totalVnd: 75000, complete: true },
    });
    expect(desk.body.fees.items[0].basis.vi).toBe(
      'Tổng diện tích sàn xây dựng (m²) = 240 (bậc 2: > 100, ≤ 300): 75.000 đ',
    );
    const citizen = await rt.call(
      'GET',
      `/api/public/dossiers/${encodeURIComponent(d.code)}/payment?secret=${d.secret}`,
    );
    expect(citizen.status).toBe(200);
    const payload: string = citizen.body.transfer.payload;
    expect(payload).toContain('0010A000000727');
    expect(payload).toContain('0006970415');
    expect(payload).toContain('0112113366668888');
    expect(payload).toContain('0208QRIBFTTA');
    expect(payload).toContain('5303704540575000');
    expect(payload).toContain('5802VN');
    expect(payload).toContain(citizen.body.transfer.purpose);
    expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)));
    expect(citizen.body.qrSvg).toMatch(/^<svg/);
    const wrong = await rt.call(
      'GET',
      `/api/public/dossiers/${encodeURIComponent(d.code)}/payment?secret=WRONGSECRET`,
    );
    expect(wrong.status).toBe(404);
  });

  it('lets the desk record a payment: the dossier resumes and the receipt is a PDF', async () => {
    const d = await awaitingFee();
    const officer = await rt.login('mot-cua-xa');
    const paid = await rt.call('POST', `/api/dossiers/${d.id}/payments`, {
      token: officer,
      body: { amountVnd: 75000, method: 'desk' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body).toMatchObject({ resumed: true, payment: { receiptNo: `BL-${d.code}-1` } });
    const view = await rt.call('GET', `/api/dossiers/${d.id}`, { token: admin });
    expect(view.body.state).toBe('thamDinh');
    const res = await rt.app.request(
      `/api/dossiers/${d.id}/payments/${paid.body.payment.id}/receipt`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const bad = await rt.call('POST', `/api/dossiers/${d.id}/payments`, {
      token: officer,
      body: { amountVnd: -5, method: 'cash' },
    });
    expect(bad.status).toBe(422);
  });

  it('refuses a webhook with a bad signature or an old timestamp, and records a transaction once', async () => {
    const d = await awaitingFee();
    const body = {
      transactionId: `FT${d.code}`,
      dossierCode: d.code,
      amountVnd: 75000,
      paidAt: new Date(rt.clock.ms).toISOString(),
      provider: 'fakebank',
    };
    const forged = await webhook(body, { secret: 'not-the-secret-at-all' });
    expect(forged.status).toBe(401);
    const unsigned = await rt.call('POST', '/api/public/payments/webhook', { body });
    expect(unsigned.status).toBe(401);
    // A captured call replayed ten minutes later: refused whatever its signature.
    const replayed = await webhook(body, { at: rt.clock.ms - 10 * 60_000 });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.details.reason).toBe('stale');
    let view = await rt.call('GET', `/api/dossiers/${d.id}`, { token: admin });
    expect(view.body.state).toBe('choNopPhi');

    const first = await webhook(body);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'recorded', resumed: true });
    const again = await webhook(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'duplicate', resumed: false });
    expect(again.body.receiptNo).toBe(first.body.receiptNo);
    const payments = await rt.database.db
      .selectFrom('payments')
      .select('id')
      .where('dossier_id', '=', d.id)
      .execute();
    expect(payments).toHaveLength(1);
    view = await rt.call('GET', `/api/dossiers/${d.id}`, { token: admin });
    expect(view.body.state).toBe('thamDinh');
    expect(view.body.history.some((h: { actor: string }) => h.actor === 'provider:fakebank')).toBe(
      true,
    );
    const malformed = await webhook({ ...body, amountVnd: 'lots' });
    expect(malformed.status).toBe(422);
    const unknown = await webhook({ ...body, transactionId: 'FT-other', dossierCode: 'NO-SUCH' });
    expect(unknown.status).toBe(404);
  });

  it('leaves the pause when a webhook pays less than due, and the citizen downloads the receipt', async () => {
    const d = await awaitingFee();
    const part = await webhook({
      transactionId: `PART-${d.code}`,
      dossierCode: d.code,
      amountVnd: 50000,
      paidAt: new Date(rt.clock.ms).toISOString(),
    });
    expect(part.body).toMatchObject({ status: 'recorded', resumed: false });
    const status = await rt.call('GET', `/api/dossiers/${d.id}/payment`, { token: admin });
    expect(status.body).toMatchObject({ waiting: true, paidVnd: 50000, dueVnd: 25000 });
    expect(status.body.transfer.amountVnd).toBe(25000);
    const res = await rt.app.request(
      `/api/public/dossiers/${encodeURIComponent(d.code)}/payments/${part.body.receiptNo}/receipt?secret=${d.secret}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('takes one rating per dossier, with the secret, only after the result; the report shows it', async () => {
    const r = await rt.call('POST', '/api/dossiers', {
      token: admin,
      body: { ...PERMIT_RECEIPT, accept: true },
    });
    const { id, code, secret } = r.body;
    const rating = { secret, attitude: 5, timeliness: 4, clarity: 4, comment: 'Cán bộ nhiệt tình' };
    const path = `/api/public/dossiers/${encodeURIComponent(code)}/rating`;
    const early = await rt.call('POST', path, { body: rating });
    expect(early.status).toBe(409);
    expect(early.body.error.details.reason).toBe('no-result');
    // Run the dossier to its result.
    for (let i = 0; i < 12; i++) {
      const view = await rt.call('GET', `/api/dossiers/${id}`, { token: admin });
      if (view.body.status === 'done') break;
      const next = (view.body.availableEvents as { type: string }[]).find(
        (e) =>
          !['REFUSE', 'SEND_BACK', 'REQUEST_SUPPLEMENT', 'EXTEND', 'STOP', 'WITHDRAW'].includes(
            e.type,
          ) && e.type !== 'REQUEST_PAYMENT',
      );
      expect(next, JSON.stringify(view.body.availableEvents)).toBeDefined();
      const e = await rt.call('POST', `/api/dossiers/${id}/events`, {
        token: admin,
        body: { type: next!.type },
      });
      expect(e.status, JSON.stringify(e.body)).toBe(200);
    }
    const lookup = await rt.call(
      'GET',
      `/api/public/dossiers/${encodeURIComponent(code)}?secret=${secret}`,
    );
    expect(lookup.body).toMatchObject({ canRate: true, rated: false });
    const noSecret = await rt.call('POST', path, { body: { ...rating, secret: 'WRONG' } });
    expect(noSecret.status).toBe(404);
    const outOfScale = await rt.call('POST', path, { body: { ...rating, attitude: 6 } });
    expect(outOfScale.status).toBe(422);
    const ok = await rt.call('POST', path, { body: rating });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const twice = await rt.call('POST', path, { body: { ...rating, attitude: 1 } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.reason).toBe('already-rated');

    const report = await rt.call(
      'GET',
      '/api/reports/satisfaction?from=2026-03-01&to=2026-03-31&groupBy=procedure',
      { token: admin },
    );
    expect(report.status).toBe(200);
    expect(report.body.rows).toEqual([
      expect.objectContaining({
        key: paidPermit.id,
        ratings: 1,
        attitude: 5,
        timeliness: 4,
        clarity: 4,
        satisfiedPercent: 100,
      }),
    ]);
    // Another commune's officer sees none of it (the read scope of reports).
    const other = await rt.login('mot-cua-tinh');
    const scoped = await rt.call('GET', '/api/reports/satisfaction?from=2026-03-01&to=2026-03-31', {
      token: other,
    });
    expect(scoped.status, JSON.stringify(scoped.body)).toBe(200);
    expect(scoped.body.total.ratings).toBe(0);
  });
});
