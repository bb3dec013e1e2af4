/** A wrong invocation of the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** The language of messages: Vietnamese by default, `--lang en` or `MOTCUA_LANG=en`. */
export type Lang = 'vi' | 'en';

/** What every command receives besides its own arguments. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}
