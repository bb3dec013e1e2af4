import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  buildMachineGraph,
  hasErrors,
  procedureMetrics,
  specialDays,
  validateProcedure,
  type Procedure,
} from '../../../engine/index.ts';
import { AppError } from '../../appError.ts';
import { DESIGNER_ROLE } from '../../auth/sessions.ts';
import { etagOf } from '../../library/procedureRegistry.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { AnyObject, errors } from '../schemas.ts';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const SaveBody = z
  .object({
    procedure: z.record(z.string(), z.unknown()),
    layout: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .openapi('SaveProcedure');

/** Summary of a procedure for the library list. */
function summary(procedure: Procedure, version: string, problems: { severity: string }[]) {
  const steps = buildMachineGraph(procedure.machine).nodes.filter(
    (n) => n.parent && n.kind === 'atomic',
  ).length;
  return {
    id: procedure.id,
    version,
    code: procedure.code ?? null,
    name: procedure.name,
    level: procedure.level,
    field: procedure.field,
    deadline: procedure.deadline,
    // The unit of the first step receives the dossiers (the desk's procedure list filters on it).
    receivingUnit: procedure.machine.states[procedure.machine.initial]?.meta?.unit ?? null,
    steps,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

/** The designer's back end: list, read, validate and save procedure definitions. */
export function registerProcedureRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/procedures',
      tags: ['Procedures'],
      summary: 'The procedure library',
      responses: {
        200: {
          description: 'Every current procedure with its validation status',
          content: { 'application/json': { schema: AnyObject } },
        },
      },
    }),
    (c) =>
      c.json(
        {
          items: deps.registry.list().map((e) => summary(e.procedure, e.version, [...e.problems])),
        } as never,
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/procedures/{id}',
      tags: ['Procedures'],
      summary: 'A procedure definition with its layout, version, ETag, problems and metrics',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The definition',
          content: { 'application/json': { schema: AnyObject } },
        },
        ...errors(404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const entry = await deps.registry.refresh(id, deps.now());
      if (!entry) throw new AppError('not-found', `No procedure "${id}"`);
      c.header('ETag', `"${entry.etag}"`);
      return c.json(
        {
          procedure: entry.procedure,
          layout: deps.registry.layout(id),
          version: entry.version,
          etag: entry.etag,
          problems: entry.problems,
          metrics: procedureMetrics(entry.procedure),
        } as never,
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/procedures/{id}',
      tags: ['Procedures'],
      summary:
        'Save a definition as its canonical file (refused when the file changed on disk since it was read)',
      request: {
        params: IdParam,
        headers: z.object({
          'if-match': z.string().max(100).optional().openapi({
            description: 'The ETag read with the procedure; omit only to create a new one',
          }),
        }),
        body: { content: { 'application/json': { schema: SaveBody } }, required: true },
      },
      responses: {
        200: { description: 'Saved', content: { 'application/json': { schema: AnyObject } } },
        ...errors(400, 401, 403, 409, 413, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      if (!user.isAdmin && !user.roles.includes(DESIGNER_ROLE))
        throw new AppError('forbidden', 'Only procedure designers save definitions');
      const { id } = c.req.valid('param');
      if (!deps.registry.fileFor(id)) {
        throw new AppError('validation', `"${id}" is not a valid procedure id`, {
          problems: [{ path: '/id', message: 'lowercase letters, digits and dashes' }],
        });
      }
      const body = c.req.valid('json');
      const procedure = body.procedure as unknown as Procedure;
      if (procedure.id !== id)
        throw new AppError('validation', 'The procedure id must match the URL', {
          problems: [{ path: '/procedure/id', message: `expected "${id}"` }],
        });
      const problems = validateProcedure(procedure, { units: deps.registry.catalog() });
      if (hasErrors(problems))
        throw new AppError('validation', 'The procedure has errors; it is not saved', { problems });
      const ifMatch = c.req.valid('header')['if-match'];
      const expected = ifMatch === undefined ? null : ifMatch.replace(/^W\//, '').replace(/"/g, '');
      const result = await deps.registry.save(procedure, body.layout ?? null, expected, deps.now());
      if (result.kind === 'conflict') {
        throw new AppError(
          'file-changed',
          'The file changed on disk since it was opened; reload it before saving',
          { etag: result.etag },
        );
      }
      if (result.kind === 'invalid')
        throw new AppError('validation', 'The procedure has errors; it is not saved', {
          problems: result.problems,
        });
      const text = deps.registry.readFile(id)!;
      c.header('ETag', `"${etagOf(text)}"`);
      return c.json(
        {
          version: result.entry.version,
          etag: etagOf(text),
          problems: result.entry.problems,
        } as never,
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/units',
      tags: ['Procedures'],
      summary: 'The catalog of levels, roles and units',
      responses: {
        200: { description: 'units.json', content: { 'application/json': { schema: AnyObject } } },
      },
    }),
    (c) => c.json(deps.registry.catalog() as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calendar/{year}',
      tags: ['Procedures'],
      summary: 'Days off and swapped working days of a year (official schedule, else forecast)',
      request: {
        params: z.object({
          year: z.coerce
            .number()
            .int()
            .min(1900)
            .max(2199)
            .openapi({ param: { name: 'year', in: 'path' } }),
        }),
      },
      responses: {
        200: {
          description: 'Special days',
          content: { 'application/json': { schema: AnyObject } },
        },
        ...errors(422),
      },
    }),
    (c) =>
      c.json(
        {
          year: c.req.valid('param').year,
          days: specialDays(deps.calendar, c.req.valid('param').year),
        } as never,
        200,
      ),
  );
}
