import nodemailer, { type Transporter } from 'nodemailer';

/** One notice to one applicant, as a channel delivers it. */
export interface OutgoingNotice {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * A channel that delivers applicant notices. E-mail is implemented (SMTP); SMS stays this
 * interface: a provider adapter implements `send` with the phone number as `to`.
 */
export interface NoticeSender {
  /** `email` or `sms`: which contact of the applicant it needs. */
  readonly channel: 'email' | 'sms';
  /** Deliver, or throw (the notice is tried again later). */
  send(notice: OutgoingNotice): Promise<void>;
  close(): void;
}

/** Applicant notices by e-mail through an SMTP server (`SMTP_URL`). */
export class SmtpNoticeSender implements NoticeSender {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(notice: OutgoingNotice): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: notice.to,
      subject: notice.subject,
      text: notice.text,
    });
  }

  close(): void {
    this.transport.close();
  }
}
