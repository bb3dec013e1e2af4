import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import type { User } from '../auth/sessions.ts';
import { p12Signer, type DocumentSigner } from './signer.ts';

/** A signer found for an official, with the name its certificate gives. */
export interface FoundSigner {
  readonly signer: DocumentSigner;
  /** The certificate's common name (the official's or the unit's name). */
  readonly name: string;
  /** `user` when the official has a personal key, `unit` when the unit's key signs. */
  readonly scope: 'user' | 'unit';
}

const SAFE = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The signing keys, read from a folder outside git (`SIGNING_DIR`, default `data/signing`):
 * `users/<username>.p12` (an official's own key), `units/<unitId>.p12` (the unit's key, used for
 * slips and when an official has none), each with its passphrase in `<same name>.pass` (absent:
 * empty), and `trust/*.pem`, the CA certificates whose signatures verification accepts.
 * Files are read at each use, so a renewed certificate needs no restart.
 */
export class SigningKeys {
  constructor(readonly dir: string) {}

  private load(kind: 'users' | 'units', name: string, scope: FoundSigner['scope']) {
    if (!SAFE.test(name)) return undefined;
    const file = join(this.dir, kind, `${name}.p12`);
    if (!existsSync(file)) return undefined;
    const p12 = readFileSync(file);
    const passFile = join(this.dir, kind, `${name}.pass`);
    const passphrase = existsSync(passFile) ? readFileSync(passFile, 'utf8').trim() : '';
    return { signer: p12Signer(p12, passphrase), name: commonName(p12, passphrase) ?? name, scope };
  }

  /** The official's own key, else their unit's; undefined when neither is configured. */
  forUser(user: Pick<User, 'username' | 'unitId'>): FoundSigner | undefined {
    return this.load('users', user.username, 'user') ?? this.forUnit(user.unitId);
  }

  /** The unit's key (slips are signed by the unit). */
  forUnit(unitId: string): FoundSigner | undefined {
    return this.load('units', unitId, 'unit');
  }

  /** The trusted CA certificates (PEM), from `trust/*.pem`. */
  trusted(): string[] {
    const dir = join(this.dir, 'trust');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pem') || f.endsWith('.crt'))
      .flatMap(
        (f) =>
          readFileSync(join(dir, f), 'utf8').match(
            /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
          ) ?? [],
      );
  }
}

/** The common name of the certificate that matches the key of a PKCS#12 file. */
function commonName(p12: Uint8Array, passphrase: string): string | undefined {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    const store = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    const key = store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
    const certs =
      store.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
    const mine = certs.find((b) => {
      const pub = b.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return key && pub && pub.n.equals(key.n);
    });
    const value = mine?.cert?.subject.getField('CN')?.value;
    return typeof value === 'string' ? forge.util.decodeUtf8(value) : undefined;
  } catch {
    return undefined;
  }
}
