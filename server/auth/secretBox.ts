import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Seals short secrets (a receipt secret inside a replayable reception answer) with AES-256-GCM
 * under a key kept outside the database: a copy of the database or of its backups gives no
 * usable secret.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** A box with a key derived from a passphrase or a 32-byte key in any text form. */
  static fromPassphrase(text: string): SecretBox {
    return new SecretBox(createHash('sha256').update(text).digest());
  }

  /** A box with a new random key (tests, in-memory databases). */
  static ephemeral(): SecretBox {
    return new SecretBox(randomBytes(32));
  }

  /**
   * The box whose key is in `file`, creating the file (mode 0600) with a random key when there
   * is none yet.
   */
  static fromKeyFile(file: string): SecretBox {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
    return SecretBox.fromPassphrase(readFileSync(file, 'utf8').trim());
  }

  /** A key for another purpose (an HMAC), derived from this one. */
  derive(label: string): string {
    return createHash('sha256').update(this.key).update(`\0${label}`).digest('hex');
  }

  /** Encrypt: `v1.<base64url of iv | tag | ciphertext>`. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** Decrypt; undefined when sealed under another key or altered. */
  open(sealed: string): string | undefined {
    if (!sealed.startsWith('v1.')) return undefined;
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    if (raw.length < 28) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
