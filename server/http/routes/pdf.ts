import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../appError.ts';
import { dossierView } from '../dossierView.ts';
import { requireUser } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { hashSecret } from '../../runtime/dossierService.ts';
import { assertCanReadDossier } from '../../runtime/readScope.ts';
import { recordAccess } from '../../runtime/accessLog.ts';
import { RESULT_DOCUMENT } from '../../pdf/issueResult.ts';
import { latestResultFile } from '../../pdf/resultFile.ts';
import { issuedSlip, PDF_SLIP_KINDS, type PdfSlipKind } from '../../pdf/slipPdf.ts';
import { slipPdfFile } from '../../pdf/slipFile.ts';
import { verifyPdf } from '../../pdf/verifyPdf.ts';
import { ErrorSchema } from '../schemas.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The verdict on a PDF: valid or not, who signed, when, for which dossier, and why not. */
export const VerifyAnswer = z
  .object({
    signed: z.boolean(),
    valid: z.boolean().openapi({
      description: 'Signed, unchanged, the signature checks out and the certificate is trusted',
    }),
    unchanged: z.boolean(),
    trusted: z.boolean(),
    signer: z
      .object({
        name: z.string().nullable(),
        organization: z.string().nullable(),
        serialNumber: z.string(),
        issuer: z.string().nullable(),
        validFrom: z.string().openapi({ format: 'date-time' }),
        validTo: z.string().openapi({ format: 'date-time' }),
      })
      .nullable(),
    signedAt: z.string().nullable().openapi({ format: 'date-time' }),
    dossierCode: z.string().nullable(),
    documentKind: z.string().nullable(),
    title: z.string().nullable(),
    problems: z
      .array(
        z.object({
          code: z.enum([
            'not-pdf',
            'not-signed',
            'malformed-signature',
            'changed',
            'partial-coverage',
            'bad-signature',
            'untrusted',
            'expired',
          ]),
          message: z.object({ vi: z.string(), en: z.string() }),
        }),
      )
      .readonly(),
  })
  .openapi('VerifyAnswer');

/** A PDF answer, downloaded under `name`. */
export function pdfResponse(bytes: Uint8Array, name: string): Response {
  return new Response(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as BodyInit,
    {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'private, no-store',
      },
    },
  );
}

/**
 * The documents as PDF: the slips and the signed result of a dossier for officers who may read
 * it (each download is logged), and the public verification of a signed PDF.
 */
export function registerPdfRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Binary routes, written with plain handlers; described here for /api/openapi.json.
  const pdf = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };
  const failure = { 'application/json': { schema: ErrorSchema } };
  app.openAPIRegistry.registerPath({
    method: 'get',
    operationId: 'getDossierPdf',
    path: '/api/dossiers/{id}/pdf/{kind}',
    tags: ['Documents'],
    summary: 'A slip (rendered now) or the signed result (stored) of a dossier, as PDF',
    request: {
      params: z.object({
        id: z.string().uuid(),
        kind: z.enum([...PDF_SLIP_KINDS, RESULT_DOCUMENT] as unknown as [string, ...string[]]),
      }),
      query: z.object({
        secret: z
          .string()
          .optional()
          .openapi({ description: 'receipt only: prints the lookup secret when it matches' }),
      }),
    },
    responses: {
      200: { description: 'The PDF', content: pdf },
      401: { description: 'Not signed in', content: failure },
      404: { description: 'No such dossier, slip not issued or no result yet', content: failure },
      422: { description: 'Unknown document kind or bad id', content: failure },
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    operationId: 'verifyPdf',
    path: '/api/verify',
    tags: ['Documents'],
    summary: 'Verify a signed PDF: valid or not, signer, signing time, dossier code, unchanged',
    security: [],
    request: { body: { content: pdf, required: true } },
    responses: {
      200: {
        description: 'The verdict (also for unsigned or damaged files)',
        content: { 'application/json': { schema: VerifyAnswer } },
      },
      422: { description: 'Empty body', content: failure },
    },
  });

  app.get('/api/dossiers/:id/pdf/:kind', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const kind = c.req.param('kind');
    if (!UUID.test(id))
      throw new AppError('validation', 'The dossier id is not a UUID', {
        problems: [{ path: '/id', message: 'a UUID' }],
      });
    if (kind !== RESULT_DOCUMENT && !PDF_SLIP_KINDS.includes(kind as PdfSlipKind))
      throw new AppError('validation', `No document "${kind}"`, {
        problems: [
          { path: '/kind', message: `one of ${[...PDF_SLIP_KINDS, RESULT_DOCUMENT].join(', ')}` },
        ],
      });
    await assertCanReadDossier(deps, user, id);

    if (kind === RESULT_DOCUMENT) {
      const file = await latestResultFile(deps, id);
      if (!file) throw new AppError('not-found', 'The dossier has no result document yet');
      await recordAccess(deps, { userId: user.id, dossierId: id, action: 'file', detail: kind });
      return pdfResponse(file.bytes, file.name);
    }

    const row = await deps.db
      .selectFrom('dossiers')
      .select(['procedure_id', 'procedure_version', 'secret_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
    if (!procedure) throw new Error(`procedure version missing for dossier ${id}`);
    const now = deps.now();
    const d = await dossierView(deps.db, deps.calendar, procedure, id, user, now);
    const slip = kind as PdfSlipKind;
    if (slip !== 'control' && !issuedSlip(d, slip))
      throw new AppError('not-found', `The slip "${slip}" has not been issued for this dossier`);
    // The receipt shows the lookup secret only to a caller who has it (the desk's first print).
    const secret = c.req.query('secret')?.trim().toUpperCase();
    const secretOk = !!secret && slip === 'receipt' && hashSecret(secret) === row.secret_hash;
    const file = await slipPdfFile(deps, d, slip, secretOk ? secret : undefined, now);
    await recordAccess(deps, { userId: user.id, dossierId: id, action: 'print', detail: slip });
    return pdfResponse(file.bytes, file.name);
  });

  app.post('/api/verify', async (c) => {
    const type = c.req.header('content-type') ?? '';
    let bytes: Uint8Array;
    if (type.startsWith('multipart/form-data')) {
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File))
        throw new AppError('validation', 'Attach the PDF as the form field "file"', {
          problems: [{ path: '/file', message: 'a PDF file' }],
        });
      bytes = new Uint8Array(await file.arrayBuffer());
    } else {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    }
    if (bytes.length === 0)
      throw new AppError('validation', 'The body is empty: send the PDF to verify', {
        problems: [{ path: '/', message: 'a PDF file' }],
      });
    const result: z.infer<typeof VerifyAnswer> = await verifyPdf(bytes, deps.signing.trusted());
    return c.json(result, 200);
  });
}
