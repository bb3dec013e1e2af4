import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../engine/index.ts';
import type { SecretBox } from '../auth/secretBox.ts';
import type { User } from '../auth/sessions.ts';
import type { UserAdmin } from '../auth/users.ts';
import type { Config } from '../config.ts';
import type { DialectName } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { FileService } from '../files/fileService.ts';
import type { ProcedureRegistry } from '../library/procedureRegistry.ts';
import type { DossierService } from '../runtime/dossierService.ts';
import type { WriteQueue } from '../runtime/writeQueue.ts';
import type { SigningKeys } from '../pdf/signingKeys.ts';

/** Everything the HTTP handlers use, made once at start. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly registry: ProcedureRegistry;
  readonly calendar: WorkingCalendar;
  readonly writes: WriteQueue;
  readonly dossiers: DossierService;
  readonly users: UserAdmin;
  readonly now: () => number;
  /** Seals receipt secrets in stored answers (key outside the database). */
  readonly secrets: SecretBox;
  /** Dossier files: blob store, limits, uploads (#16). */
  readonly files?: FileService;
  /** The signing keys of officials and units, and the trusted certificates (issue 17). */
  readonly signing: SigningKeys;
}

/** Hono environment: the signed-in user (if any) set by the auth middleware. */
export type AppEnv = { Variables: { user: User | undefined; secureHeadersNonce?: string } };
