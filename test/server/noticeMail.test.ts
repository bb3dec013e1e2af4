import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, deliverNotices } from '../../server/mail/deliverNotices.ts';
import { SmtpNoticeSender } from '../../server/mail/noticeSender.ts';
import { dialectsUnderTest } from '../support/databases.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime.ts';
import { PERMIT_RECEIPT, paidPermitLibrary } from '../support/paidPermit.ts';

const dialects = await dialectsUnderTest();

/** A local SMTP sink: keeps what it receives; refuses the next `failNext` messages with 451. */
class SmtpSink {
  readonly received: { to: string[]; raw: string }[] = [];
  failNext = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (this.failNext > 0) {
          this.failNext--;
          const error = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          return callback(error);
        }
        this.received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The message's quoted-printable body decoded as UTF-8 (what a mail reader shows). */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('backoff', () => {
  it('waits longer after each failure, at most six hours', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(40)).toBe(6 * 3_600_000);
  });
});

describe.each(dialects)('applicant notices by e-mail on %s', (dialect) => {
  let rt: TestRuntime;
  let admin: string;
  const sink = new SmtpSink();
  let sender: SmtpNoticeSender;

  beforeAll(async () => {
    await sink.start();
    sender = new SmtpNoticeSender(sink.url, '"Bộ phận một cửa" <motcua@xa.example.vn>');
    rt = await startTestRuntime(dialect, { proceduresDir: paidPermitLibrary() });
    rt.clock.set('2026-03-09T09:00');
    admin = await rt.login('admin');
  });
  afterAll(async () => {
    sender?.close();
    await rt?.dispose();
    await sink.close();
  });

  const round = () =>
    deliverNotices(rt.database.db, sender, {
      now: rt.clock.ms,
      publicUrl: 'https://motcua.example.vn',
      maxAttempts: 3,
    });
  const outbox = (dossierId: string) =>
    rt.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('audience', '=', 'applicant')
      .execute();

  it('delivers a notice, retries after a refusal with backoff, marks it delivered, never twice', async () => {
    const r = await rt.call('POST', '/api/dossiers', {
      token: admin,
      body: { ...PERMIT_RECEIPT, accept: true },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    const e = await rt.call('POST', `/api/dossiers/${id}/events`, {
      token: admin,
      body: { type: 'REQUEST_PAYMENT' },
    });
    expect(e.status).toBe(200);
    expect(await outbox(id)).toHaveLength(1);

    sink.failNext = 1;
    const before = sink.received.length;
    const failed = await round();
    expect(failed).toMatchObject({ sent: 0, failed: 1 });
    let [row] = await outbox(id);
    expect(row).toMatchObject({ sent_at: null, delivery: null });
    expect(Number(row!.attempts)).toBe(1);
    expect(row!.last_error).toContain('451');
    expect(Number(row!.next_attempt_at)).toBe(rt.clock.ms + 30_000);

    // Too early: the backoff holds it back.
    expect(await round()).toMatchObject({ sent: 0, failed: 0 });
    rt.clock.ms += 31_000;
    expect(await round()).toMatchObject({ sent: 1, failed: 0 });
    [row] = await outbox(id);
    expect(row).toMatchObject({ delivery: 'email', last_error: null });
    expect(Number(row!.sent_at)).toBe(rt.clock.ms);
    const mail = sink.received.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(['long@example.vn']);
    expect(mail[0]!.raw).toContain(r.body.code);
    const text = decodeQuotedPrintable(mail[0]!.raw);
    expect(text).toContain('Đề nghị nộp lệ phí cấp giấy phép xây dựng');
    expect(text).toContain(`https://motcua.example.vn/tra-cuu?code=${r.body.code}`);

    rt.clock.ms += 3_600_000;
    expect(await round()).toMatchObject({ sent: 0, failed: 0 });
    expect(sink.received.length).toBe(before + 1);
  });

  it('keeps a notice it cannot deliver: no e-mail address, or every attempt refused', async () => {
    const r = await rt.call('POST', '/api/dossiers', {
      token: admin,
      body: {
        ...PERMIT_RECEIPT,
        applicant: { name: 'Không Có Thư', idNumber: '001082334466' },
        accept: true,
      },
    });
    await rt.call('POST', `/api/dossiers/${r.body.id}/events`, {
      token: admin,
      body: { type: 'REQUEST_PAYMENT' },
    });
    const noAddress = await round();
    expect(noAddress.noAddress).toBe(1);
    expect((await outbox(r.body.id))[0]).toMatchObject({ delivery: 'no-address', sent_at: null });

    const s = await rt.call('POST', '/api/dossiers', {
      token: admin,
      body: { ...PERMIT_RECEIPT, accept: true },
    });
    await rt.call('POST', `/api/dossiers/${s.body.id}/events`, {
      token: admin,
      body: { type: 'REQUEST_PAYMENT' },
    });
    sink.failNext = 3;
    for (let i = 0; i < 3; i++) {
      await round();
      rt.clock.ms += 7 * 3_600_000;
    }
    const [row] = await outbox(s.body.id);
    expect(row).toMatchObject({ delivery: 'failed', sent_at: null });
    expect(Number(row!.attempts)).toBe(3);
  });
});
