import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { AppError } from '../../appError.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { activeSteps, dossierView, statusText, timelinessNow } from '../dossierView.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { idempotencyOf, idempotent } from '../idempotency.ts';
import { AnyObject, errors, IdempotencyHeader } from '../schemas.ts';
import type { DossierSnapshot } from '../../../engine/index.ts';

const ReceiveBody = z
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
  })
  .openapi('ReceiveDossier');

const EventBody = z
  .object({
    type: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/)
      .max(100),
    data: z.record(z.string(), z.unknown()).optional(),
    documents: z.array(z.string().max(100)).max(100).optional(),
    note: z.string().max(2000).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .openapi('DossierEvent');

const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const ListQuery = z.object({
  unit: z.string().max(100).optional(),
  role: z.string().max(100).optional(),
  step: z.string().max(200).optional(),
  status: z.enum(['active', 'done']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: z.string().datetime({ offset: true }).optional(),
  procedure: z.string().max(100).optional(),
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

/** The sort key of a dossier without an appointment date: after every real instant. */
const NO_DUE = 8_640_000_000_000_000;

/** Dossier routes: receive, inbox, read, send events. */
export function registerDossierRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
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
          content: { 'application/json': { schema: AnyObject } },
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
            secret: r.secret,
            version: r.version,
            state: r.snapshot.machine.value,
            statusText: statusText(r.snapshot),
            appointmentDate: r.snapshot.clock.due ?? null,
          },
        };
      });
      return c.json(answer.body as Record<string, unknown>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
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
          content: { 'application/json': { schema: AnyObject } },
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
        const r = await deps.dossiers.apply(trx, user, id, body);
        return {
          status: 200,
          body: {
            id,
            version: r.version,
            state: r.snapshot.machine.value,
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
      return c.json(answer.body as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/dossiers/{id}',
      tags: ['Dossiers'],
      summary: 'A dossier: state, history (control slip), deadlines, and the events you may send',
      request: { params: IdParam },
      responses: {
        200: { description: 'The dossier', content: { 'application/json': { schema: AnyObject } } },
        ...errors(401, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const row = await deps.db
        .selectFrom('dossiers')
        .select(['procedure_id', 'procedure_version'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new AppError('not-found', `No dossier "${id}"`);
      const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
      if (!procedure) throw new Error(`procedure version missing for dossier ${id}`);
      return c.json(
        (await dossierView(deps.db, deps.calendar, procedure, id, user, deps.now())) as never,
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/dossiers',
      tags: ['Dossiers'],
      summary: 'The inbox: dossiers by unit, role, step, status, deadline, procedure or text',
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'A page of dossiers and the cursor of the next page',
          content: { 'application/json': { schema: AnyObject } },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const now = deps.now();
      let query = deps.db
        .selectFrom('dossiers')
        .select([
          'id',
          'code',
          'procedure_id',
          'procedure_version',
          'unit_id',
          'channel',
          'applicant_name',
          'status',
          'snapshot',
          'version',
          'received_at',
          'due_at',
          'completed_at',
          'outcome',
          'timeliness',
        ]);
      const mine = q.mine === 'true';
      const unit = q.unit ?? (mine ? user.unitId : undefined);
      if (unit || q.role || q.step || mine) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('dossier_steps')
              .select(sql`1`.as('one'))
              .whereRef('dossier_steps.dossier_id', '=', 'dossiers.id')
              .$if(!!unit, (w) => w.where('dossier_steps.unit_id', '=', unit!))
              .$if(!!q.role, (w) => w.where('dossier_steps.role', '=', q.role!))
              .$if(mine && !q.role, (w) =>
                w.where(
                  'dossier_steps.role',
                  'in',
                  user.roles.length > 0 ? [...user.roles] : ['-'],
                ),
              )
              .$if(!!q.step, (w) => w.where('dossier_steps.step_id', '=', q.step!)),
          ),
        );
      }
      if (q.status) query = query.where('status', '=', q.status);
      if (q.procedure) query = query.where('procedure_id', '=', q.procedure);
      if (q.receivedBy) query = query.where('unit_id', '=', q.receivedBy);
      if (q.overdue === 'true')
        query = query
          .where('status', '=', 'active')
          .where('awaiting_supplement', '=', 0)
          .where('due_at', '<', now);
      if (q.overdue === 'false')
        query = query.where((eb) =>
          eb.or([eb('due_at', 'is', null), eb('due_at', '>=', now), eb('status', '=', 'done')]),
        );
      if (q.dueBefore) query = query.where('due_at', '<', Date.parse(q.dueBefore));
      if (q.q) {
        const text = `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
        query = query.where((eb) =>
          eb.or([eb('code', 'like', text), eb('applicant_name', 'like', text)]),
        );
      }
      // Dossiers without an appointment (not yet accepted) sort after every dated one.
      const due = sql<number>`coalesce(due_at, ${NO_DUE})`;
      if (q.cursor) {
        const [at, id] = decodeCursor(q.cursor);
        query =
          q.sort === 'due'
            ? query.where((eb) =>
                eb.or([eb(due, '>', at), eb.and([eb(due, '=', at), eb('id', '>', id)])]),
              )
            : query.where((eb) =>
                eb.or([
                  eb('received_at', '<', at),
                  eb.and([eb('received_at', '=', at), eb('id', '<', id)]),
                ]),
              );
      }
      const ordered =
        q.sort === 'due'
          ? query.orderBy(due, 'asc').orderBy('id', 'asc')
          : query.orderBy('received_at', 'desc').orderBy('id', 'desc');
      const rows = await ordered.limit(q.limit + 1).execute();
      const page = rows.slice(0, q.limit);
      const items = await Promise.all(
        page.map(async (r) => {
          const snapshot = JSON.parse(r.snapshot) as DossierSnapshot;
          const procedure = await deps.registry.version(r.procedure_id, r.procedure_version);
          return {
            id: r.id,
            code: r.code,
            procedure: { id: r.procedure_id, name: procedure?.name ?? null },
            unit: r.unit_id,
            channel: r.channel,
            applicant: r.applicant_name,
            status: r.status,
            statusText: statusText(snapshot),
            state: snapshot.machine.value,
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
      const last = page[page.length - 1];
      return c.json(
        {
          items,
          nextCursor:
            rows.length > q.limit && last
              ? encodeCursor(q.sort === 'due' ? (last.due_at ?? NO_DUE) : last.received_at, last.id)
              : null,
        } as never,
        200,
      );
    },
  );
}
