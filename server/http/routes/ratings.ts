import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../appError.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { groupLabel } from '../../reports/groupLabel.ts';
import { satisfactionReport } from '../../reports/satisfactionReport.ts';
import { readableUnits } from '../../runtime/readScope.ts';
import { requireUser } from '../auth.ts';
import { openCitizenDossier } from '../citizenAccess.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { errors } from '../schemas.ts';

const Score = z.number().int().min(1).max(5);
const RatingBody = z.object({
  secret: z.string().min(1).max(64),
  attitude: Score.openapi({ description: 'Thái độ phục vụ của cán bộ, 1–5' }),
  timeliness: Score.openapi({ description: 'Thời gian giải quyết so với hẹn, 1–5' }),
  clarity: Score.openapi({ description: 'Hướng dẫn, công khai rõ ràng, dễ hiểu, 1–5' }),
  comment: z.string().trim().max(1000).optional(),
});

/** A rating as recorded. */
export const Rating = z
  .object({
    attitude: z.number().int(),
    timeliness: z.number().int(),
    clarity: z.number().int(),
    comment: z.string().nullable(),
    ratedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Rating');

/** The satisfaction figures of one group (or of the total). */
const SatisfactionRow = z.object({
  key: z.string(),
  ratings: z.number().int(),
  attitude: z.number().nullable().openapi({ description: 'Average score, null without ratings' }),
  timeliness: z.number().nullable(),
  clarity: z.number().nullable(),
  satisfied: z.number().int().openapi({ description: 'Ratings averaging 4 or more' }),
  satisfiedPercent: z.number().nullable(),
});

/** The satisfaction report of a period. */
export const SatisfactionReport = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(['unit', 'procedure']),
    rows: z
      .array(SatisfactionRow.extend({ label: z.string().openapi({ description: 'Its name' }) }))
      .readonly(),
    total: SatisfactionRow,
  })
  .openapi('SatisfactionReport');

const Period = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  groupBy: z.enum(['unit', 'procedure']).default('unit'),
});

/** Start of a local (UTC+7) day, in epoch ms; undefined for a date that does not exist. */
function dayStart(date: string): number | undefined {
  const ms = Date.parse(`${date}T00:00:00+07:00`);
  return Number.isNaN(ms) || new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10) !== date
    ? undefined
    : ms;
}

/**
 * The citizen's satisfaction rating (đánh giá mức độ hài lòng) of a resolved dossier, once, with
 * its code and secret; and the satisfaction report by unit and procedure for officers.
 */
export function registerRatingRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'rateDossier',
      path: '/api/public/dossiers/{code}/rating',
      tags: ['Public'],
      summary:
        'Rate the service after the result: attitude, time, clarity (1–5) and a comment; once per dossier',
      request: {
        params: z.object({
          code: z
            .string()
            .min(1)
            .max(64)
            .openapi({ param: { name: 'code', in: 'path' } }),
        }),
        body: { content: { 'application/json': { schema: RatingBody } }, required: true },
      },
      responses: {
        201: { description: 'The rating', content: { 'application/json': { schema: Rating } } },
        ...errors(404, 409, 422, 429),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const body = c.req.valid('json');
      const d = await openCitizenDossier(c, deps, code, body.secret);
      if (d.snapshot.status !== 'done' || d.snapshot.outcome === 'withdrawn')
        throw new AppError('conflict', 'The dossier has no result yet: rate it after the result', {
          reason: 'no-result',
          message: {
            vi: 'Hồ sơ chưa có kết quả: có thể đánh giá sau khi nhận kết quả.',
            en: 'The dossier has no result yet: rate it after the result.',
          },
        });
      const rating = {
        dossier_id: d.id,
        unit_id: d.unitId,
        procedure_id: d.procedure.id,
        attitude: body.attitude,
        timeliness: body.timeliness,
        clarity: body.clarity,
        comment: body.comment ? body.comment : null,
        rated_at: deps.now(),
      };
      try {
        await deps.writes.run((trx) => trx.insertInto('ratings').values(rating).execute());
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', 'This dossier has already been rated', {
            reason: 'already-rated',
            message: {
              vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.',
              en: 'This dossier has already been rated. Each dossier is rated once.',
            },
          });
        throw error;
      }
      return c.json(
        {
          attitude: rating.attitude,
          timeliness: rating.timeliness,
          clarity: rating.clarity,
          comment: rating.comment,
          ratedAt: new Date(rating.rated_at).toISOString(),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getSatisfactionReport',
      path: '/api/reports/satisfaction',
      tags: ['Reports'],
      summary:
        'Satisfaction by unit or procedure: ratings, average scores per criterion, share satisfied (average ≥ 4)',
      request: { query: Period },
      responses: {
        200: {
          description: 'The report',
          content: { 'application/json': { schema: SatisfactionReport } },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const from = dayStart(q.from);
      const toDay = dayStart(q.to);
      if (from === undefined || toDay === undefined || toDay < from)
        throw new AppError('validation', 'Not a period of calendar dates', {
          problems: [
            {
              path: from === undefined ? '/query/from' : '/query/to',
              message: 'dates that exist, YYYY-MM-DD, to on or after from',
            },
          ],
        });
      const units = readableUnits(user, deps.registry.catalog());
      const label = groupLabel(deps, q.groupBy);
      const report = await satisfactionReport(deps.db, from, toDay + 86_400_000, q.groupBy, units);
      return c.json(
        {
          from: q.from,
          to: q.to,
          groupBy: q.groupBy,
          rows: report.rows.map((r) => ({ ...r, label: label(r.key) })),
          total: report.total,
        },
        200,
      );
    },
  );
}
