import { fileTypeFromBuffer } from 'file-type';

/** The types a dossier file may have, judged from its content (never its name). */
export const ALLOWED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** The detected type of the bytes when allowed, else what was found (or undefined). */
export async function sniffType(
  bytes: Uint8Array,
): Promise<{ allowed: true; mime: string; ext: string } | { allowed: false; found?: string }> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && ALLOWED_TYPES[found.mime]) {
    return { allowed: true, mime: found.mime, ext: ALLOWED_TYPES[found.mime]! };
  }
  return found ? { allowed: false, found: found.mime } : { allowed: false };
}

/**
 * A file name safe to keep and to show: the last path segment, without control characters,
 * reserved characters (`/\:*?"<>|`) or leading dots, NFC-normalised (Vietnamese keeps its
 * diacritics), at most 150 characters, and ending with the extension of the detected type.
 */
export function sanitizeFileName(raw: string, ext: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    // Control characters (C0, DEL, C1) never belong in a file name.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[:*?"<>|;]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  name = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  if (name === '') name = 'tep';
  return `${[...name].slice(0, 140).join('')}.${ext}`;
}

/**
 * `Content-Disposition` for a stored name: an ASCII fallback and the UTF-8 name (RFC 6266/5987),
 * so no quote, newline or semicolon of a name can break out of the header.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
