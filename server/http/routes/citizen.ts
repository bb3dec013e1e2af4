import { createHash } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  eventName,
  eventOffers,
  receptionForm,
  resultDeliveryOf,
  slipTitles,
  type DossierSnapshot,
  type Procedure,
} from '../../../engine/index.ts';
import { AppError } from '../../appError.ts';
import type { User } from '../../auth/sessions.ts';
import { blockedUntil, recordFailure, type ThrottlePolicy } from '../../auth/throttle.ts';
import { UnsupportedType } from '../../files/fileService.ts';
import { PublicCatalog, publicProcedure } from '../../library/publicCatalog.ts';
import { RESULT_DOCUMENT } from '../../pdf/issueResult.ts';
import { latestResultFile } from '../../pdf/resultFile.ts';
import { slipPdfFile, submissionReceiptFile } from '../../pdf/slipFile.ts';
import { issuedSlip, PDF_SLIP_KINDS, type PdfSlipKind } from '../../pdf/slipPdf.ts';
import { citizenDossier, publicProofOfWork } from '../citizenAccess.ts';
import { clientAddress } from '../clientInfo.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { dossierView } from '../dossierView.ts';
import { errorBody } from '../errorHandler.ts';
import {
  CatalogPage,
  FormSpecSchema,
  PublicProcedure,
  ResultDeliverySchema,
} from '../publicSchemas.ts';
import { errors, Instant, Text } from '../schemas.ts';
import { pdfResponse } from './pdf.ts';
import { readBody } from './files.ts';

/** Online submissions from one address: 5 an hour, then refused for the rest of the hour. */
export const SUBMISSIONS_PER_ADDRESS: ThrottlePolicy = {
  windowMs: 60 * 60_000,
  freeFailures: 5,
  blockMs: 60 * 60_000,
  maxBlockMs: 60 * 60_000,
};

/** Citizen uploads from one address: 40 an hour (a few dossiers' documents). */
export const UPLOADS_PER_ADDRESS: ThrottlePolicy = {
  windowMs: 60 * 60_000,
  freeFailures: 40,
  blockMs: 60 * 60_000,
  maxBlockMs: 60 * 60_000,
};

/** Files one submission or supplement may attach. */
const MAX_UPLOADS = 20;

/**
 * The citizen's uploads are tied to a random key the page keeps (no account): only the same key
 * links them to the submission, so an upload id seen elsewhere is useless.
 */
function citizenUser(uploadKey: string): User {
  return {
    id: `citizen:${createHash('sha256').update(uploadKey).digest('hex').slice(0, 32)}`,
    username: 'citizen',
    displayName: 'Công dân (trực tuyến)',
    unitId: 'cong-dan',
    roles: ['applicant'],
    isAdmin: false,
  };
}

/** Count one request on a per-address limit; 429 (with when to retry) past it. */
async function countRequest(
  c: Context<AppEnv>,
  deps: AppDeps,
  name: string,
  policy: ThrottlePolicy,
  message: { vi: string; en: string },
): Promise<void> {
  const now = deps.now();
  const key = `${name}:addr:${clientAddress(c, deps.config.trustProxy)}`;
  const refuse = (until: number) =>
    new AppError('rate-limited', message.en, {
      limit: name,
      max: policy.freeFailures,
      retryAfterSeconds: Math.ceil((until - now) / 1000),
      message,
    });
  const blocked = await blockedUntil(deps.db, [key], now);
  if (blocked > now) throw refuse(blocked);
  const until = await recordFailure(deps.writes, key, policy, now);
  if (until > now) throw refuse(until);
}

const UploadLink = z.object({
  uploadId: z.string().uuid(),
  document: z.string().min(1).max(100),
  title: z.string().max(200).optional(),
});

const SubmitBody = z
  .object({
    procedureId: z.string().min(1).max(100),
    applicant: z
      .object({
        name: z.string().trim().min(2).max(200),
        idNumber: z
          .string()
          .regex(/^[0-9]{12}$/, '12 digits')
          .optional(),
        phone: z.string().regex(/^(0|\+84)[0-9]{9}$/, 'a Vietnamese phone number'),
        email: z.string().trim().email().max(200),
        address: z.string().max(500).optional(),
      })
      .strict(),
    data: z.record(z.string(), z.unknown()).default({}),
    uploads: z.array(UploadLink).max(MAX_UPLOADS).default([]),
    uploadKey: z.string().min(16).max(100),
    altcha: z.string().max(2000).optional().openapi({
      description: 'The solved challenge of GET /api/public/challenge (base64 ALTCHA payload)',
    }),
  })
  .strict()
  .openapi('OnlineSubmission');

const SupplementBody = z
  .object({
    secret: z.string().min(1).max(64),
    altcha: z.string().max(2000).optional(),
    event: z.string().min(1).max(100).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    uploads: z.array(UploadLink).max(MAX_UPLOADS).default([]),
    uploadKey: z.string().min(16).max(100),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .openapi('OnlineSupplement');

const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
});

/** A citizen's upload waiting for the submission or supplement that links it. */
const PendingUpload = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  name: z.string(),
  expiresAt: Instant,
});

/** What an online submission answers: the code and the secret, shown once. */
export const Submitted = z
  .object({
    code: z.string(),
    secret: z.string().openapi({ description: 'Shown once: with the code, opens the dossier' }),
    receivedAt: Instant,
    receipt: z.string().openapi({ description: 'The proof of submission (PDF), with the secret' }),
  })
  .openapi('OnlineSubmitted');

/** The citizen's dossier page: status, the desk's answers, supplement and result. */
export const OnlineDossier = z
  .object({
    code: z.string(),
    procedure: z.object({ id: z.string(), name: Text, code: z.string().nullable() }),
    channel: z.string(),
    status: z.enum(['active', 'done']),
    statusText: Text,
    waitingAcceptance: z.boolean().openapi({ description: 'Submitted, not yet accepted' }),
    currentSteps: z.array(Text).readonly(),
    receivedAt: Instant,
    acceptedAt: Instant.nullable(),
    appointmentDate: Instant.nullable(),
    completedAt: Instant.nullable(),
    outcome: z.string().nullable(),
    unit: z.object({ id: z.string(), name: Text.nullable() }),
    rated: z.boolean().openapi({ description: 'The citizen rated the service already' }),
    canRate: z.boolean().openapi({ description: 'The rating form is offered' }),
    answers: z
      .array(
        z.object({
          kind: z.string(),
          title: Text,
          issuedAt: Instant,
          reason: z.string().nullable(),
        }),
      )
      .readonly()
      .openapi({ description: 'The desk’s answers, each with its slip (PDF)' }),
    supplement: z
      .object({
        events: z.array(z.object({ type: z.string(), name: Text })).readonly(),
        reason: z.string().nullable(),
        form: z.union([FormSpecSchema, z.null()]),
        data: z.record(z.string(), z.unknown()),
        documents: z
          .array(
            z.object({
              id: z.string(),
              name: Text,
              kind: z.string(),
              required: z.boolean(),
              present: z.boolean(),
            }),
          )
          .readonly(),
      })
      .nullable()
      .openapi({ description: 'What the citizen may send while a supplement is awaited' }),
    result: z.object({
      delivery: z.array(ResultDeliverySchema).readonly(),
      issued: z.boolean(),
      electronic: z.boolean().openapi({ description: 'Downloadable with code and secret' }),
      name: Text.nullable(),
    }),
  })
  .openapi('OnlineDossier');

/** A missing or bad proof of work on a submission: 422 naming the field. */
function powProblem(message: string): AppError {
  return new AppError('validation', 'Solve the proof-of-work challenge first', {
    problems: [{ path: '/altcha', message }],
    challengeRequired: true,
  });
}

/** The note of the latest event of a type (the reason of a refusal or a supplement request). */
function latestNote(history: readonly { type: string; payload: unknown }[], type: string) {
  const event = [...history].reverse().find((h) => h.type === type);
  const note = (event?.payload as { note?: unknown } | undefined)?.note;
  return typeof note === 'string' && note.trim() ? note : null;
}

const REASON_EVENT: Record<string, string> = {
  supplementRequest: 'REQUEST_SUPPLEMENT',
  refusal: 'REFUSE',
  apology: 'EXTEND',
  stopNotice: 'STOP',
};

/**
 * The citizen's online public service (dịch vụ công trực tuyến), no sign-in: the public catalog,
 * online submission with uploads and a proof of work, the dossier's answers with their slips,
 * the online supplement, and the electronic result.
 */
export function registerCitizenRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const pow = publicProofOfWork(deps);
  const catalog = new PublicCatalog(deps.registry);

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'searchCatalog',
      path: '/api/public/catalog',
      tags: ['Public'],
      summary: 'The public catalog of procedures: searched (accents and case ignored) and paged',
      request: {
        query: z.object({
          q: z.string().max(200).optional(),
          field: z.string().max(200).optional(),
          online: z.enum(['true', 'false']).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
      responses: {
        200: { description: 'A page of procedures', ...json(CatalogPage) },
        ...errors(422),
      },
    }),
    (c) => {
      const q = c.req.valid('query');
      return c.json(
        catalog.search(
          {
            ...(q.q ? { q: q.q } : {}),
            ...(q.field ? { field: q.field } : {}),
            online: q.online === 'true',
            page: q.page,
            pageSize: q.pageSize,
          },
          deps.now(),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getCatalogProcedure',
      path: '/api/public/catalog/{id}',
      tags: ['Public'],
      summary: 'One procedure as published: documents, forms, fees, legal time and basis, result',
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
      },
      responses: {
        200: { description: 'The procedure', ...json(PublicProcedure) },
        ...errors(404),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const entry = deps.registry.inEffect(id, deps.now());
      if (!entry) throw new AppError('not-found', `No procedure "${id}"`);
      return c.json(publicProcedure(entry.procedure, entry.version, deps.registry.catalog()), 200);
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'post',
    operationId: 'uploadCitizenFile',
    path: '/api/public/uploads',
    tags: ['Public'],
    summary: 'A citizen’s upload for an online submission or supplement (raw PDF, JPEG or PNG)',
    security: [],
    request: {
      query: z.object({ name: z.string().max(500).optional() }),
      headers: z.object({
        'x-upload-key': z.string().min(16).max(100).openapi({
          description: 'The page’s random key; only the same key links the upload',
        }),
      }),
      body: {
        content: {
          'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        },
        required: true,
      },
    },
    responses: {
      201: {
        description: 'The pending upload (id, sha256, type, size, expiry)',
        ...json(PendingUpload),
      },
      ...errors(413, 422, 429),
      415: { description: 'Not a PDF, JPEG or PNG (judged from the content)' },
    },
  });
  // Raw bytes like /api/uploads: the type is judged from the content, MAX_FILE_BYTES applies.
  app.post('/api/public/uploads', async (c) => {
    const files = deps.files;
    if (!files) throw new Error('no file service configured');
    const key = c.req.header('x-upload-key') ?? '';
    if (key.length < 16 || key.length > 100)
      throw new AppError('validation', 'Send the page’s upload key (16 to 100 characters)', {
        problems: [{ path: '/headers/x-upload-key', message: '16 to 100 characters' }],
      });
    const name = c.req.query('name') ?? 'tep';
    if (name.length > 500)
      throw new AppError('validation', 'The file name is too long', {
        problems: [{ path: '/query/name', message: 'at most 500 characters' }],
      });
    await countRequest(c, deps, 'upload', UPLOADS_PER_ADDRESS, {
      vi: 'Đã tải lên quá nhiều tệp từ địa chỉ này. Vui lòng thử lại sau.',
      en: 'Too many uploads from this address. Try again later.',
    });
    const bytes = await readBody(c, files);
    try {
      return c.json(await files.upload(citizenUser(key), bytes, name), 201);
    } catch (error) {
      if (error instanceof UnsupportedType)
        return c.json(
          errorBody('unsupported-media-type', error.message, {
            found: error.found ?? null,
            allowed: ['application/pdf', 'image/jpeg', 'image/png'],
          }),
          415,
        );
      throw error;
    }
  });

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'submitOnline',
      path: '/api/public/submissions',
      tags: ['Public'],
      summary: 'Submit a dossier online (nộp hồ sơ trực tuyến): waits for the desk to accept it',
      request: {
        body: { content: { 'application/json': { schema: SubmitBody } }, required: true },
      },
      responses: {
        201: { description: 'Submitted: code and secret (shown once)', ...json(Submitted) },
        ...errors(404, 413, 422, 429),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const now = deps.now();
      // Every attempt counts (before the work is checked): a robot is slowed by both.
      await countRequest(c, deps, 'submit', SUBMISSIONS_PER_ADDRESS, {
        vi: 'Đã nộp quá nhiều hồ sơ từ địa chỉ này trong một giờ. Vui lòng thử lại sau.',
        en: 'Too many submissions from this address in an hour. Try again later.',
      });
      if (!body.altcha) throw powProblem('solve the challenge of GET /api/public/challenge');
      const entry = deps.registry.inEffect(body.procedureId, now);
      if (!entry)
        throw new AppError('not-found', `No procedure "${body.procedureId}"`, {
          field: 'procedureId',
        });
      const procedure = entry.procedure;
      if (procedure.onlineService === 'none')
        throw new AppError('validation', 'This procedure is not offered online', {
          problems: [{ path: '/procedureId', message: 'no online service (onlineService: none)' }],
        });
      const missing = procedure.documents.filter(
        (d) => d.required && d.kind !== 'form' && !body.uploads.some((u) => u.document === d.id),
      );
      if (missing.length > 0)
        throw new AppError('validation', 'Required documents are missing', {
          problems: missing.map((d) => ({
            path: '/uploads',
            message: `missing ${d.id} (${d.name.vi})`,
          })),
        });
      if (!(await pow.verifyOnce(deps.writes, body.altcha, now)))
        throw powProblem('wrong, expired or already used: solve a new challenge');
      const form = receptionForm(procedure);
      const documents = procedure.documents
        .filter(
          (d) => body.uploads.some((u) => u.document === d.id) || (d.kind === 'form' && !!form),
        )
        .map((d) => d.id);
      const user = citizenUser(body.uploadKey);
      const r = await deps.writes.run((trx) =>
        deps.dossiers.receive(
          trx,
          user,
          {
            procedureId: procedure.id,
            applicant: body.applicant,
            channel: 'online',
            data: body.data,
            documents,
            accept: false,
            uploads: body.uploads,
          },
          { citizen: true },
        ),
      );
      return c.json(
        {
          code: r.code,
          secret: r.secret,
          receivedAt: new Date(now).toISOString(),
          receipt: `/api/public/dossiers/${encodeURIComponent(r.code)}/pdf/submission`,
        },
        201,
      );
    },
  );

  /** The dossier a citizen opened, as their page shows it. */
  async function citizenView(id: string) {
    const now = deps.now();
    const row = await deps.db
      .selectFrom('dossiers')
      .select(['procedure_id', 'procedure_version', 'snapshot'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
    if (!procedure) throw new Error(`procedure version missing for dossier ${id}`);
    const d = await dossierView(deps.db, deps.calendar, procedure, id, undefined, now);
    const result = await deps.db
      .selectFrom('dossier_files')
      .select('id')
      .where('dossier_id', '=', id)
      .where('document_id', '=', RESULT_DOCUMENT)
      .limit(1)
      .executeTakeFirst();
    const snapshot = JSON.parse(row.snapshot) as DossierSnapshot;
    return { d, procedure, snapshot, now, hasResultFile: !!result };
  }

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getOnlineDossier',
      path: '/api/public/dossiers/{code}/online',
      tags: ['Public'],
      summary:
        'The citizen’s dossier page: status, the desk’s answers and slips, supplement, result',
      request: {
        params: CodeParam,
        query: z.object({
          secret: z.string().min(1).max(64),
          altcha: z.string().max(2000).optional(),
        }),
      },
      responses: {
        200: { description: 'The dossier', ...json(OnlineDossier) },
        ...errors(404, 422, 429),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const { secret, altcha } = c.req.valid('query');
      const id = await citizenDossier(c, deps, pow, code, secret, altcha);
      const { d, procedure, snapshot, hasResultFile } = await citizenView(id);
      const rated = await hasRating(deps, id);
      return c.json(onlineView(d, procedure, snapshot, deps, hasResultFile, rated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'supplementOnline',
      path: '/api/public/dossiers/{code}/supplement',
      tags: ['Public'],
      summary: 'The citizen’s online supplement: missing documents and corrected e-form fields',
      request: {
        params: CodeParam,
        body: { content: { 'application/json': { schema: SupplementBody } }, required: true },
      },
      responses: {
        200: { description: 'Sent: the dossier page as it is now', ...json(OnlineDossier) },
        ...errors(404, 409, 413, 422, 429),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const body = c.req.valid('json');
      const id = await citizenDossier(c, deps, pow, code, body.secret, body.altcha);
      const before = await citizenView(id);
      const offered = eventOffers(before.procedure, before.snapshot).filter(
        (e) => e.role === 'applicant',
      );
      const type = body.event ?? offered[0]?.type;
      if (!type)
        throw new AppError('version-conflict', 'The dossier does not wait for a supplement now', {
          state: before.snapshot.machine.value,
        });
      const documents = [
        ...new Set([
          ...before.d.documents,
          ...body.uploads.map((u) => u.document).filter((x) => x !== 'other'),
        ]),
      ];
      await deps.writes.run((trx) =>
        deps.dossiers.apply(
          trx,
          citizenUser(body.uploadKey),
          id,
          {
            type,
            ...(body.data ? { data: body.data } : {}),
            documents,
            ...(body.note ? { note: body.note } : {}),
            uploads: body.uploads,
          },
          { citizen: true },
        ),
      );
      const after = await citizenView(id);
      return c.json(
        onlineView(
          after.d,
          after.procedure,
          after.snapshot,
          deps,
          after.hasResultFile,
          await hasRating(deps, id),
        ),
        200,
      );
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'get',
    operationId: 'getCitizenPdf',
    path: '/api/public/dossiers/{code}/pdf/{kind}',
    tags: ['Public'],
    summary:
      'The citizen’s documents as PDF: the submission proof, the slips issued, the electronic result',
    request: {
      params: z.object({ code: z.string(), kind: z.string() }),
      query: z.object({ secret: z.string() }),
    },
    responses: {
      200: {
        description: 'The PDF',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      404: { description: 'Wrong code or secret, document not issued, or no electronic result' },
      429: { description: 'Too many failed lookups: solve the challenge' },
    },
  });
  app.get('/api/public/dossiers/:code/pdf/:kind', async (c) => {
    const code = c.req.param('code');
    const kind = c.req.param('kind');
    const secret = (c.req.query('secret') ?? '').trim().toUpperCase();
    if (!secret || secret.length > 64 || code.length > 64)
      throw new AppError('validation', 'Give the code and the secret', {
        problems: [{ path: '/query/secret', message: 'the secret of the receipt' }],
      });
    const kinds = ['submission', RESULT_DOCUMENT, ...PDF_SLIP_KINDS.filter((k) => k !== 'control')];
    if (!kinds.includes(kind))
      throw new AppError('validation', `No document "${kind}"`, {
        problems: [{ path: '/kind', message: `one of ${kinds.join(', ')}` }],
      });
    const id = await citizenDossier(c, deps, pow, code, secret, c.req.query('altcha'));
    const { d, procedure, now } = await citizenView(id);
    if (kind === RESULT_DOCUMENT) {
      if (!resultDeliveryOf(procedure).includes('electronic'))
        throw new AppError('not-found', 'This procedure does not deliver its result online');
      const file = await latestResultFile(deps, id);
      if (!file || d.outcome !== 'approved')
        throw new AppError('not-found', 'The dossier has no result document yet');
      return pdfResponse(file.bytes, file.name);
    }
    if (kind === 'submission') {
      if (d.channel !== 'online')
        throw new AppError('not-found', 'The dossier was not submitted online');
      const file = await submissionReceiptFile(deps, d, secret, now);
      return pdfResponse(file.bytes, file.name);
    }
    const slip = kind as PdfSlipKind;
    if (!issuedSlip(d, slip))
      throw new AppError('not-found', `The slip "${slip}" has not been issued for this dossier`);
    const file = await slipPdfFile(deps, d, slip, slip === 'receipt' ? secret : undefined, now);
    return pdfResponse(file.bytes, file.name);
  });
}

/** Whether the citizen has rated the service for this dossier (once only). */
async function hasRating(deps: AppDeps, id: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('ratings')
    .select('dossier_id')
    .where('dossier_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** What the citizen's dossier page shows. */
function onlineView(
  d: Awaited<ReturnType<typeof dossierView>>,
  procedure: Procedure,
  snapshot: DossierSnapshot,
  deps: AppDeps,
  hasResultFile: boolean,
  rated: boolean,
): z.infer<typeof OnlineDossier> {
  const catalog = deps.registry.catalog();
  const unit = catalog.units.find((u) => u.id === d.unit);
  const supplementEvents =
    snapshot.status === 'active'
      ? eventOffers(procedure, snapshot).filter((e) => e.role === 'applicant')
      : [];
  const delivery = resultDeliveryOf(procedure);
  const resultIssued = d.outcome === 'approved';
  const initial = procedure.machine.initial;
  const waitingAcceptance =
    snapshot.status === 'active' &&
    snapshot.clock.status === 'not-started' &&
    snapshot.machine.value === initial;
  return {
    code: d.code,
    procedure: { id: procedure.id, name: procedure.name, code: procedure.code ?? null },
    channel: d.channel,
    status: d.status,
    statusText: waitingAcceptance
      ? { vi: 'Chờ tiếp nhận', en: 'Waiting for acceptance' }
      : d.statusText,
    waitingAcceptance,
    currentSteps: d.steps.map((s) => s.name),
    receivedAt: d.receivedAt,
    acceptedAt: d.clock.acceptedAt ?? null,
    appointmentDate: d.appointmentDate,
    completedAt: d.completedAt,
    outcome: d.outcome,
    unit: unit ? { id: unit.id, name: unit.name } : { id: d.unit, name: null },
    // The satisfaction rating (once, after the result; a withdrawal has nothing to rate).
    rated,
    canRate: snapshot.status === 'done' && snapshot.outcome !== 'withdrawn' && !rated,
    // The desk's answers, each with its slip (PDF with code + secret).
    answers: d.slips
      .filter((s) => s.kind !== 'control' && s.kind !== 'result')
      .map((s) => ({
        kind: s.kind,
        title: slipTitles[s.kind as PdfSlipKind],
        issuedAt: s.issuedAt,
        reason: REASON_EVENT[s.kind] ? latestNote(d.history, REASON_EVENT[s.kind]!) : null,
      })),
    supplement:
      supplementEvents.length > 0
        ? {
            events: supplementEvents.map((e) => ({
              type: e.type,
              name: eventName(procedure, e.type),
            })),
            reason: latestNote(d.history, 'REQUEST_SUPPLEMENT'),
            form: receptionForm(procedure) ?? null,
            data: d.data,
            documents: procedure.documents.map((doc) => ({
              id: doc.id,
              name: doc.name,
              kind: doc.kind,
              required: doc.required,
              present: d.documents.includes(doc.id),
            })),
          }
        : null,
    result: {
      delivery,
      issued: resultIssued,
      electronic: delivery.includes('electronic') && resultIssued && hasResultFile,
      name: procedure.result ?? procedure.resultDocument?.title ?? null,
    },
  };
}
