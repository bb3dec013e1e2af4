import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { problem, type Problem } from './problem.ts';

/** The result of reading JSON text: a value, or problems pointing at the syntax error. */
export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Line and column (1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parse strict JSON (no comments, no trailing commas); never throws. */
export function parseJson(text: string): ParsedJson {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch {
    errors.push({ error: 1, offset: 0, length: 0 });
  }
  if (errors.length === 0) return { ok: true, value };
  return {
    ok: false,
    problems: errors.slice(0, 10).map((e) => {
      const { line, column } = lineColumn(text, e.offset);
      const what = printParseErrorCode(e.error);
      return problem('json-syntax', '', {
        vi: `Lỗi cú pháp JSON tại dòng ${line}, cột ${column}: ${what}`,
        en: `JSON syntax error at line ${line}, column ${column}: ${what}`,
      });
    }),
  };
}
