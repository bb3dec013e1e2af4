import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { User } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { errors, Text } from '../schemas.ts';

const NoticeQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

const SeenBody = z
  .object({ until: z.string().datetime({ offset: true }).optional() })
  .strict()
  .openapi('NoticesSeen');

/** A notice to the user's unit: a dossier due soon or overdue. */
const Notice = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    code: z.string().openapi({ description: 'The dossier code (mã hồ sơ)' }),
    procedure: Text,
    message: Text,
    createdAt: z.string().openapi({ format: 'date-time' }),
    unread: z.boolean().openapi({ description: 'Raised after the user last opened the notices' }),
  })
  .openapi('Notice');

/** A page of notices, newest first, and the unread count of the whole list. */
export const NoticePage = z
  .object({
    unread: z.number().int(),
    items: z.array(Notice).readonly(),
    nextCursor: z.string().nullable().openapi({ description: 'null on the last page' }),
  })
  .openapi('NoticePage');

const SeenAnswer = z
  .object({ ok: z.literal(true), unread: z.number().int() })
  .openapi('NoticesSeenAnswer');

/** Until when a user has seen their unit's notices: their mark, else their account's creation. */
async function seenUntil(db: Kysely<Database>, user: User): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(['notices_seen_at', 'created_at'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  return Number(row.notices_seen_at ?? row.created_at);
}

/**
 * The notices of the user's unit: the engine's warnings (due soon, overdue, a step overdue) for
 * the unit holding the step, from the outbox. Notices to applicants stay in the outbox for an
 * SMS or e-mail gateway; they are not shown here.
 */
export function registerNoticeRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const unitNotices = (user: User) =>
    deps.db
      .selectFrom('outbox')
      .where('outbox.audience', '=', 'unit')
      .where('outbox.unit_id', '=', user.unitId);
  const unreadAfter = async (user: User, seen: number) => {
    const { n } = await unitNotices(user)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outbox.created_at', '>', seen)
      .executeTakeFirstOrThrow();
    return Number(n);
  };

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listNotices',
      path: '/api/notices',
      tags: ['Notices'],
      summary: "My unit's notices, newest first, with how many I have not seen",
      request: { query: NoticeQuery },
      responses: {
        200: {
          description: "A page of my unit's notices",
          content: { 'application/json': { schema: NoticePage } },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const seen = await seenUntil(deps.db, user);
      let query = unitNotices(user)
        .innerJoin('dossiers', 'dossiers.id', 'outbox.dossier_id')
        .select([
          'outbox.id',
          'outbox.dossier_id',
          'outbox.message',
          'outbox.created_at',
          'dossiers.code',
          'dossiers.procedure_id',
          'dossiers.procedure_version',
        ]);
      if (q.cursor) {
        const [at, id] = decodeCursor(q.cursor);
        query = query.where((eb) =>
          eb.or([
            eb('outbox.created_at', '<', at),
            eb.and([eb('outbox.created_at', '=', at), eb('outbox.id', '<', id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('outbox.created_at', 'desc')
        .orderBy('outbox.id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const page = rows.slice(0, q.limit);
      const unread = await unreadAfter(user, seen);
      const items = await Promise.all(
        page.map(async (r) => {
          const procedure = await deps.registry.version(r.procedure_id, r.procedure_version);
          const createdAt = Number(r.created_at);
          return {
            id: r.id,
            dossierId: r.dossier_id,
            code: r.code,
            procedure: procedure?.name ?? { vi: r.procedure_id },
            message: JSON.parse(r.message) as z.infer<typeof Text>,
            createdAt: new Date(createdAt).toISOString(),
            unread: createdAt > seen,
          };
        }),
      );
      const last = page.at(-1);
      return c.json(
        {
          unread,
          items,
          nextCursor:
            rows.length > q.limit && last ? encodeCursor(Number(last.created_at), last.id) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'markNoticesSeen',
      path: '/api/notices/seen',
      tags: ['Notices'],
      summary:
        "Mark my unit's notices as seen (by me), up to `until` (the newest one shown) or now",
      request: {
        body: { content: { 'application/json': { schema: SeenBody } }, required: false },
      },
      responses: {
        200: {
          description: 'What is still unread after the mark',
          content: { 'application/json': { schema: SeenAnswer } },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const body = (c.req.valid('json') as z.infer<typeof SeenBody> | undefined) ?? {};
      const now = deps.now();
      // Never past now, never back: a notice raised after the list was shown stays unread.
      const until = Math.min(body.until === undefined ? now : Date.parse(body.until), now);
      const seen = await seenUntil(deps.db, user);
      if (until > seen) {
        await deps.writes.run((trx) =>
          trx
            .updateTable('users')
            .set({ notices_seen_at: until })
            .where('id', '=', user.id)
            .execute(),
        );
      }
      const unread = await unreadAfter(user, Math.max(until, seen));
      return c.json({ ok: true as const, unread }, 200);
    },
  );
}
