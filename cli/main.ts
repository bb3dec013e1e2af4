import { EXIT, UsageError, type CliContext, type Lang } from './cliError.ts';
import { diffCommand, diffHelp } from './commands/diff.ts';
import { formatCommand, formatHelp } from './commands/format.ts';
import { ProcedureFileError } from './commands/loadProcedureFile.ts';
import { metricsCommand, metricsHelp } from './commands/metrics.ts';
import { newCommand, newHelp } from './commands/newProcedure.ts';
import { scenariosCommand, scenariosHelp } from './commands/scenarios.ts';
import { textconvCommand, textconvHelp } from './commands/textconv.ts';
import { validateCommand, validateHelp } from './commands/validate.ts';

export const mainHelp = `motcua — thủ tục hành chính as code (procedure definitions in git)

Usage: motcua <command> [options]

Commands:
  validate [paths…]           check procedure files (file:line:column severity code message)
  format [--check] [paths…]   canonical formatting, byte-identical to what the designer saves
  metrics <file>              simplification metrics and compliance cost
  diff <a> <b> | <f> --rev R  semantic diff of two versions
  scenarios [paths…]          replay scenario files
  new <id>                    a new procedure from a template
  textconv <file>             one line per fact, for git's diff driver

Every command takes --help, --json and --lang vi|en, except textconv (its output is for git's
diff driver: one line per fact).
Exit codes: 0 ok, 1 problems found, 2 wrong usage.`;

type Command = (args: readonly string[], ctx: CliContext, lang: Lang) => number;

const commands: Record<string, { run: Command; help: string }> = {
  validate: { run: validateCommand, help: validateHelp },
  format: { run: formatCommand, help: formatHelp },
  metrics: { run: metricsCommand, help: metricsHelp },
  diff: { run: diffCommand, help: diffHelp },
  scenarios: { run: scenariosCommand, help: scenariosHelp },
  new: { run: newCommand, help: newHelp },
  textconv: { run: (args, ctx) => textconvCommand(args, ctx), help: textconvHelp },
};

function languageOf(args: readonly string[]): Lang {
  const i = args.indexOf('--lang');
  const value =
    i >= 0
      ? args[i + 1]
      : (args.find((a) => a.startsWith('--lang='))?.slice(7) ??
        (process.env.MOTCUA_LANG || undefined));
  if (value === undefined || value === 'vi') return 'vi';
  if (value === 'en') return 'en';
  throw new UsageError(`--lang must be vi or en, got "${value}"`);
}

/** Run the command line with arguments (without `node` and the script); returns the exit code. */
export function runCli(argv: readonly string[], ctx: CliContext): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(mainHelp);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    ctx.stderr(`motcua: unknown command "${name}"\n\n${mainHelp}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout(command.help);
    return EXIT.ok;
  }
  try {
    return command.run(rest, ctx, languageOf(rest));
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      ctx.stderr(`motcua ${name}: ${(error as Error).message}\n\n${command.help}`);
      return EXIT.usage;
    }
    if (error instanceof ProcedureFileError) {
      ctx.stderr(`motcua ${name}: ${error.message}`);
      return EXIT.problems;
    }
    throw error;
  }
}

/** Entry point of `bin/motcua.js`. */
export function main(): void {
  const code = runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t + '\n'),
    stderr: (t) => process.stderr.write(t + '\n'),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
