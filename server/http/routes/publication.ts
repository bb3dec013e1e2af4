import { execFileSync } from 'node:child_process';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { procedureMetrics, type Procedure } from '../../../engine/index.ts';
import { AppError } from '../../appError.ts';
import { DESIGNER_ROLE, PUBLISHER_ROLE, type User } from '../../auth/sessions.ts';
import { DraftStore, type Draft } from '../../library/drafts.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { errors, Instant, ProcedureDefinition, ProcedureMetricsSchema } from '../schemas.ts';

/** Where the draft of a procedure stands (without its content). */
export const DraftInfo = z
  .object({
    status: z.enum(['draft', 'review']),
    saves: z.number().int(),
    createdBy: z.string(),
    savedBy: z.string(),
    savedAt: Instant,
    submittedBy: z.string().nullable(),
    submittedAt: Instant.nullable(),
    reviewNote: z.string().nullable(),
  })
  .openapi('DraftInfo');

/** A draft after a change of status: its new ETag and where it stands. */
const DraftAnswer = z.object({ etag: z.string(), draft: DraftInfo }).openapi('DraftAnswer');

/** A published version, as the register records it. */
const PublishedVersion = z
  .object({
    version: z.string(),
    source: z.enum(['review', 'file']),
    publishedBy: z.string().nullable(),
    publishedByName: z.string().nullable(),
    submittedByName: z.string().nullable(),
    publishedAt: Instant,
    effectiveFrom: Instant,
    decisionNumber: z.string().nullable(),
    state: z.enum(['in-effect', 'upcoming', 'past']),
  })
  .openapi('PublishedVersion');

/** A git revision of the procedure's file. */
const GitRevision = z
  .object({ commit: z.string(), date: z.string(), author: z.string(), subject: z.string() })
  .openapi('GitRevision');

/** The history of a procedure: its draft, published versions (newest first), git revisions. */
export const VersionHistory = z
  .object({
    id: z.string(),
    draft: z.union([DraftInfo, z.null()]),
    versions: z.array(PublishedVersion).readonly(),
    git: z.array(GitRevision).readonly(),
  })
  .openapi('VersionHistory');

const Published = z
  .object({
    version: z.string(),
    etag: z.string(),
    publication: z.object({
      id: z.string(),
      procedureId: z.string(),
      version: z.string(),
      publishedBy: z.string().nullable(),
      submittedBy: z.string().nullable(),
      publishedAt: Instant,
      effectiveFrom: Instant,
      decisionNumber: z.string().nullable(),
      source: z.enum(['review', 'file']),
    }),
  })
  .openapi('Published');

/** A version of a procedure: the definition (see procedure.schema.json) and its figures. */
const VersionAnswer = z
  .object({
    procedure: ProcedureDefinition,
    version: z.string(),
    metrics: ProcedureMetricsSchema,
  })
  .openapi('ProcedureVersion');

export type DraftInfoAnswer = z.infer<typeof DraftInfo>;
export type DraftChange = z.infer<typeof DraftAnswer>;
export type VersionHistoryAnswer = z.infer<typeof VersionHistory>;

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const DAY = 86_400_000;
const VN = 7 * 3_600_000;

/** The local (UTC+7) date of an instant, `YYYY-MM-DD`. */
export function localDate(ms: number): string {
  return new Date(ms + VN).toISOString().slice(0, 10);
}

/** The first instant of a local (UTC+7) date. */
export function startOfLocalDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - VN;
}

/** The draft as the API shows it (without its content). */
export function draftInfo(d: Draft): z.infer<typeof DraftInfo> {
  return {
    status: d.status,
    saves: d.saves,
    createdBy: d.createdBy,
    savedBy: d.savedBy,
    savedAt: new Date(d.savedAt).toISOString(),
    submittedBy: d.submittedBy,
    submittedAt: d.submittedAt === null ? null : new Date(d.submittedAt).toISOString(),
    reviewNote: d.reviewNote,
  };
}

/** Whether a user may publish reviewed drafts. */
export function mayPublish(user: User): boolean {
  return user.isAdmin || user.roles.includes(PUBLISHER_ROLE);
}

function requireDesigner(user: User): void {
  if (!user.isAdmin && !user.roles.includes(DESIGNER_ROLE))
    throw new AppError('forbidden', 'Only procedure designers edit drafts');
}

function ifMatch(header: string | undefined): string | undefined {
  return header?.replace(/^W\//, '').replace(/"/g, '');
}

async function draftOr404(drafts: DraftStore, id: string): Promise<Draft> {
  const draft = await drafts.get(id);
  if (!draft) throw new AppError('not-found', `Procedure "${id}" has no draft`);
  return draft;
}

function requireFresh(draft: Draft, etag: string | undefined): void {
  if (etag !== draft.etag)
    throw new AppError(
      'version-conflict',
      'The draft was saved again since it was read; reload it first',
      { etag: draft.etag },
    );
}

/** The git history of a file, when the library is a git checkout (empty otherwise). */
function gitLog(dir: string, file: string) {
  try {
    const out = execFileSync(
      'git',
      ['-C', dir, 'log', '--max-count=50', '--format=%H%x1f%aI%x1f%an%x1f%s', '--', file],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 },
    );
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [commit, date, author, subject] = line.split('\x1f');
        return { commit: commit!, date: date!, author: author!, subject: subject ?? '' };
      });
  } catch {
    return [];
  }
}

function gitShow(dir: string, commit: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'show', `${commit}:./${file}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/**
 * Review and publication: submit a draft, send it back, publish it with an effective date and
 * a decision number, discard it; the versions published (and git revisions) of a procedure.
 */
export function registerPublicationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const drafts = new DraftStore(deps.db);
  const json = <T extends z.ZodType>(schema: T) => ({
    content: { 'application/json': { schema } },
  });

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'submitDraftForReview',
      path: '/api/procedures/{id}/draft/submit',
      tags: ['Procedures'],
      summary: 'Submit the draft for review (If-Match: the draft ETag read)',
      request: {
        params: IdParam,
        headers: z.object({ 'if-match': z.string().max(100).optional() }),
      },
      responses: {
        200: { description: 'Submitted', ...json(DraftAnswer) },
        ...errors(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      requireDesigner(user);
      const { id } = c.req.valid('param');
      const draft = await draftOr404(drafts, id);
      requireFresh(draft, ifMatch(c.req.valid('header')['if-match']));
      const next = await drafts.setStatus(id, 'review', user.id, deps.now());
      return c.json({ etag: next.etag, draft: draftInfo(next) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'returnDraft',
      path: '/api/procedures/{id}/draft/return',
      tags: ['Procedures'],
      summary: 'Send a submitted draft back for changes, with a note',
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': { schema: z.object({ note: z.string().trim().min(1).max(2000) }) },
          },
          required: true,
        },
      },
      responses: {
        200: { description: 'Returned', ...json(DraftAnswer) },
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      if (!mayPublish(user)) throw new AppError('forbidden', 'Only publishers review drafts');
      const { id } = c.req.valid('param');
      const draft = await draftOr404(drafts, id);
      if (draft.status !== 'review')
        throw new AppError('version-conflict', 'The draft is not submitted for review');
      const next = await drafts.setStatus(
        id,
        'draft',
        user.id,
        deps.now(),
        c.req.valid('json').note,
      );
      return c.json({ etag: next.etag, draft: draftInfo(next) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'publishProcedure',
      path: '/api/procedures/{id}/publish',
      tags: ['Procedures'],
      summary:
        'Approve and publish the submitted draft (a second person with the publisher role), effective from a date',
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                etag: z.string().min(1).max(100),
                effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
                decisionNumber: z.string().trim().max(100).nullable().optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: { description: 'Published', ...json(Published) },
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      if (!mayPublish(user))
        throw new AppError('forbidden', 'Only officers with the publisher role publish');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const draft = await draftOr404(drafts, id);
      requireFresh(draft, body.etag);
      if (draft.status !== 'review')
        throw new AppError('version-conflict', 'Submit the draft for review before publishing');
      if (user.id === draft.submittedBy || user.id === draft.savedBy)
        throw new AppError(
          'forbidden',
          'A second person publishes: the one who edited or submitted the draft cannot approve it',
        );
      const now = deps.now();
      const start = startOfLocalDate(body.effectiveFrom);
      const problem = (message: string) =>
        new AppError('validation', message, { problems: [{ path: '/effectiveFrom', message }] });
      if (Number.isNaN(start) || localDate(start) !== body.effectiveFrom)
        throw problem(`"${body.effectiveFrom}" is not a date`);
      if (body.effectiveFrom < localDate(now))
        throw problem(`the effective date ${body.effectiveFrom} is in the past`);
      if (start > now + 5 * 366 * DAY)
        throw problem('the effective date is more than 5 years ahead');
      const pending = deps.registry.publications.pendingUntil(id, now);
      if (pending && start < pending.effectiveFrom)
        throw problem(
          `version ${pending.version} takes effect on ${localDate(pending.effectiveFrom)}; publish from that date on`,
        );
      const result = await deps.registry.publish(
        draft.procedure,
        draft.layout,
        draft.baseEtag,
        {
          publishedBy: user.id,
          submittedBy: draft.submittedBy,
          effectiveFrom: Math.max(start, now),
          decisionNumber: body.decisionNumber || null,
        },
        now,
      );
      if (result.kind === 'conflict')
        throw new AppError(
          'file-changed',
          'The published file changed since the draft was started; reload and save the draft again',
          { etag: result.etag },
        );
      if (result.kind === 'invalid')
        throw new AppError('validation', 'The procedure has errors; it is not published', {
          problems: result.problems,
        });
      await drafts.remove(id);
      return c.json(
        {
          version: result.entry.version,
          etag: result.entry.etag,
          publication: {
            ...result.publication,
            publishedAt: new Date(result.publication.publishedAt).toISOString(),
            effectiveFrom: new Date(result.publication.effectiveFrom).toISOString(),
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      operationId: 'discardDraft',
      path: '/api/procedures/{id}/draft',
      tags: ['Procedures'],
      summary: 'Discard the draft (the published version stays)',
      request: { params: IdParam },
      responses: {
        200: { description: 'Discarded', ...json(z.object({ discarded: z.string() })) },
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      requireDesigner(user);
      const { id } = c.req.valid('param');
      await draftOr404(drafts, id);
      await drafts.remove(id);
      return c.json({ discarded: id }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listProcedureVersions',
      path: '/api/procedures/{id}/versions',
      tags: ['Procedures'],
      summary: 'Every published version (who, when, effective from, decision) and git revisions',
      request: { params: IdParam },
      responses: { 200: { description: 'History', ...json(VersionHistory) }, ...errors(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const entry = deps.registry.get(id);
      const draft = await drafts.get(id);
      if (!entry && !draft) throw new AppError('not-found', `No procedure "${id}"`);
      const publications = deps.registry.publications.of(id);
      const people = new Set(
        publications.flatMap((p) => [p.publishedBy, p.submittedBy]).filter((x) => x !== null),
      );
      const names = new Map(
        people.size === 0
          ? []
          : (
              await deps.db
                .selectFrom('users')
                .select(['id', 'display_name'])
                .where('id', 'in', [...people])
                .execute()
            ).map((u) => [u.id, u.display_name] as const),
      );
      const now = deps.now();
      const inEffect = deps.registry.publications.inEffect(id, now);
      return c.json(
        {
          id,
          draft: draft ? draftInfo(draft) : null,
          versions: [...publications].reverse().map((p) => ({
            version: p.version,
            source: p.source,
            publishedBy: p.publishedBy,
            publishedByName: p.publishedBy ? (names.get(p.publishedBy) ?? p.publishedBy) : null,
            submittedByName: p.submittedBy ? (names.get(p.submittedBy) ?? p.submittedBy) : null,
            publishedAt: new Date(p.publishedAt).toISOString(),
            effectiveFrom: new Date(p.effectiveFrom).toISOString(),
            decisionNumber: p.decisionNumber,
            state: (p.id === inEffect?.id
              ? 'in-effect'
              : p.effectiveFrom > now
                ? 'upcoming'
                : 'past') as z.infer<typeof PublishedVersion>['state'],
          })),
          git: entry ? gitLog(deps.registry.dir, `${id}.json`) : [],
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getProcedureVersion',
      path: '/api/procedures/{id}/versions/{version}',
      tags: ['Procedures'],
      summary: 'A published version, or a git revision (`git:<commit>`), of a procedure',
      request: {
        params: IdParam.extend({
          version: z
            .string()
            .min(1)
            .max(60)
            .openapi({ param: { name: 'version', in: 'path' } }),
        }),
      },
      responses: { 200: { description: 'The definition', ...json(VersionAnswer) }, ...errors(404) },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      let procedure: Procedure | undefined;
      const git = /^git:([0-9a-f]{7,40})$/.exec(version);
      if (git) {
        const text = deps.registry.fileFor(id)
          ? gitShow(deps.registry.dir, git[1]!, `${id}.json`)
          : undefined;
        try {
          procedure = text === undefined ? undefined : (JSON.parse(text) as Procedure);
        } catch {
          procedure = undefined;
        }
      } else procedure = await deps.registry.version(id, version);
      if (!procedure || typeof procedure !== 'object' || !procedure.machine)
        throw new AppError('not-found', `Procedure "${id}" has no version "${version}"`);
      return c.json(
        {
          procedure: procedure,
          version,
          metrics: procedureMetrics(procedure),
        },
        200,
      );
    },
  );
}
