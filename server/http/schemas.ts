import { z } from '@hono/zod-openapi';
import type { Procedure } from '../../engine/index.ts';

/** The error body every failure answers with. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'event-not-accepted' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');

/** Standard error responses, to spread into a route's `responses`. */
export function errors(...statuses: (400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 429)[]) {
  const text: Record<number, string> = {
    400: 'Malformed request',
    401: 'Not signed in',
    403: 'Not allowed for this unit or role',
    404: 'Not found',
    409: 'Conflict: stale version, or an event the dossier does not accept now',
    412: 'Precondition failed',
    413: 'Body too large',
    422: 'Invalid input (paths in details)',
    429: 'Too many requests',
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: text[s]!, content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );
}

/** A JSON object response described loosely (its shape is documented in the README). */
export const AnyObject = z.record(z.string(), z.unknown()).openapi({ type: 'object' });

/** Optional `Idempotency-Key` header of mutating routes. */
export const IdempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().openapi({
    description: 'Retrying with the same key returns the first answer and applies nothing twice',
  }),
});

/** Localized text. */
export const Text = z.object({ vi: z.string(), en: z.string().optional() });

/** An instant, as ISO 8601 text. */
export const Instant = z.string().openapi({ format: 'date-time' });

/** An amount of working time (the format's `WorkingTime`): `{ workingDays }` or `{ workingHours }`. */
export const WorkingTime = z
  .union([
    z.object({ workingDays: z.number() }).strict(),
    z.object({ workingHours: z.number() }).strict(),
  ])
  .openapi('WorkingTime');

/** A lawful extension applied (gia hạn theo luật định): it moved the legal deadline itself. */
export const LawfulExtension = z.object({
  id: z.string(),
  at: Instant,
  by: WorkingTime,
  from: Instant,
  to: Instant,
});

/** The legal time that applies to a dossier (thời hạn áp dụng): variant and lawful extensions. */
export const DeadlineInfo = z
  .object({
    legal: WorkingTime,
    variant: z.object({ id: z.string(), name: Text }).nullable(),
    lawfulExtensions: z.array(LawfulExtension.extend({ name: Text })).readonly(),
  })
  .openapi('DeadlineInfo');

/** A signed-in officer. */
export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.string(),
    roles: z.array(z.string()).readonly(),
    isAdmin: z.boolean(),
  })
  .openapi('User');

/** An account as the administrators manage it (never its password hash). */
export const AccountSchema = UserSchema.extend({
  disabled: z.boolean(),
  createdAt: z.string().openapi({ format: 'date-time' }),
}).openapi('Account');

/** `{ user }`: an account after it was created or changed. */
export const AccountAnswer = z.object({ user: AccountSchema }).openapi('AccountAnswer');

/** `{ ok: true }`: done, nothing more to say. */
export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');

/** A problem found by validating a procedure (engine/validate/problem.ts). */
export const ProblemSchema = z
  .object({
    code: z.string().openapi({ example: 'deadline-exceeded' }),
    path: z.string().openapi({ description: 'JSON pointer into the definition' }),
    message: z.object({ vi: z.string(), en: z.string() }),
    severity: z.enum(['error', 'warning']),
  })
  .openapi('Problem');

/**
 * A procedure definition in the engine's format (procedure.schema.json): the engine validates it
 * with its own schema, so the API document only names it.
 */
export const ProcedureDefinition = z
  .custom<Procedure>((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
  .openapi('ProcedureDefinition', {
    type: 'object',
    description: 'A procedure in the engine format (procedure.schema.json)',
  });

/** A step of the main path (engine/metrics/procedureMetrics.ts). */
const MainPathStep = z.object({
  step: z.string(),
  unit: z.string().optional(),
  hours: z.number(),
  region: z.string().optional(),
});

/** The figures of a procedure a reform officer reports (engine/metrics/procedureMetrics.ts). */
export const ProcedureMetricsSchema = z
  .object({
    steps: z.number().int(),
    units: z.number().int(),
    unitIds: z.array(z.string()).readonly(),
    handOffs: z.number().int(),
    legalHours: z.number(),
    criticalPathHours: z.number(),
    longestPathHours: z.number(),
    mainPath: z.array(MainPathStep).readonly(),
    citizenVisits: z.number().int(),
    visits: z.array(z.object({ step: z.string(), name: Text.optional() })).readonly(),
    onlineVisit: Text.optional(),
    documents: z.number().int(),
    documentCopies: z.number().int(),
    feesVnd: z.number(),
    citizenHours: z.number(),
    hourlyIncomeVnd: z.number(),
    costPerDossierVnd: z.number(),
    applicantsPerYear: z.number(),
    costPerYearVnd: z.number(),
  })
  .openapi('ProcedureMetrics');
