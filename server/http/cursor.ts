import { AppError } from '../appError.ts';

/**
 * Keyset pagination: a page ends at a row, and the next starts after its (instant, id). The cursor
 * is that pair, opaque to clients.
 */
export function encodeCursor(at: number, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/** The (instant, id) of a cursor from a previous page; a 422 for anything else. */
export function decodeCursor(cursor: string): [number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string')
      return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw new AppError('validation', 'Invalid cursor', {
    problems: [{ path: '/query/cursor', message: 'not a cursor from a previous page' }],
  });
}
