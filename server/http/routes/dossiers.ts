import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../appError.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { activeSteps, dossierView, stateValue, statusText, timelinessNow } from '../dossierView.ts';
import { recordAccess } from '../../runtime/accessLog.ts';
import { inboxPage } from '../../runtime/inboxQuery.ts';
import { reissueSecret } from '../../runtime/reissueSecret.ts';
import { assertCanReadDossier, canReadDossier } from '../../runtime/readScope.ts';
import { idempotencyOf, idempotent } from '../idempotency.ts';
import {
  DeadlineInfo,
  errors,
  IdempotencyHeader,
  Instant,
  LawfulExtension,
  ProcedureDefinition,
  Text,
} from '../schemas.ts';
import {
  EngineError,
  pauseStatusText,
  slipTitles,
  type PauseReason,
  type DossierSnapshot,
  type SlipKind,
} from '../../../engine/index.ts';
import { issueSignedResult } from '../../pdf/issueResult.ts';

/** Files an event attaches: uploads sent before (POST /api/uploads) or reused documents. */
const FileLinks = z
  .array(
    z
      .object({
        uploadId: z.string().uuid().optional(),
        reuseFileId: z.string().uuid().optional(),
        document: z.string().min(1).max(100),
        title: z.string().max(200).optional(),
      })
      .strict(),
  )
  .max(100)
  .optional();

export const ReceiveBody = z
  .object({
    procedureId: z.string().min(1).max(100),
    // Messages in Vietnamese: the desk shows them beside the field the path names.
    applicant: z.object({
      name: z
        .string({ error: 'Họ và tên phải là chuỗi ký tự.' })
        .trim()
        .min(1, 'Nhập họ và tên người nộp.')
        .max(200, 'Họ và tên nhiều nhất 200 ký tự.'),
      idNumber: z
        .string()
        .regex(/^[0-9]{12}$/, 'Số định danh gồm 12 chữ số.')
        .optional(),
      phone: z
        .string()
        .regex(/^(0|\+84)[0-9]{9}$/, 'Số điện thoại Việt Nam, ví dụ 0912345678.')
        .optional(),
      email: z
        .string()
        .email('Địa chỉ thư điện tử không hợp lệ.')
        .max(200, 'Thư điện tử nhiều nhất 200 ký tự.')
        .optional(),
      address: z.string().max(500, 'Địa chỉ nhiều nhất 500 ký tự.').optional(),
    }),
    channel: z.enum(['desk', 'online', 'post']).default('desk'),
    data: z.record(z.string(), z.unknown()).default({}),
    documents: z.array(z.string().max(100)).max(100).default([]),
    accept: z.boolean().default(true).openapi({
      description: 'Accept the complete dossier now: start the legal clock and issue the receipt',
    }),
    uploads: FileLinks,
  })
  .openapi('ReceiveDossier');

export const EventBody = z
  .object({
    type: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/)
      .max(100),
    data: z.record(z.string(), z.unknown()).optional(),
    documents: z.array(z.string().max(100)).max(100).optional(),
    note: z.string().max(2000).optional(),
    expectedVersion: z.number().int().min(1).optional(),
    uploads: FileLinks,
  })
  .openapi('DossierEvent');

const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const ReadQuery = z.object({
  purpose: z.enum(['view', 'print']).default('view').openapi({
    description: 'Why the dossier is read: view (the dossier page) or print (a slip); logged',
  }),
  slip: z
    .string()
    .regex(/^[A-Za-z-]{1,40}$/)
    .optional()
    .openapi({ description: 'The slip printed (with purpose=print)' }),
});

const ListQuery = z.object({
  unit: z.string().max(100).optional(),
  role: z.string().max(100).optional(),
  step: z.string().max(200).optional(),
  status: z.enum(['active', 'done']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: z.string().datetime({ offset: true }).optional(),
  procedure: z.string().max(100).optional(),
  channel: z.enum(['desk', 'online', 'post']).optional(),
  accepted: z.enum(['true', 'false']).optional().openapi({
    description: 'false: only dossiers not accepted yet (the legal clock not started)',
  }),
  receivedBy: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Only dossiers received by this unit (its one-stop desk)' }),
  q: z.string().max(200).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only dossiers waiting for my unit and roles' }),
  sort: z.enum(['received', 'due']).default('received').openapi({
    description: 'received: newest first (default); due: the most urgent appointment first',
  }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Channel = z.enum(['desk', 'online', 'post']);
const DossierStatus = z.enum(['active', 'done']);
/** The slips the one-stop system issues (the engine's list). */
const SlipKindSchema = z.enum(Object.keys(slipTitles) as [SlipKind, ...SlipKind[]]);
const Outcome = z.enum(['approved', 'refused', 'withdrawn', 'stopped']);

/** How a dossier stands against its deadline now, or how it was resolved. */
const Timeliness = z
  .enum(['not-yet-due', 'due-soon', 'overdue', 'paused', 'early', 'on-time', 'late'])
  .openapi('Timeliness');

/** The state machine's state: a step id, or an object of nested (parallel) steps. */
const StateValue = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .openapi('StateValue', { description: 'XState state value: a step id or nested step ids' });

const ClockStatus = z.enum(['not-started', 'running', 'paused', 'stopped']);

/** The legal clock (thời hạn giải quyết) of a dossier, as the engine keeps it. */
const LegalClock = z
  .object({
    status: ClockStatus,
    acceptedAt: Instant.optional(),
    due: Instant.optional().openapi({ description: 'The appointment date in force' }),
    originalDue: Instant.optional().openapi({ description: 'The appointment date first given' }),
    pausedAt: Instant.optional(),
    pauses: z
      .array(
        z.object({
          from: Instant,
          to: Instant.optional(),
          reason: z
            .enum(Object.keys(pauseStatusText) as [PauseReason, ...PauseReason[]])
            .optional(),
        }),
      )
      .readonly(),
    extensions: z.array(z.object({ at: Instant, from: Instant, to: Instant })).readonly(),
    variant: z.string().optional(),
    lawfulExtensions: z.array(LawfulExtension).readonly().optional(),
  })
  .openapi('LegalClock');

/** An active step of a dossier. */
const ActiveStep = z
  .object({
    id: z.string(),
    name: Text,
    unit: z.string().nullable(),
    role: z.string().nullable(),
    enteredAt: Instant,
    due: Instant.nullable().openapi({ description: 'Its own due time, or when its timer fires' }),
    timerAt: Instant.nullable(),
  })
  .openapi('ActiveStep');

/** An event the signed-in user may send now. */
const AvailableEvent = z
  .object({
    type: z.string(),
    name: Text,
    step: z.string(),
    unit: z.string().optional(),
    role: z.string().optional(),
  })
  .openapi('AvailableEvent');

/** The dossier page: state, history (the control slip), deadlines, the events the caller may send. */
export const DossierDetail = z
  .object({
    id: z.string(),
    code: z.string(),
    version: z.number().int(),
    procedure: z.object({
      id: z.string(),
      version: z.string(),
      name: Text,
      code: z.string().nullable(),
    }),
    definition: ProcedureDefinition,
    unit: z.string(),
    channel: Channel,
    applicant: z.object({
      name: z.string(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
    }),
    status: DossierStatus,
    statusText: Text,
    state: StateValue,
    steps: z.array(ActiveStep).readonly(),
    data: z.record(z.string(), z.unknown()),
    documents: z.array(z.string()).readonly(),
    receivedAt: Instant,
    receivedBy: z.string().nullable().openapi({ description: 'Who received it (display name)' }),
    clock: LegalClock,
    appointmentDate: Instant.nullable(),
    deadline: DeadlineInfo,
    outcome: Outcome.nullable(),
    completedAt: Instant.nullable(),
    timeliness: z.union([Timeliness, z.null()]),
    history: z
      .array(
        z.object({
          seq: z.number().int(),
          type: z.string(),
          name: z.union([Text, z.null()]),
          actor: z.string(),
          actorName: z.string().nullable(),
          override: z.boolean(),
          at: Instant,
          payload: z.unknown().openapi({ description: 'The event as sent (type, data, note…)' }),
        }),
      )
      .readonly(),
    controlSlip: z
      .array(
        z.object({
          step: z.string(),
          name: Text,
          unit: z.string().nullable(),
          role: z.string().nullable(),
          actor: z.string(),
          actorName: z.string().nullable(),
          from: Instant,
          to: Instant,
          due: Instant.nullable(),
          late: z.boolean(),
        }),
      )
      .readonly(),
    slips: z
      .array(
        z.object({
          id: z.string(),
          kind: SlipKindSchema,
          step: z.string().nullable(),
          due: Instant.nullable(),
          issuedAt: Instant,
          issuedBy: z.string(),
          issuedByName: z.string().nullable(),
          reason: z
            .string()
            .nullable()
            .openapi({ description: "The officer's reason, or why the appointment moved" }),
        }),
      )
      .readonly(),
    availableEvents: z.array(AvailableEvent).readonly(),
  })
  .openapi('DossierDetail');

/** A row of the inbox. */
const DossierListItem = z
  .object({
    id: z.string(),
    code: z.string(),
    procedure: z.object({ id: z.string(), name: z.union([Text, z.null()]) }),
    unit: z.string(),
    channel: Channel,
    applicant: z.string(),
    status: DossierStatus,
    statusText: Text,
    state: StateValue,
    steps: z.array(z.string()).readonly(),
    currentSteps: z
      .array(z.object({ name: Text, unit: z.string().nullable(), due: Instant.nullable() }))
      .readonly(),
    version: z.number().int(),
    receivedAt: Instant,
    appointmentDate: Instant.nullable(),
    timeliness: z.union([Timeliness, z.null()]),
  })
  .openapi('DossierListItem');

/** A page of the inbox and the cursor of the next page. */
export const DossierPage = z
  .object({
    items: z.array(DossierListItem).readonly(),
    nextCursor: z.string().nullable().openapi({ description: 'null on the last page' }),
  })
  .openapi('DossierPage');

/** The answer to a reception: the code, the secret to print on the receipt, the appointment. */
export const Received = z
  .object({
    id: z.string(),
    code: z.string(),
    version: z.number().int(),
    state: StateValue,
    statusText: Text,
    appointmentDate: Instant.nullable(),
    secret: z.string().nullable().openapi({
      description:
        'Shown once for the receipt; null on a replay the server cannot unseal (reissue one)',
    }),
  })
  .openapi('Received');

/** The dossier after an event. */
export const EventApplied = z
  .object({
    id: z.string(),
    version: z.number().int(),
    state: StateValue,
    status: DossierStatus,
    statusText: Text,
    appointmentDate: Instant.nullable(),
    clock: ClockStatus,
    outcome: Outcome.nullable(),
    timeliness: z.union([Timeliness, z.null()]),
    override: z
      .boolean()
      .openapi({ description: 'Sent by an administrator outside the step’s unit or role' }),
  })
  .openapi('EventApplied');

/** A new receipt secret. */
const ReissuedSecret = z
  .object({
    code: z.string(),
    secret: z
      .string()
      .nullable()
      .openapi({ description: 'Shown once; null on a replay the server cannot unseal' }),
  })
  .openapi('ReissuedSecret');

/** Dossier routes: receive, inbox, read, send events. */
export function registerDossierRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'receiveDossier',
      path: '/api/dossiers',
      tags: ['Dossiers'],
      summary: 'Receive a dossier (tiếp nhận hồ sơ)',
      request: {
        body: { content: { 'application/json': { schema: ReceiveBody } }, required: true },
        headers: IdempotencyHeader,
      },
      responses: {
        201: {
          description: 'Received: code, secret for the receipt, appointment date',
          content: { 'application/json': { schema: Received } },
        },
        ...errors(400, 401, 403, 404, 413, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      const idem = idempotencyOf(c, user.id, body);
      const answer = await idempotent(deps, idem, async (trx) => {
        const r = await deps.dossiers.receive(trx, user, body);
        return {
          status: 201,
          body: {
            id: r.id,
            code: r.code,
            // Stored for a retry only sealed, under a key outside the database.
            secretSealed: deps.secrets.seal(r.secret),
            version: r.version,
            state: stateValue(r.snapshot),
            statusText: statusText(r.snapshot),
            appointmentDate: r.snapshot.clock.due ?? null,
          },
        };
      });
      // As stored for a retry: the secret sealed.
      const { secretSealed, ...rest } = answer.body as Omit<z.infer<typeof Received>, 'secret'> & {
        secretSealed: unknown;
      };
      // A replay sealed under another key (a server without the shared key) has no secret to
      // give back: the desk reissues one (POST /api/dossiers/{id}/secret).
      const secret = typeof secretSealed === 'string' ? deps.secrets.open(secretSealed) : undefined;
      return c.json({ ...rest, secret: secret ?? null }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'sendDossierEvent',
      path: '/api/dossiers/{id}/events',
      tags: ['Dossiers'],
      summary: 'Send an event to a dossier (e.g. PROPOSE, SIGN, RETURN_RESULT)',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: EventBody } }, required: true },
        headers: IdempotencyHeader,
      },
      responses: {
        200: {
          description: 'Applied: the dossier as it is now',
          content: { 'application/json': { schema: EventApplied } },
        },
        ...errors(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const idem = idempotencyOf(c, user.id, body);
      const answer = await idempotent(deps, idem, async (trx) => {
        const r = await deps.dossiers.apply(trx, user, id, body).catch(async (error: unknown) => {
          // A refusal must not tell an officer outside the dossier's scope that it exists, nor
          // its state or version: checked only on failure, off the hot path.
          // (In the write transaction: on SQLite it holds the one connection.) Database errors
          // (a lock held elsewhere, a serialization failure) go up as they are, to be retried.
          if (!(error instanceof AppError || error instanceof EngineError)) throw error;
          if (!(await canReadDossier(trx, deps.registry.catalog(), user, id)))
            throw new AppError('not-found', `No dossier "${id}"`);
          throw error;
        });
        await issueSignedResult(deps, trx, user, id, body.type, r);
        return {
          status: 200,
          body: {
            id,
            version: r.version,
            state: stateValue(r.snapshot),
            status: r.snapshot.status,
            statusText: statusText(r.snapshot),
            appointmentDate: r.snapshot.clock.due ?? null,
            clock: r.snapshot.clock.status,
            outcome: r.snapshot.outcome ?? null,
            timeliness: r.snapshot.timeliness ?? null,
            override: r.override,
          },
        };
      });
      return c.json(answer.body as z.infer<typeof EventApplied>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'reissueDossierSecret',
      path: '/api/dossiers/{id}/secret',
      tags: ['Dossiers'],
      summary:
        'Reissue the receipt secret (cấp lại mã tra cứu): the old one stops working; reception officers of the receiving unit',
      request: { params: IdParam, headers: IdempotencyHeader },
      responses: {
        200: {
          description: '{ code, secret }: shown once, for a new receipt',
          content: { 'application/json': { schema: ReissuedSecret } },
        },
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      await assertCanReadDossier(deps, user, id);
      const idem = idempotencyOf(c, user.id, {});
      const answer = await idempotent(deps, idem, async (trx) => {
        const r = await reissueSecret(trx, user, id, deps.now());
        return { status: 200, body: { code: r.code, secretSealed: deps.secrets.seal(r.secret) } };
      });
      const { secretSealed, ...rest } = answer.body as { code: string; secretSealed: string };
      return c.json({ ...rest, secret: deps.secrets.open(secretSealed) ?? null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getDossier',
      path: '/api/dossiers/{id}',
      tags: ['Dossiers'],
      summary: 'A dossier: state, history (control slip), deadlines, and the events you may send',
      request: { params: IdParam, query: ReadQuery },
      responses: {
        200: {
          description: 'The dossier',
          content: { 'application/json': { schema: DossierDetail } },
        },
        ...errors(401, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const { purpose, slip } = c.req.valid('query');
      // Outside the caller's scope it answers exactly as a missing dossier.
      await assertCanReadDossier(deps, user, id);
      await recordAccess(deps, {
        userId: user.id,
        dossierId: id,
        action: purpose,
        ...(slip ? { detail: slip } : {}),
      });
      const row = await deps.db
        .selectFrom('dossiers')
        .select(['procedure_id', 'procedure_version'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('not-found', `No dossier "${id}"`);
      const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
      if (!procedure) throw new Error(`procedure version missing for dossier ${id}`);
      return c.json(
        await dossierView(deps.db, deps.calendar, procedure, id, user, deps.now()),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listDossiers',
      path: '/api/dossiers',
      tags: ['Dossiers'],
      summary: 'The inbox: dossiers by unit, role, step, status, deadline, procedure or text',
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'A page of dossiers and the cursor of the next page',
          content: { 'application/json': { schema: DossierPage } },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const now = deps.now();
      const { rows: page, nextCursor } = await inboxPage(
        deps.db,
        deps.registry.catalog(),
        user,
        q,
        now,
      );
      const items = await Promise.all(
        page.map(async (r) => {
          const snapshot = JSON.parse(r.snapshot) as DossierSnapshot;
          const procedure = await deps.registry.version(r.procedure_id, r.procedure_version);
          return {
            id: r.id,
            code: r.code,
            procedure: { id: r.procedure_id, name: procedure?.name ?? null },
            unit: r.unit_id,
            channel: snapshot.channel,
            applicant: r.applicant_name,
            status: snapshot.status,
            statusText: statusText(snapshot),
            state: stateValue(snapshot),
            steps: Object.keys(snapshot.steps),
            currentSteps: procedure
              ? activeSteps(procedure, snapshot).map((x) => ({
                  name: x.name,
                  unit: x.unit,
                  due: x.due,
                }))
              : [],
            version: r.version,
            receivedAt: new Date(r.received_at).toISOString(),
            appointmentDate: snapshot.clock.due ?? null,
            timeliness: timelinessNow(deps.calendar, snapshot, now),
          };
        }),
      );
      return c.json({ items, nextCursor }, 200);
    },
  );
}
