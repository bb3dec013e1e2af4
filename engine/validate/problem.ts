import type { LocalizedText } from '../format/primitives.ts';

/** How serious a problem is: an error blocks publishing, a warning asks for a look. */
export type Severity = 'error' | 'warning';

/**
 * A problem found in a procedure file: a stable code, where it is (a JSON pointer into the file),
 * and a message a reform officer can act on, in Vietnamese and English.
 */
export interface Problem {
  readonly code: string;
  readonly path: string;
  readonly message: { readonly vi: string; readonly en: string };
  readonly severity: Severity;
}

/** Build a problem. */
export function problem(
  code: string,
  path: string,
  message: { vi: string; en: string },
  severity: Severity = 'error',
): Problem {
  return { code, path, message, severity };
}

/** Escape one segment of a JSON pointer (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Join segments into a JSON pointer. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** Split a JSON pointer into its unescaped segments. */
export function parsePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The Vietnamese name of a thing, falling back to its key. */
export function nameOf(text: LocalizedText | undefined, fallback: string): string {
  return text?.vi ?? fallback;
}
