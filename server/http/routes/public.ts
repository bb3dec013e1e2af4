import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DossierSnapshot } from '../../../engine/index.ts';
import { AppError } from '../../appError.ts';
import { clientAddress } from '../clientInfo.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { activeSteps, statusText } from '../dossierView.ts';
import { AnyObject, errors } from '../schemas.ts';

/** A fixed-window counter per address: enough to make guessing codes and secrets pointless. */
class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly perMinute: number) {}
  allow(key: string, now: number): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= this.perMinute;
  }
}

/** The citizen's lookup (tra cứu hồ sơ): code + receipt secret → status, current step, appointment. */
export function registerPublicRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const limiter = new RateLimiter(deps.config.lookupRatePerMinute);
  app.openapi(
    createRoute({
      method: 'get',
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
        query: z.object({ secret: z.string().min(1).max(64) }),
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
      const address = clientAddress(c, deps.config.trustProxy);
      if (!limiter.allow(address, deps.now()))
        throw new AppError('rate-limited', 'Too many lookups; try again in a minute');
      const { code } = c.req.valid('param');
      const { secret } = c.req.valid('query');
      const id = await deps.dossiers.lookup(code, secret);
      // The same answer for a wrong code and a wrong secret: nothing to learn by guessing.
      if (!id) throw new AppError('not-found', 'No dossier with this code and secret');
      const row = await deps.db
        .selectFrom('dossiers')
        .select(['code', 'procedure_id', 'procedure_version', 'snapshot', 'received_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
      const snapshot = JSON.parse(row.snapshot) as DossierSnapshot;
      return c.json(
        {
          code: row.code,
          procedure: procedure?.name ?? null,
          status: statusText(snapshot),
          currentSteps: procedure ? activeSteps(procedure, snapshot).map((s) => s.name) : [],
          receivedAt: new Date(row.received_at).toISOString(),
          appointmentDate: snapshot.clock.due ?? null,
          completedAt: snapshot.completedAt ?? null,
        } as never,
        200,
      );
    },
  );
}
