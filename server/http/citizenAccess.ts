import type { Context } from 'hono';
import { AppError } from '../appError.ts';
import type { DossierSnapshot, Procedure } from '../../engine/index.ts';
import { ProofOfWork } from '../auth/proofOfWork.ts';
import { failuresOf, recordFailure, type ThrottlePolicy } from '../auth/throttle.ts';
import { clientAddress } from './clientInfo.ts';
import type { AppDeps, AppEnv } from './context.ts';

/** Failed lookups are counted for 15 minutes; they never block, they ask for a challenge. */
const LOOKUP_FAILURES: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: Number.MAX_SAFE_INTEGER,
  blockMs: 0,
  maxBlockMs: 0,
};

/** The proof of work of the public pages (one HMAC key, derived from the server secret). */
export function publicProofOfWork(deps: AppDeps): ProofOfWork {
  return new ProofOfWork(deps.secrets.derive('altcha'));
}

/** The 429 that asks the browser to solve a challenge and try again. */
export async function challengeRequired(
  pow: ProofOfWork,
  now: number,
  message: { vi: string; en: string },
): Promise<AppError> {
  return new AppError('rate-limited', message.en, {
    challengeRequired: true,
    challenge: await pow.challenge(now),
    message,
  });
}

/**
 * The dossier a citizen opens with its code and receipt secret, or a 404 that looks the same for
 * a wrong code and a wrong secret. Only failures count, per address and per code, in the
 * database (every server alike); past the threshold the citizen must solve a proof of work
 * instead of being refused, so a neighbour behind the same address still gets through.
 */
export async function citizenDossier(
  c: Context<AppEnv>,
  deps: AppDeps,
  pow: ProofOfWork,
  code: string,
  secret: string,
  altcha: string | undefined,
): Promise<string> {
  const now = deps.now();
  const keys = [
    `lookup:addr:${clientAddress(c, deps.config.trustProxy)}`,
    `lookup:code:${code.trim().toUpperCase()}`,
  ];
  const failures = await Promise.all(
    keys.map((k) => failuresOf(deps.db, k, LOOKUP_FAILURES.windowMs, now)),
  );
  if (Math.max(...failures) >= deps.config.lookupFailuresBeforeChallenge) {
    const solved = altcha !== undefined && (await pow.verifyOnce(deps.writes, altcha, now));
    if (!solved)
      throw await challengeRequired(pow, now, {
        vi: 'Đã tra cứu sai nhiều lần. Hệ thống cần xác minh bạn không phải máy tự động (vài giây), rồi tra cứu lại.',
        en: 'Too many failed lookups. The system checks you are not a robot (a few seconds), then looks up again.',
      });
  }
  const id = await deps.dossiers.lookup(code, secret);
  if (!id) {
    for (const k of keys) await recordFailure(deps.writes, k, LOOKUP_FAILURES, now);
    throw new AppError('not-found', 'No dossier with this code and secret');
  }
  return id;
}

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
 * receipt, rating), with its procedure and snapshot. Failures count with the lookup's; past the
 * threshold these pages answer 429 with a challenge, which the lookup page solves.
 */
export async function openCitizenDossier(
  c: Context<AppEnv>,
  deps: AppDeps,
  code: string,
  secret: string,
): Promise<CitizenDossier> {
  const id = await citizenDossier(c, deps, publicProofOfWork(deps), code, secret, undefined);
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
