import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** JSON with every object's keys sorted: equal content gives equal text. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const keys = Object.keys(value as Record<string, unknown>).sort();
  return `{${keys
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/**
 * The version of a procedure: the SHA-256 of its canonical content (first 16 hex digits).
 * `$schema` is left out: where the schema lives is not content.
 */
export function procedureVersion(procedure: unknown): string {
  const { $schema: _, ...content } = (procedure ?? {}) as Record<string, unknown>;
  return bytesToHex(sha256(utf8ToBytes(sortedJson(content)))).slice(0, 16);
}
