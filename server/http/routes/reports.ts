import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../appError.ts';
import { groupLabel } from '../../reports/groupLabel.ts';
import { reportCsv } from '../../reports/reportCsv.ts';
import { summaryReport } from '../../reports/summaryReport.ts';
import { readableUnits } from '../../runtime/readScope.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { errors } from '../schemas.ts';

const Query = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .openapi({ description: 'First day of the period (Vietnam time), YYYY-MM-DD' }),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .openapi({ description: 'Last day of the period, included' }),
  groupBy: z.enum(['unit', 'procedure', 'level', 'channel']).default('unit'),
  format: z.enum(['json', 'csv']).default('json'),
});

const Count = z.number().int();
const Percent = z
  .number()
  .openapi({ description: 'Percent, one decimal (0 when nothing to divide)' });

/** One group of the one-stop statistics (the total has the key `*`). */
const SummaryRow = z
  .object({
    key: z.string().openapi({ description: 'Unit id, procedure id, level or channel' }),
    received: Count,
    online: Count,
    desk: Count,
    post: Count,
    carriedOver: Count.openapi({
      description: 'Received before the period, still open at its start',
    }),
    resolved: Count,
    early: Count,
    onTime: Count,
    late: Count,
    refused: Count,
    withdrawn: Count,
    stopped: Count,
    inProgress: Count,
    notYetDue: Count,
    overdue: Count,
    awaitingSupplement: Count,
    resolvedPercent: Percent,
    earlyPercent: Percent,
    onTimePercent: Percent,
    latePercent: Percent,
  })
  .openapi('SummaryRow');

/** The statistics of a period. */
export const SummaryReport = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(['unit', 'procedure', 'level', 'channel']),
    rows: z.array(SummaryRow).readonly(),
    total: SummaryRow,
  })
  .openapi('SummaryReport');

/** Start of a local (UTC+7) day, in epoch ms; undefined for a date that does not exist. */
function dayStart(date: string): number | undefined {
  const ms = Date.parse(`${date}T00:00:00+07:00`);
  return Number.isNaN(ms) || new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10) !== date
    ? undefined
    : ms;
}

/** The one-stop statistics (báo cáo tình hình giải quyết hồ sơ). */
export function registerReportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getSummaryReport',
      path: '/api/reports/summary',
      tags: ['Reports'],
      summary:
        'Received, resolved early / on time / late, in progress, overdue, awaiting supplement, refused, withdrawn — by unit, procedure, level or channel',
      request: { query: Query },
      responses: {
        200: {
          description: 'The report (JSON, or CSV with format=csv)',
          content: {
            'application/json': { schema: SummaryReport },
            'text/csv': { schema: z.string() },
          },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const from = dayStart(q.from);
      const toDay = dayStart(q.to);
      if (from === undefined || toDay === undefined) {
        throw new AppError('validation', 'Not a calendar date', {
          problems: [
            {
              path: from === undefined ? '/query/from' : '/query/to',
              message: 'a date that exists, YYYY-MM-DD',
            },
          ],
        });
      }
      if (toDay < from)
        throw new AppError('validation', '"to" is before "from"', {
          problems: [{ path: '/query/to', message: 'on or after from' }],
        });
      const to = toDay + 86_400_000;
      // An officer gets their unit's figures, a supervisor their subtree's, an administrator all
      // (dossiers counted by the unit that received them, as the provinces report).
      const units = readableUnits(user, deps.registry.catalog());
      const report = await summaryReport(deps.db, from, to, q.groupBy, deps.now(), units);
      if (q.format === 'csv') {
        return c.text(reportCsv(report.rows, report.total, groupLabel(deps, q.groupBy)), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="bao-cao-${q.from}-${q.to}.csv"`,
        });
      }
      return c.json({ from: q.from, to: q.to, groupBy: q.groupBy, ...report }, 200);
    },
  );
}
