/**
 * Where the bytes of dossier files live, addressed by their SHA-256 (hex): the same content is
 * stored once, and a name never changes meaning. Two implementations: `DiskBlobStore` (the
 * embedded default, under `data/files/`) and `S3BlobStore` (S3-compatible object storage, for
 * several servers). The database says which blobs are in use; the store only keeps bytes.
 */
export interface BlobStore {
  /** What the store is, for logs and `--help` (never a credential). */
  readonly description: string;
  /**
   * Store bytes under their hash, durably, before returning. Storing existing content again
   * refreshes its age (so the orphan collector does not take it while an upload is linked).
   */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of a blob, or undefined when there is none. */
  get(sha256: string): Promise<Uint8Array | undefined>;
  /** Whether a blob exists. */
  has(sha256: string): Promise<boolean>;
  /** Remove a blob (no error when it is already gone). */
  delete(sha256: string): Promise<void>;
  /** Every blob with the instant it was last written (epoch ms). */
  list(): AsyncIterable<{ sha256: string; modifiedAt: number }>;
}

/** A SHA-256 in hex: the only names a store accepts (no path can be smuggled in). */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuse anything but a hex SHA-256 as a blob name. */
export function checkBlobName(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 blob name: ${sha256}`);
  return sha256;
}
