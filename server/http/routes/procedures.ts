import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  foldDiacritics,
  hasErrors,
  procedureMetrics,
  procedureVersion,
  specialDays,
  validateProcedure,
  type Procedure,
} from '../../../engine/index.ts';
import { AppError } from '../../appError.ts';
import { DESIGNER_ROLE } from '../../auth/sessions.ts';
import { DraftStore } from '../../library/drafts.ts';
import { etagOf } from '../../library/procedureRegistry.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import {
  errors,
  Instant,
  ProblemSchema,
  ProcedureDefinition,
  ProcedureMetricsSchema,
  Text,
  WorkingTime,
} from '../schemas.ts';
import { DraftInfo, draftInfo, registerPublicationRoutes } from './publication.ts';

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

/** A row of the procedure library. */
const ProcedureSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    code: z.string().nullable(),
    name: Text,
    level: z.string(),
    field: z.string(),
    deadline: WorkingTime,
    receivingUnit: z.string().nullable().openapi({
      description: 'The unit whose one-stop desk receives the dossiers (of the first step)',
    }),
    steps: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    draft: z.union([DraftInfo, z.null()]),
    upcoming: z
      .object({ version: z.string(), effectiveFrom: Instant })
      .nullable()
      .openapi({ description: 'A published version that takes effect later' }),
  })
  .openapi('ProcedureSummary');

/** One page of the library. */
export const ProcedurePage = z
  .object({
    items: z.array(ProcedureSummary),
    drafts: z.array(ProcedureSummary).openapi({
      description: 'Drafts of procedures never published (filtered, not paged)',
    }),
    total: z.number().int().openapi({ description: 'Every match of `items`' }),
    offset: z.number().int(),
    limit: z.number().int().nullable(),
    fields: z.array(z.string()).openapi({ description: 'The fields of the whole library' }),
    ids: z.array(z.string()).optional().openapi({
      description: 'With `ids=true`: every id of procedures and drafts, unfiltered',
    }),
  })
  .openapi('ProcedurePage');

/** A procedure as read for editing (or the version in effect), with what is known of it. */
export const LoadedProcedure = z
  .object({
    procedure: ProcedureDefinition,
    layout: z.unknown().openapi({
      description: 'Positions of the steps on the canvas (the `.layout.json` sidecar), or null',
    }),
    version: z.string(),
    etag: z.string(),
    problems: z.array(ProblemSchema).readonly(),
    metrics: ProcedureMetricsSchema,
    draft: z.union([DraftInfo, z.null()]),
    published: z
      .object({ version: z.string(), inEffect: z.string(), upcoming: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The latest published version, the one in effect, one to come' }),
  })
  .openapi('LoadedProcedure');

/** The answer to a save: the draft's new version and ETag. */
export const SavedProcedure = z
  .object({
    version: z.string(),
    etag: z.string(),
    problems: z
      .array(ProblemSchema)
      .readonly()
      .openapi({ description: 'Warnings (errors refuse the save)' }),
    draft: DraftInfo,
  })
  .openapi('SavedProcedure');

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The catalog of levels, roles and units (`units.json`, engine/format/unitCatalog.ts). */
export const UnitCatalogAnswer = z
  .object({
    $schema: z.string().optional(),
    levels: z.array(z.object({ id: z.string(), name: Text, legacy: z.boolean().optional() })),
    roles: z.array(z.object({ id: z.string(), name: Text, citizen: z.boolean().optional() })),
    units: z.array(
      z.object({
        id: z.string(),
        name: Text,
        level: z.string(),
        parent: z.string().optional(),
        code: z.string().optional(),
        oneStop: z.boolean().optional(),
        officeHours: z.array(z.object({ start: Clock, end: Clock })).optional(),
        cutoff: Clock.optional(),
      }),
    ),
  })
  .openapi('UnitCatalog');

const LocalDate = z.string().openapi({ format: 'date' });

/** The days of a year that are not ordinary (engine/calendar/dayInfo.ts). */
export const CalendarYear = z
  .object({
    year: z.number().int(),
    days: z
      .array(
        z.union([
          z.object({
            date: LocalDate,
            working: z.literal(true),
            reason: z.literal('swapped-working').optional(),
            name: Text.optional(),
            forecast: z.boolean(),
          }),
          z.object({
            date: LocalDate,
            working: z.literal(false),
            reason: z.enum(['weekend', 'holiday', 'compensatory', 'swapped-off']),
            name: Text.optional(),
            forecast: z.boolean(),
          }),
        ]),
      )
      .readonly(),
  })
  .openapi('CalendarYear');

/** What the list needs of a procedure object that does not change with it: kept per object. */
const listFacts = new WeakMap<Procedure, { steps: number; searchText: string }>();

function factsOf(procedure: Procedure): { steps: number; searchText: string } {
  let facts = listFacts.get(procedure);
  if (!facts) {
    facts = {
      // The steps the editor's panel counts: reachable steps of the agencies (not the citizen's).
      steps: procedureMetrics(procedure).steps,
      searchText: foldSearch(
        `${procedure.name.vi} ${procedure.name.en} ${procedure.code ?? ''} ${procedure.field} ${procedure.id}`,
      ),
    };
    listFacts.set(procedure, facts);
  }
  return facts;
}

/** Text as searched: without Vietnamese diacritics (đ → d), lower case. */
function foldSearch(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

/** Summary of a procedure for the library list. */
function summary(procedure: Procedure, version: string, problems: { severity: string }[]) {
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
    steps: factsOf(procedure).steps,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

const ListQuery = z.object({
  q: z.string().max(200).optional().openapi({
    description:
      'Search in the name (vi, en), code, field and id; accents and case ignored, every word must match',
  }),
  level: z.string().max(100).optional().openapi({ description: 'Only procedures of this level' }),
  field: z.string().max(200).optional().openapi({ description: 'Only procedures of this field' }),
  unit: z.string().max(100).optional().openapi({
    description: 'Only procedures whose first step is at this unit (what its desk receives)',
  }),
  valid: z.enum(['true']).optional().openapi({ description: 'Only procedures without errors' }),
  ids: z.enum(['true']).optional().openapi({
    description:
      'Also `ids`: the id of every procedure and draft, unfiltered (a new id must differ)',
  }),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({
    description: 'Page size of `items` (all of them when absent); `total` counts every match',
  }),
});

function ifMatchOf(header: string | undefined): string | undefined {
  return header?.replace(/^W\//, '').replace(/"/g, '');
}

/** The designer's back end: list, read, validate and save procedure drafts. */
export function registerProcedureRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const drafts = new DraftStore(deps.db);
  registerPublicationRoutes(app, deps);
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listProcedures',
      path: '/api/procedures',
      tags: ['Procedures'],
      summary: 'The procedure library',
      description:
        'Every current procedure (`items`, sorted by id) and the drafts of procedures never published (`drafts`). Filtered by `q`, `level`, `field`, `unit`, `valid`; `offset` and `limit` page `items`, `total` counts every match, and `fields` lists the fields of the whole library (for a filter).',
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'Every current procedure with its validation status',
          content: { 'application/json': { schema: ProcedurePage } },
        },
        ...errors(400, 422),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const words = foldSearch(query.q ?? '')
        .split(/\s+/)
        .filter((w) => w !== '');
      const matches = (procedure: Procedure, errorCount: number) =>
        (!query.level || procedure.level === query.level) &&
        (!query.field || procedure.field === query.field) &&
        (!query.unit ||
          procedure.machine.states[procedure.machine.initial]?.meta?.unit === query.unit) &&
        (!query.valid || errorCount === 0) &&
        words.every((w) => factsOf(procedure).searchText.includes(w));
      const now = deps.now();
      const byId = new Map((await drafts.list()).map((d) => [d.procedureId, d]));
      const allIds = query.ids
        ? [...new Set([...deps.registry.list().map((e) => e.procedure.id), ...byId.keys()])].sort()
        : [];
      const fields = new Set<string>();
      const matched = deps.registry.list().flatMap((latest) => {
        const id = latest.procedure.id;
        // Desks see the version in effect now; the library also the draft and what is coming.
        const e = deps.registry.inEffect(id, now) ?? latest;
        const draft = byId.get(id);
        byId.delete(id);
        fields.add(e.procedure.field);
        const problems = e === latest ? e.problems : [];
        const errorCount = problems.filter((p) => p.severity === 'error').length;
        return matches(e.procedure, errorCount) ? [{ e, latest, draft, problems }] : [];
      });
      const offset = query.offset ?? 0;
      const page = matched.slice(
        offset,
        query.limit === undefined ? undefined : offset + query.limit,
      );
      const items = page.map(({ e, draft, problems }) => {
        const upcoming = deps.registry.publications.pendingUntil(e.procedure.id, now);
        return {
          ...summary(e.procedure, e.version, [...problems]),
          draft: draft ? draftInfo(draft) : null,
          upcoming: upcoming
            ? {
                version: upcoming.version,
                effectiveFrom: new Date(upcoming.effectiveFrom).toISOString(),
              }
            : null,
        };
      });
      // Procedures never published: only in the library, never at a desk.
      const unpublished = [...byId.values()]
        .filter((d) => matches(d.procedure, 0))
        .map((d) => ({
          ...summary(d.procedure, procedureVersion(d.procedure), []),
          draft: draftInfo(d),
          upcoming: null,
        }));
      return c.json(
        {
          items,
          drafts: unpublished,
          total: matched.length,
          offset,
          limit: query.limit ?? null,
          fields: [...fields].sort((a, b) => a.localeCompare(b, 'vi')),
          ...(query.ids ? { ids: allIds } : {}),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getProcedure',
      path: '/api/procedures/{id}',
      tags: ['Procedures'],
      summary:
        'A procedure definition with its layout, version, ETag, problems and metrics: the version in effect now, or with `view=edit` the working copy (the draft, else the latest published)',
      request: {
        params: IdParam,
        query: z.object({ view: z.enum(['edit', 'effective']).optional() }),
      },
      responses: {
        200: {
          description: 'The definition',
          content: { 'application/json': { schema: LoadedProcedure } },
        },
        ...errors(404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const now = deps.now();
      const latest = await deps.registry.refresh(id, now);
      const publication = latest
        ? {
            version: latest.version,
            inEffect: deps.registry.inEffect(id, now)?.version ?? latest.version,
            upcoming: deps.registry.publications.pendingUntil(id, now)?.version ?? null,
          }
        : null;
      if (c.req.valid('query').view === 'edit') {
        requireUser(c);
        const draft = await drafts.get(id);
        if (draft) {
          const problems = validateProcedure(draft.procedure, { units: deps.registry.catalog() });
          c.header('ETag', `"${draft.etag}"`);
          return c.json(
            {
              procedure: draft.procedure,
              layout: draft.layout ?? deps.registry.layout(id),
              version: procedureVersion(draft.procedure),
              etag: draft.etag,
              problems,
              metrics: procedureMetrics(draft.procedure),
              draft: draftInfo(draft),
              published: publication,
            },
            200,
          );
        }
      }
      const entry = c.req.valid('query').view === 'edit' ? latest : deps.registry.inEffect(id, now);
      if (!entry || !latest) throw new AppError('not-found', `No procedure "${id}"`);
      c.header('ETag', `"${entry.etag}"`);
      return c.json(
        {
          procedure: entry.procedure,
          layout: deps.registry.layout(id),
          version: entry.version,
          etag: entry.etag,
          problems: entry === latest ? entry.problems : [],
          metrics: procedureMetrics(entry.procedure),
          draft: null,
          published: publication,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      operationId: 'saveProcedureDraft',
      path: '/api/procedures/{id}',
      tags: ['Procedures'],
      summary:
        'Save the draft of a procedure (refused when the draft, or for a first draft the published file, changed since it was read); publishing writes the file',
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
        200: {
          description: 'Saved',
          content: { 'application/json': { schema: SavedProcedure } },
        },
        ...errors(400, 401, 403, 409, 413, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      if (!user.isAdmin && !user.roles.includes(DESIGNER_ROLE))
        throw new AppError('forbidden', 'Only procedure designers save definitions');
      const { id } = c.req.valid('param');
      if (!deps.registry.fileFor(id)) {
        throw new AppError(
          'validation',
          `"${id}" is not a procedure id: lowercase letters, digits and dashes, at most 100 characters, and not a file of the library such as units`,
          {
            problems: [
              {
                path: '/id',
                message: 'lowercase letters, digits and dashes; not units, calendars or a schema',
              },
            ],
          },
        );
      }
      const body = c.req.valid('json');
      const procedure = body.procedure as unknown as Procedure;
      if (procedure.id !== id)
        throw new AppError('validation', `The procedure id must match the URL ("${id}")`, {
          problems: [{ path: '/procedure/id', message: `expected "${id}"` }],
        });
      const machineId = (procedure.machine as { id?: unknown } | undefined)?.id;
      if (machineId !== undefined && machineId !== id)
        throw new AppError('validation', `machine.id must be the procedure id ("${id}")`, {
          problems: [{ path: '/procedure/machine/id', message: `expected "${id}"` }],
        });
      const problems = validateProcedure(procedure, { units: deps.registry.catalog() });
      if (hasErrors(problems))
        throw new AppError('validation', 'The procedure has errors; it is not saved', { problems });
      const expected = ifMatchOf(c.req.valid('header')['if-match']);
      // The draft when there is one, else the published file: the ETag read must still be it.
      const previous = await drafts.get(id);
      const latest = await deps.registry.refresh(id, deps.now());
      const onDisk = deps.registry.readFile(id);
      const base = previous ? previous.etag : onDisk === undefined ? null : etagOf(onDisk);
      if ((expected ?? null) !== base) {
        throw new AppError(
          previous ? 'version-conflict' : 'file-changed',
          previous
            ? 'The draft was saved by someone else since it was opened; reload it before saving'
            : 'The file changed on disk since it was opened; reload it before saving',
          { etag: base },
        );
      }
      const draft = await drafts.save({
        procedure,
        layout: body.layout ?? null,
        previous,
        baseEtag: latest ? latest.etag : null,
        user: user.id,
        now: deps.now(),
      });
      c.header('ETag', `"${draft.etag}"`);
      return c.json(
        {
          version: procedureVersion(procedure),
          etag: draft.etag,
          problems,
          draft: draftInfo(draft),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listUnits',
      path: '/api/units',
      tags: ['Procedures'],
      summary: 'The catalog of levels, roles and units',
      responses: {
        200: {
          description: 'units.json',
          content: { 'application/json': { schema: UnitCatalogAnswer } },
        },
        ...errors(400),
      },
    }),
    (c) => c.json(deps.registry.catalog(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getCalendar',
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
          content: { 'application/json': { schema: CalendarYear } },
        },
        ...errors(422),
      },
    }),
    (c) =>
      c.json(
        {
          year: c.req.valid('param').year,
          days: specialDays(deps.calendar, c.req.valid('param').year),
        },
        200,
      ),
  );
}
