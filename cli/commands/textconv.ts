import { readFileSync } from 'node:fs';
import { parseJson, validateProcedure, type Procedure } from '../../engine/index.ts';
import { EXIT, UsageError, type CliContext } from '../cliError.ts';
import { describeProcedure } from '../describeProcedure.ts';

export const textconvHelp = `Usage: motcua textconv <file>

For git's diff driver: prints a procedure as one line per fact (steps, transitions, deadline,
documents, fees), so that \`git diff\` and \`git log -p\` show the semantic change. Files that are
not valid procedures are printed unchanged. Set up with:
  git config diff.motcua.textconv "npx motcua textconv"
and in .gitattributes:  procedures/*.json diff=motcua

Exit: 0 printed, 2 wrong usage.`;

/** `motcua textconv`. */
export function textconvCommand(args: readonly string[], ctx: CliContext): number {
  if (args.length !== 1 || args[0]!.startsWith('-'))
    throw new UsageError('textconv takes exactly one file');
  let text: string;
  try {
    text = readFileSync(args[0]!, 'utf8');
  } catch (error) {
    throw new UsageError(`${args[0]}: ${(error as Error).message}`);
  }
  const parsed = parseJson(text);
  const structural = parsed.ok
    ? validateProcedure(parsed.value).filter(
        (p) => p.code.startsWith('schema') || p.code === 'too-deep',
      )
    : [];
  // Scenario, layout and broken files diff as they are: textconv must never hide content.
  ctx.stdout(
    parsed.ok && structural.length === 0
      ? describeProcedure(parsed.value as Procedure).trimEnd()
      : text.trimEnd(),
  );
  return EXIT.ok;
}
