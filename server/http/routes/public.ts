import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { pauseLookupText, pauseReasonOf, type DossierSnapshot } from '../../../engine/index.ts';
import { AppError } from '../../appError.ts';
import { ProofOfWork } from '../../auth/proofOfWork.ts';
import { failuresOf, recordFailure, type ThrottlePolicy } from '../../auth/throttle.ts';
import { clientAddress } from '../clientInfo.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { activeSteps, deadlineInfo, statusText } from '../dossierView.ts';
import { AnyObject, errors } from '../schemas.ts';

/** Failed lookups are counted for 15 minutes; they never block, they ask for a challenge. */
const LOOKUP_FAILURES: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: Number.MAX_SAFE_INTEGER,
  blockMs: 0,
  maxBlockMs: 0,
};

/**
 * What the citizen's pages add to the lookup (#18): whether a fee is awaited, and whether the
 * service may be rated (after the result, once).
 */
async function citizenExtras(deps: AppDeps, id: string, snapshot: DossierSnapshot) {
  const rated = await deps.db
    .selectFrom('ratings')
    .select('rated_at')
    .where('dossier_id', '=', id)
    .executeTakeFirst();
  const resolved = snapshot.status === 'done' && snapshot.outcome !== 'withdrawn';
  return {
    awaitingPayment: pauseReasonOf(snapshot) === 'payment',
    rated: rated !== undefined,
    canRate: resolved && rated === undefined,
  };
}

/** The citizen's lookup (tra cứu hồ sơ): code + receipt secret → status, current step, appointment. */
export function registerPublicRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const pow = new ProofOfWork(deps.secrets.derive('altcha'));
  const threshold = deps.config.lookupFailuresBeforeChallenge;
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getLookupChallenge',
      path: '/api/public/challenge',
      tags: ['Public'],
      summary: 'A proof-of-work challenge (ALTCHA) to solve when a lookup asks for one',
      responses: {
        200: {
          description: 'The challenge: algorithm, challenge, maxnumber, salt, signature',
          content: { 'application/json': { schema: AnyObject } },
        },
        ...errors(400),
      },
    }),
    async (c) => c.json((await pow.challenge(deps.now())) as never, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'lookupDossier',
      path: '/api/public/dossiers/{code}',
      tags: ['Public'],
      summary: 'Citizen lookup by dossier code and the secret printed on the receipt',
      request: {
        params: z.object({
          code: z
            .string()
            .min(1)
            .max(64)
            .openapi({ param: { name: 'code', in: 'path' } }),
        }),
        query: z.object({
          secret: z.string().min(1).max(64),
          altcha: z.string().max(2000).optional().openapi({
            description:
              'A solved challenge (base64 ALTCHA payload), needed after repeated failed lookups',
          }),
        }),
      },
      responses: {
        200: {
          description: 'Public status',
          content: { 'application/json': { schema: AnyObject } },
        },
        ...errors(404, 422, 429),
      },
    }),
    async (c) => {
      const now = deps.now();
      const { code } = c.req.valid('param');
      const { secret, altcha } = c.req.valid('query');
      // Only failures count, per address and per code, in the database (every server alike).
      // Past the threshold a lookup needs a solved proof-of-work instead of being refused, so a
      // neighbour behind the same address with the right code and secret still gets through.
      const keys = [
        `lookup:addr:${clientAddress(c, deps.config.trustProxy)}`,
        `lookup:code:${code.trim().toUpperCase()}`,
      ];
      const failures = await Promise.all(
        keys.map((k) => failuresOf(deps.db, k, LOOKUP_FAILURES.windowMs, now)),
      );
      if (Math.max(...failures) >= threshold) {
        const solved = altcha !== undefined && (await pow.verifyOnce(deps.writes, altcha, now));
        if (!solved)
          throw new AppError('rate-limited', 'Too many failed lookups: solve the challenge', {
            challengeRequired: true,
            challenge: await pow.challenge(now),
            message: {
              vi: 'Đã tra cứu sai nhiều lần. Hệ thống cần xác minh bạn không phải máy tự động (vài giây), rồi tra cứu lại.',
              en: 'Too many failed lookups. The system checks you are not a robot (a few seconds), then looks up again.',
            },
          });
      }
      const id = await deps.dossiers.lookup(code, secret);
      // The same answer for a wrong code and a wrong secret: nothing to learn by guessing.
      if (!id) {
        for (const k of keys) await recordFailure(deps.writes, k, LOOKUP_FAILURES, now);
        throw new AppError('not-found', 'No dossier with this code and secret');
      }
      const row = await deps.db
        .selectFrom('dossiers')
        .select(['code', 'procedure_id', 'procedure_version', 'snapshot', 'received_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
      const snapshot = JSON.parse(row.snapshot) as DossierSnapshot;
      const waitingFor = pauseReasonOf(snapshot);
      return c.json(
        {
          code: row.code,
          procedure: procedure?.name ?? null,
          status: statusText(snapshot),
          currentSteps: procedure ? activeSteps(procedure, snapshot).map((s) => s.name) : [],
          // When each current step is due, or when its timer moves the dossier on.
          steps: procedure
            ? activeSteps(procedure, snapshot).map((s) => ({ name: s.name, due: s.due }))
            : [],
          waitingFor: waitingFor ? pauseLookupText[waitingFor] : null,
          deadline: procedure ? deadlineInfo(procedure, snapshot) : null,
          receivedAt: new Date(row.received_at).toISOString(),
          appointmentDate: snapshot.clock.due ?? null,
          completedAt: snapshot.completedAt ?? null,
          ...(await citizenExtras(deps, id, snapshot)),
        } as never,
        200,
      );
    },
  );
}
