import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../appError.ts';
import { ACCESS_ACTIONS, type AccessAction } from '../../runtime/accessLog.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { errors } from '../schemas.ts';

const Query = z.object({
  dossier: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'A dossier id or its code (mã hồ sơ)' }),
  user: z.string().max(100).optional().openapi({ description: 'A username' }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One entry of the personal-data access log. */
const AccessLogEntry = z
  .object({
    id: z.string(),
    at: z.string().openapi({ format: 'date-time' }),
    action: z.enum(ACCESS_ACTIONS),
    detail: z.string().nullable(),
    user: z.object({
      id: z.string(),
      username: z.string().nullable(),
      displayName: z.string().nullable(),
    }),
    dossier: z.object({ id: z.string(), code: z.string().nullable() }),
  })
  .openapi('AccessLogEntry');

/** A page of the access log, newest first. */
export const AccessLogPage = z
  .object({ items: z.array(AccessLogEntry), nextCursor: z.string().nullable() })
  .openapi('AccessLogPage');

/** The access log of personal data (nhật ký truy cập dữ liệu cá nhân), for administrators. */
export function registerAccessLogRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listAccessLog',
      path: '/api/access-log',
      tags: ['Access log'],
      summary:
        'Who opened which dossier when (detail views, prints, exports, files), newest first; administrators only',
      request: { query: Query },
      responses: {
        200: {
          description: 'A page of the log, newest first',
          content: { 'application/json': { schema: AccessLogPage } },
        },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      if (!user.isAdmin) throw new AppError('forbidden', 'Only administrators read the access log');
      const q = c.req.valid('query');
      let query = deps.db
        .selectFrom('access_log')
        .leftJoin('users', 'users.id', 'access_log.user_id')
        .leftJoin('dossiers', 'dossiers.id', 'access_log.dossier_id')
        .select([
          'access_log.id',
          'access_log.at',
          'access_log.action',
          'access_log.detail',
          'access_log.user_id',
          'access_log.dossier_id',
          'users.username',
          'users.display_name',
          'dossiers.code',
        ]);
      if (q.dossier)
        query = query.where((eb) =>
          eb.or([
            eb('access_log.dossier_id', '=', q.dossier!),
            eb('dossiers.code', '=', q.dossier!),
          ]),
        );
      if (q.user) query = query.where('users.username', '=', q.user);
      if (q.cursor) {
        const [at, id] = decodeCursor(q.cursor);
        query = query.where((eb) =>
          eb.or([
            eb('access_log.at', '<', at),
            eb.and([eb('access_log.at', '=', at), eb('access_log.id', '<', id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('access_log.at', 'desc')
        .orderBy('access_log.id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return c.json(
        {
          items: page.map((r) => ({
            id: r.id,
            at: new Date(Number(r.at)).toISOString(),
            action: r.action as AccessAction,
            detail: r.detail,
            user: { id: r.user_id, username: r.username, displayName: r.display_name },
            dossier: { id: r.dossier_id, code: r.code },
          })),
          nextCursor: rows.length > q.limit && last ? encodeCursor(Number(last.at), last.id) : null,
        },
        200,
      );
    },
  );
}
