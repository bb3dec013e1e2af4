import { foldDiacritics } from '../../engine/index.ts';

/**
 * Text as the inbox search compares it: lowercase, without Vietnamese diacritics, "đ" as "d",
 * spaces collapsed — officers type "nguyen van an" for "Nguyễn Văn An".
 */
export function foldSearchText(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The searchable text of a dossier: its code, the applicant's name and ID number. */
export function dossierSearchText(code: string, name: string, idNumber: string | null): string {
  return foldSearchText(`${code} ${name} ${idNumber ?? ''}`);
}

/**
 * A LIKE pattern matching `query` anywhere, with `%`, `_` and the escape character itself taken
 * literally (used with `escape '\'`).
 */
export function containsPattern(query: string): string {
  return `%${foldSearchText(query).replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
