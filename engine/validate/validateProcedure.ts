import type { Procedure } from '../format/procedureSchema.ts';
import { parseJson } from './parseJson.ts';
import { problem, type Problem } from './problem.ts';
import { validateSemantics, type ValidationContext } from './semantic.ts';
import { validateStructure } from './structural.ts';

/**
 * Validate a procedure file (thủ tục hành chính): its JSON text or its parsed value. Returns the
 * problems found — structural ones from the JSON Schema first, then semantic ones (references,
 * reachability, deadlines) when the shape is sound. Never throws, whatever the input.
 */
export function validateProcedure(input: unknown, context: ValidationContext = {}): Problem[] {
  try {
    let value = input;
    if (typeof input === 'string') {
      const parsed = parseJson(input);
      if (!parsed.ok) return [...parsed.problems];
      value = parsed.value;
    }
    const structural = validateStructure(value);
    if (structural.length > 0) return structural;
    return validateSemantics(value as Procedure, context);
  } catch (error) {
    const tooDeep = error instanceof RangeError;
    return [
      problem(tooDeep ? 'too-deep' : 'internal', '', {
        vi: tooDeep
          ? 'Tệp lồng nhau quá sâu để kiểm tra'
          : `Lỗi nội bộ khi kiểm tra: ${String(error)}`,
        en: tooDeep
          ? 'The file is nested too deeply to check'
          : `Internal error while validating: ${String(error)}`,
      }),
    ];
  }
}

/** Whether a list of problems contains an error (warnings alone do not block). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
