import type { Context } from 'hono';
import type { DossierSnapshot, Procedure } from '../../engine/index.ts';
import { AppError } from '../appError.ts';
import { failuresOf, recordFailure } from '../auth/throttle.ts';
import { clientAddress } from './clientInfo.ts';
import type { AppDeps, AppEnv } from './context.ts';

const WINDOW_MS = 15 * 60_000;
const POLICY = {
  windowMs: WINDOW_MS,
  freeFailures: Number.MAX_SAFE_INTEGER,
  blockMs: 0,
  maxBlockMs: 0,
};

/** A dossier the citizen opened with its code and receipt secret. */
export interface CitizenDossier {
  readonly id: string;
  readonly code: string;
  readonly unitId: string;
  readonly procedure: Procedure;
  readonly snapshot: DossierSnapshot;
  readonly applicantName: string;
}

/**
 * The dossier behind a code and secret, for the citizen's pages beyond the lookup (payment,
 * receipt, rating). Failures count with the lookup's (per address and code, 15 minutes); past
 * the threshold these pages refuse (429) and the lookup page asks for the challenge.
 */
export async function citizenDossier(
  c: Context<AppEnv>,
  deps: AppDeps,
  code: string,
  secret: string,
): Promise<CitizenDossier> {
  const now = deps.now();
  const keys = [
    `lookup:addr:${clientAddress(c, deps.config.trustProxy)}`,
    `lookup:code:${code.trim().toUpperCase()}`,
  ];
  const failures = await Promise.all(keys.map((k) => failuresOf(deps.db, k, WINDOW_MS, now)));
  if (Math.max(...failures) >= deps.config.lookupFailuresBeforeChallenge)
    throw new AppError('rate-limited', 'Too many failed lookups: look the dossier up first', {
      challengeRequired: true,
    });
  const id = await deps.dossiers.lookup(code, secret);
  if (!id) {
    for (const k of keys) await recordFailure(deps.writes, k, POLICY, now);
    throw new AppError('not-found', 'No dossier with this code and secret');
  }
  const row = await deps.db
    .selectFrom('dossiers')
    .select(['code', 'unit_id', 'procedure_id', 'procedure_version', 'snapshot', 'applicant_name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
  if (!procedure) throw new Error(`procedure version missing for dossier ${id}`);
  return {
    id,
    code: row.code,
    unitId: row.unit_id,
    procedure,
    snapshot: JSON.parse(row.snapshot) as DossierSnapshot,
    applicantName: row.applicant_name,
  };
}
