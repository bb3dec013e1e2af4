import { pino, type Logger } from 'pino';

/**
 * The server's structured log: one JSON object per line on stdout (pino), for journald, docker
 * and any log shipper. Request bodies, answers and query strings are never logged — a reception
 * answer carries the receipt secret and a citizen lookup has it in its query string — and these
 * paths are censored wherever they would appear, as a second guard.
 */
export const REDACTED_PATHS = [
  'password',
  'secret',
  'token',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.secret',
  '*.token',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** `LOG_LEVEL` (fatal, error, warn, info, debug, trace, silent); silent under vitest by default. */
export function createLogger(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Logger {
  const level = env.LOG_LEVEL || (env.VITEST ? 'silent' : 'info');
  return pino({
    level,
    base: { service: 'motcua' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** The process's logger. */
export const log: Logger = createLogger();
