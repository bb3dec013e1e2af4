import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../appError.ts';
import { digitisationReport } from '../../files/digitisationReport.ts';
import { contentDisposition } from '../../files/fileType.ts';
import { UnsupportedType, type FileService } from '../../files/fileService.ts';
import { listDossierFiles, reusableFiles } from '../../files/fileViews.ts';
import { recordAccess } from '../../runtime/accessLog.ts';
import { assertCanReadDossier } from '../../runtime/readScope.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorBody } from '../errorHandler.ts';
import { errors, Text } from '../schemas.ts';

/** A file as the API shows it. */
const FileView = z
  .object({
    id: z.string(),
    document: z.string().openapi({ description: 'The checklist item, `other` or `result`' }),
    title: z.string().nullable(),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    sha256: z.string(),
    stage: z.string(),
    stepId: z.string().nullable(),
    uploadedAt: z.string().openapi({ format: 'date-time' }),
    uploader: z.string(),
    reusedFrom: z.string().nullable(),
    url: z.string().openapi({ description: 'Opens inline (the browser’s own viewer)' }),
    downloadUrl: z.string(),
  })
  .openapi('DossierFile');

/** A dossier's files against its checklist. */
export const DossierFiles = z
  .object({
    documents: z
      .array(
        z.object({
          id: z.string(),
          name: Text,
          required: z.boolean(),
          ticked: z.boolean(),
          digitised: z.boolean(),
          files: z.array(FileView).readonly(),
        }),
      )
      .readonly(),
    other: z.array(FileView).readonly(),
    results: z.array(FileView).readonly(),
    result: z.union([Text, z.null()]),
  })
  .openapi('DossierFiles');

/** The citizen's files in other dossiers, to attach again. */
export const ReusableFiles = z
  .object({
    items: z
      .array(
        FileView.extend({
          dossierId: z.string(),
          dossierCode: z.string(),
          procedure: z.object({ id: z.string(), name: z.union([Text, z.null()]) }),
          documentName: z.union([Text, z.null()]),
        }),
      )
      .readonly(),
  })
  .openapi('ReusableFiles');

const Rate = z
  .number()
  .nullable()
  .openapi({ description: 'Percent, one decimal; null when there is nothing to divide' });

/** The digitisation figures of one unit, one procedure, or all (key `*`). */
const DigitisationRow = z
  .object({
    key: z.string(),
    received: z.number().int(),
    digitisedAtReception: z.number().int().openapi({
      description: 'Received dossiers whose every document ticked has a file attached at reception',
    }),
    results: z.number().int().openapi({ description: 'Dossiers finished with a result' }),
    resultsDigitised: z.number().int(),
    files: z.number().int(),
    reused: z.number().int(),
    receptionRate: Rate,
    resultRate: Rate,
    reuseRate: Rate,
  })
  .openapi('DigitisationRow');

/** The digitisation report of a period. */
export const DigitisationReport = z
  .object({
    from: z.string(),
    to: z.string(),
    byUnit: z.array(DigitisationRow).readonly(),
    byProcedure: z.array(DigitisationRow).readonly(),
    total: DigitisationRow,
  })
  .openapi('DigitisationReport');

/** The upload body, read up to the per-file limit: 413 naming the limit as soon as it is passed. */
export async function readBody(c: Context<AppEnv>, files: FileService): Promise<Uint8Array> {
  const max = files.config.maxFileBytes;
  const tooLarge = () =>
    new AppError('payload-too-large', `The file is larger than MAX_FILE_BYTES (${max} bytes)`, {
      limit: 'MAX_FILE_BYTES',
      max,
    });
  const length = c.req.header('content-length');
  if (length !== undefined && /^\d+$/.test(length) && Number(length) > max) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

const FileId = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The file service, or a 503-free refusal when the runtime was built without one. */
function filesOf(deps: AppDeps): FileService {
  if (!deps.files) throw new Error('no file service configured');
  return deps.files;
}

/**
 * Dossier files: upload (pending until an event links it), list against the checklist, open or
 * download (only for who may read the dossier, each open logged), the citizen's reusable
 * documents, and the digitisation report.
 */
export function registerFileRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Raw bytes, not JSON: described here, read by hand (the type is judged from the content).
  app.post('/api/uploads', async (c) => {
    const user = requireUser(c);
    const files = filesOf(deps);
    const header = c.req.header('x-file-name');
    const name = c.req.query('name') ?? (header ? decodeURIComponentSafe(header) : 'tep');
    if (name.length > 500)
      throw new AppError('validation', 'The file name is too long', {
        problems: [{ path: '/query/name', message: 'at most 500 characters' }],
      });
    const bytes = await readBody(c, files);
    try {
      return c.json(await files.upload(user, bytes, name), 201);
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

  app.get('/api/files/:id{[0-9a-fA-F-]{36}}', async (c) => {
    const user = requireUser(c);
    const files = filesOf(deps);
    const id = c.req.param('id');
    const row = await deps.db
      .selectFrom('dossier_files')
      .select(['id', 'dossier_id', 'sha256', 'content_type', 'original_name', 'size'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('not-found', `No file "${id}"`);
    // A file of a dossier the caller may not read looks like no file at all.
    try {
      await assertCanReadDossier(deps, user, row.dossier_id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not-found')
        throw new AppError('not-found', `No file "${id}"`);
      throw error;
    }
    const download = c.req.query('download') === '1';
    const bytes = await files.store.get(row.sha256);
    if (!bytes) throw new Error(`blob ${row.sha256} of file ${id} is missing from the store`);
    await recordAccess(deps, {
      userId: user.id,
      dossierId: row.dossier_id,
      action: 'file',
      detail: `${download ? 'download' : 'open'} ${row.id} ${row.original_name}`,
    });
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'Content-Type': row.content_type,
        'Content-Length': String(bytes.byteLength),
        'Content-Disposition': contentDisposition(
          download ? 'attachment' : 'inline',
          row.original_name,
        ),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Cross-Origin-Resource-Policy': 'same-origin',
        ETag: `"${row.sha256}"`,
      },
    });
  });

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listDossierFiles',
      path: '/api/dossiers/{id}/files',
      tags: ['Files'],
      summary: "A dossier's files against its checklist, with the other papers and the result",
      request: { params: FileId },
      responses: {
        200: {
          description: 'The files',
          content: { 'application/json': { schema: DossierFiles } },
        },
        ...errors(401, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      await assertCanReadDossier(deps, user, id);
      return c.json(await listDossierFiles(deps, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listReusableFiles',
      path: '/api/files',
      tags: ['Files'],
      summary:
        "The citizen's documents and results already in the system (by ID number), to attach again without a new scan",
      request: {
        query: z.object({ citizen: z.string().regex(/^[0-9]{12}$/, 'a 12-digit citizen ID') }),
      },
      responses: {
        200: {
          description: 'The files',
          content: { 'application/json': { schema: ReusableFiles } },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { citizen } = c.req.valid('query');
      return c.json({ items: await reusableFiles(deps, user, citizen) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getDigitisationReport',
      path: '/api/reports/digitisation',
      tags: ['Reports'],
      summary:
        'Digitisation (số hóa): dossiers fully digitised at reception, results digitised, documents reused — by unit and procedure',
      request: { query: z.object({ from: Day, to: Day }) },
      responses: {
        200: {
          description: 'The rates',
          content: { 'application/json': { schema: DigitisationReport } },
        },
        ...errors(401, 422),
      },
    }),
    async (c) => {
      requireUser(c);
      const q = c.req.valid('query');
      const from = Date.parse(`${q.from}T00:00:00+07:00`);
      const to = Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000;
      if (Number.isNaN(from) || Number.isNaN(to) || to <= from)
        throw new AppError('validation', 'Not a period', {
          problems: [{ path: '/query/to', message: 'dates that exist, to on or after from' }],
        });
      return c.json(
        { from: q.from, to: q.to, ...(await digitisationReport(deps.db, from, to)) },
        200,
      );
    },
  );
}

/** A name sent percent-encoded (as browsers do for a header), or as is when it is not. */
function decodeURIComponentSafe(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
