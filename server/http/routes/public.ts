import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { pauseLookupText, pauseReasonOf, type DossierSnapshot } from '../../../engine/index.ts';
import { citizenDossier, publicProofOfWork } from '../citizenAccess.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { activeSteps, deadlineInfo, statusText } from '../dossierView.ts';
import { DeadlineInfo, errors, Instant, Text } from '../schemas.ts';

/** A proof-of-work challenge (ALTCHA) to solve in the browser. */
export const Challenge = z
  .object({
    algorithm: z.enum(['SHA-1', 'SHA-256', 'SHA-512']),
    challenge: z.string(),
    maxnumber: z.number().int().optional(),
    salt: z.string(),
    signature: z.string(),
  })
  .openapi('AltchaChallenge');

/** What the citizen's lookup shows of a dossier. */
export const CitizenLookup = z
  .object({
    code: z.string(),
    procedure: Text.nullable(),
    status: Text,
    currentSteps: z.array(Text).readonly(),
    steps: z
      .array(z.object({ name: Text, due: Instant.nullable() }))
      .readonly()
      .openapi({ description: 'The current steps, each with when it is due or its timer fires' }),
    waitingFor: Text.nullable().openapi({ description: 'What the citizen must do now' }),
    deadline: z.union([DeadlineInfo, z.null()]),
    receivedAt: Instant,
    appointmentDate: Instant.nullable(),
    completedAt: Instant.nullable(),
    awaitingPayment: z.boolean().openapi({ description: 'The dossier waits for a fee' }),
    rated: z.boolean(),
    canRate: z.boolean().openapi({ description: 'The service may be rated now (once)' }),
  })
  .openapi('CitizenLookup');

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
  const pow = publicProofOfWork(deps);
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
          content: { 'application/json': { schema: Challenge } },
        },
        ...errors(400),
      },
    }),
    async (c) => c.json(await pow.challenge(deps.now()), 200),
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
          content: { 'application/json': { schema: CitizenLookup } },
        },
        ...errors(404, 422, 429),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const { secret, altcha } = c.req.valid('query');
      const id = await citizenDossier(c, deps, pow, code, secret, altcha);
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
        },
        200,
      );
    },
  );
}
