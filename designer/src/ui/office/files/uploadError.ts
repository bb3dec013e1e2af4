import { ApiError } from '../../../api/client.ts';
import type { useFilesText } from './filesText.ts';

/** What to tell the officer when an upload is refused (413, 415) or fails. */
export function uploadErrorText(
  error: unknown,
  name: string,
  { x, fill }: ReturnType<typeof useFilesText>,
): string {
  if (error instanceof ApiError && error.status === 415) return fill(x.badType, { name });
  if (error instanceof ApiError && error.status === 413)
    return fill(x.tooLarge, { message: error.message });
  return error instanceof Error ? error.message : String(error);
}
