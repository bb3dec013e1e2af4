/** Delivery of applicant notices by e-mail (SMTP). */
export interface MailConfig {
  /** `smtp://user:pass@host:port` or `smtps://…`; empty: notices are not e-mailed. */
  readonly smtpUrl: string;
  /** The sender, e.g. `"Bộ phận một cửa" <motcua@example.gov.vn>`. */
  readonly from: string;
  /** How often the outbox is read for notices to deliver, in ms. */
  readonly intervalMs: number;
  /** Attempts before a notice is left for an operator (it is never deleted). */
  readonly maxAttempts: number;
}

/** The variables of `MailConfig`, with their meaning, for `--help`. */
export const MAIL_ENVIRONMENT: readonly [string, string][] = [
  [
    'SMTP_URL',
    'SMTP server for notices to applicants: smtp://user:pass@host:587 or smtps://… (empty: no e-mail)',
  ],
  ['MAIL_FROM', 'sender of the e-mails (default motcua@localhost)'],
  ['MAIL_INTERVAL_MS', 'how often pending notices are e-mailed (default 10000)'],
  ['MAIL_MAX_ATTEMPTS', 'attempts per notice, with growing waits, before it is left (default 8)'],
];

/** Parse the mail variables; problems are pushed (with the variable's name), not thrown. */
export function parseMailConfig(
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): MailConfig {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${raw}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const smtpUrl = env.SMTP_URL?.trim() ?? '';
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl))
    problems.push('SMTP_URL: expected smtp://… or smtps://…');
  return {
    smtpUrl,
    from: env.MAIL_FROM?.trim() || 'motcua@localhost',
    intervalMs: int('MAIL_INTERVAL_MS', 10_000, 100, 3_600_000),
    maxAttempts: int('MAIL_MAX_ATTEMPTS', 8, 1, 100),
  };
}
