import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely, Transaction } from 'kysely';
import QRCode from 'qrcode';
import type { DossierSnapshot, Procedure } from '../../../engine/index.ts';
import { AppError } from '../../appError.ts';
import type { Database } from '../../db/schema.ts';
import { pdfFileName } from '../../pdf/issueResult.ts';
import { signPdf } from '../../pdf/signPdf.ts';
import { renderPaymentReceipt, RECEIPT_TITLE } from '../../payments/paymentReceiptPdf.ts';
import {
  DuplicateTransactionError,
  insertPayment,
  paymentStatus,
  type PaymentStatus,
  type PaymentView,
} from '../../payments/paymentService.ts';
import {
  checkWebhookSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../../payments/webhookSignature.ts';
import { recordAccess } from '../../runtime/accessLog.ts';
import { permissionFor } from '../../runtime/permissions.ts';
import { assertCanReadDossier } from '../../runtime/readScope.ts';
import { requireUser } from '../auth.ts';
import { openCitizenDossier } from '../citizenAccess.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { idempotencyOf, idempotent } from '../idempotency.ts';
import { errors, IdempotencyHeader, Instant, Text } from '../schemas.ts';

const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const SecretQuery = z.object({ secret: z.string().min(1).max(64) });

const RecordBody = z.object({
  amountVnd: z.number().int().positive().max(1e13),
  method: z.enum(['desk', 'transfer']),
  transactionId: z.string().trim().min(1).max(100).optional(),
  paidAt: z.string().datetime({ offset: true }).optional(),
  payer: z.string().trim().min(1).max(200).optional(),
});

const WebhookBody = z.object({
  transactionId: z.string().trim().min(1).max(100),
  dossierCode: z.string().trim().min(1).max(64),
  amountVnd: z.number().int().positive().max(1e13),
  paidAt: z.string().datetime({ offset: true }),
  payer: z.string().trim().max(200).optional(),
  provider: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
});

/** The rule that gave a fee its amount (engine/fees/computeFees.ts). */
const FeeRule = z.union([
  z.object({ kind: z.literal('fixed') }),
  z.object({ kind: z.literal('tier'), field: z.string(), value: z.number(), tier: z.number() }),
  z.object({
    kind: z.literal('rate'),
    field: z.string(),
    value: z.number(),
    ratePercent: z.number(),
    bound: z.enum(['min', 'max']).optional(),
  }),
  z.object({
    kind: z.literal('perUnit'),
    field: z.string(),
    value: z.number(),
    unitVnd: z.number(),
    charged: z.number(),
  }),
  z.object({
    kind: z.literal('undetermined'),
    field: z.string(),
    reason: z.enum(['missing', 'not-a-number', 'no-tier']),
  }),
]);

/** A recorded payment. */
const Payment = z
  .object({
    id: z.string(),
    receiptNo: z.string(),
    amountVnd: z.number().int(),
    method: z.enum(['desk', 'transfer', 'provider']),
    transactionId: z.string().nullable(),
    paidAt: Instant,
  })
  .openapi('Payment');

/** What a dossier owes and has paid, and the VietQR transfer while something is due. */
export const PaymentStatusSchema = z
  .object({
    fees: z.object({
      items: z
        .array(
          z.object({
            index: z.number().int(),
            name: Text,
            amountVnd: z
              .number()
              .int()
              .nullable()
              .openapi({ description: 'null: the form data does not determine it' }),
            rule: FeeRule,
            basis: z.object({ vi: z.string(), en: z.string() }),
          }),
        )
        .readonly(),
      totalVnd: z.number().int().openapi({ description: 'Sum of the determined items' }),
      complete: z.boolean().openapi({ description: 'Every item is determined' }),
    }),
    paidVnd: z.number().int(),
    dueVnd: z.number().int().openapi({ description: 'Left to pay (never below 0)' }),
    waiting: z.boolean().openapi({ description: 'The dossier waits in a payment pause now' }),
    step: z.string().nullable(),
    paidEvent: z.string().nullable().openapi({ description: 'The event that ends the pause' }),
    payments: z.array(Payment).readonly(),
    transfer: z
      .object({
        payload: z.string().openapi({ description: 'The VietQR payload' }),
        purpose: z.string(),
        amountVnd: z.number().int(),
        bankBin: z.string(),
        accountNumber: z.string(),
        accountName: z.string(),
      })
      .nullable(),
    qrSvg: z.string().nullable().openapi({ description: 'The VietQR code drawn as SVG' }),
  })
  .openapi('PaymentStatus');

/** A payment recorded by an officer. */
export const PaymentRecorded = z
  .object({
    payment: Payment,
    resumed: z.boolean().openapi({ description: 'The payment pause ended' }),
  })
  .openapi('PaymentRecorded');

/** What the webhook answers the provider. */
const WebhookAnswer = z
  .object({
    status: z.enum(['recorded', 'duplicate']),
    receiptNo: z.string(),
    resumed: z.boolean(),
  })
  .openapi('PaymentWebhookAnswer');

/** A PDF answer, downloaded under `name`. */
function pdfResponse(bytes: Uint8Array, name: string): Response {
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

/** The status with the QR code drawn (SVG), for the pages. */
async function withQr(status: PaymentStatus): Promise<z.infer<typeof PaymentStatusSchema>> {
  return {
    ...status,
    qrSvg: status.transfer
      ? await QRCode.toString(status.transfer.payload, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 2,
        })
      : null,
  };
}

async function dossierRow(deps: AppDeps, db: Kysely<Database> | Transaction<Database>, id: string) {
  const row = await db
    .selectFrom('dossiers')
    .select(['id', 'code', 'unit_id', 'procedure_id', 'procedure_version', 'snapshot'])
    .select('applicant_name')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `No dossier "${id}"`);
  const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
  if (!procedure) throw new Error(`procedure version missing for dossier ${id}`);
  return { row, procedure, snapshot: JSON.parse(row.snapshot) as DossierSnapshot };
}

/** The receipt of one payment as a PDF, signed with the unit's key when one is configured. */
async function receiptPdf(
  deps: AppDeps,
  dossier: { code: string; unitId: string; applicant: string; procedure: Procedure },
  status: PaymentStatus,
  payment: PaymentView,
): Promise<Response> {
  const unit = await deps.db
    .selectFrom('units')
    .select('name_vi')
    .where('id', '=', dossier.unitId)
    .executeTakeFirst();
  const unitName = unit?.name_vi ?? dossier.unitId;
  const now = deps.now();
  const doc = await renderPaymentReceipt({
    unitName,
    code: dossier.code,
    applicant: dossier.applicant,
    procedure: dossier.procedure.name.vi,
    payment,
    fees: status.fees,
    lookupUrl: `${deps.config.publicUrl}/tra-cuu`,
    now,
  });
  const key = deps.signing.forUnit(dossier.unitId);
  const bytes = key
    ? await signPdf(
        doc,
        key.signer,
        {
          name: key.name,
          reason: `Biên lai ${payment.receiptNo} — hồ sơ ${dossier.code}`,
          location: unitName,
          contactInfo: deps.config.publicUrl,
        },
        new Date(now),
      )
    : await doc.save({ useObjectStreams: false });
  return pdfResponse(bytes, pdfFileName(`${RECEIPT_TITLE} ${payment.receiptNo}`, dossier.code));
}

/**
 * Fees and payments (#18): the amount due for the desk and the citizen, the VietQR transfer, an
 * officer recording a payment, the payment provider's signed webhook, and the receipt (biên lai).
 * A payment that settles a dossier waiting in a payment pause sends the step's "paid" event.
 */
export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const pdf = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getDossierPayment',
      path: '/api/dossiers/{id}/payment',
      tags: ['Payments'],
      summary:
        'Fees due (computed from the e-form), payments made, the payment pause and the VietQR transfer',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The payment status',
          content: { 'application/json': { schema: PaymentStatusSchema } },
        },
        ...errors(401, 404),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      await assertCanReadDossier(deps, user, id);
      const { row, procedure, snapshot } = await dossierRow(deps, deps.db, id);
      const status = await paymentStatus(deps.db, deps.config.payments, row, procedure, snapshot);
      return c.json(await withQr(status), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'recordDossierPayment',
      path: '/api/dossiers/{id}/payments',
      tags: ['Payments'],
      summary:
        'Record a payment (at the desk, or a transfer seen on the account); a dossier in a payment pause resumes',
      request: {
        params: IdParam,
        headers: IdempotencyHeader,
        body: { content: { 'application/json': { schema: RecordBody } }, required: true },
      },
      responses: {
        201: {
          description: 'The payment recorded, and whether the payment pause ended',
          content: { 'application/json': { schema: PaymentRecorded } },
        },
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await assertCanReadDossier(deps, user, id);
      const idem = idempotencyOf(c, user.id, body);
      const answer = await idempotent(deps, idem, async (trx) => {
        const { row, procedure, snapshot } = await dossierRow(deps, trx, id);
        const before = await paymentStatus(trx, deps.config.payments, row, procedure, snapshot);
        // Who may say the fee is paid: whoever may send the pause's "paid" event (the desk of
        // the receiving unit for a citizen step); with no pause, the receiving unit's desk.
        const allowed = before.paidEvent
          ? permissionFor(user, procedure, snapshot, before.paidEvent, row.unit_id).allowed
          : user.isAdmin || (user.unitId === row.unit_id && user.roles.includes('reception'));
        if (!allowed)
          throw new AppError('forbidden', 'Payments are recorded by the receiving unit’s desk');
        const now = deps.now();
        let recorded;
        try {
          recorded = await insertPayment(trx, {
            dossierId: id,
            code: row.code,
            amountVnd: body.amountVnd,
            method: body.method,
            transactionId: body.transactionId ?? null,
            payer: body.payer ?? null,
            recordedBy: user.id,
            paidAt: body.paidAt ? Date.parse(body.paidAt) : now,
            now,
          });
        } catch (error) {
          if (error instanceof DuplicateTransactionError)
            throw new AppError('conflict', error.message, { field: 'transactionId' });
          throw error;
        }
        if (recorded.duplicate)
          throw new AppError('conflict', 'This transaction is already recorded', {
            field: 'transactionId',
            receiptNo: recorded.payment.receiptNo,
          });
        // The officer's record says the obligation is met: the pause ends.
        let resumed = false;
        if (before.paidEvent) {
          await deps.dossiers.apply(trx, user, id, {
            type: before.paidEvent,
            note: `Đã nộp ${body.amountVnd} đồng, biên lai ${recorded.payment.receiptNo}`,
          });
          resumed = true;
        }
        return { status: 201, body: { payment: recorded.payment, resumed } };
      });
      return c.json(answer.body as z.infer<typeof PaymentRecorded>, 201);
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'get',
    operationId: 'getPaymentReceipt',
    path: '/api/dossiers/{id}/payments/{paymentId}/receipt',
    tags: ['Payments'],
    summary: 'The payment receipt (biên lai thu phí, lệ phí) as PDF',
    request: { params: z.object({ id: z.string().uuid(), paymentId: z.string().uuid() }) },
    responses: {
      200: { description: 'The PDF', content: pdf },
      401: { description: 'Not signed in' },
      404: { description: 'No such dossier or payment' },
    },
  });
  app.get('/api/dossiers/:id/payments/:paymentId/receipt', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const parsed = z.string().uuid().safeParse(id);
    if (!parsed.success)
      throw new AppError('validation', 'The dossier id is not a UUID', {
        problems: [{ path: '/id', message: 'a UUID' }],
      });
    await assertCanReadDossier(deps, user, id);
    const { row, procedure, snapshot } = await dossierRow(deps, deps.db, id);
    const status = await paymentStatus(deps.db, deps.config.payments, row, procedure, snapshot);
    const payment = status.payments.find((p) => p.id === c.req.param('paymentId'));
    if (!payment) throw new AppError('not-found', 'No such payment for this dossier');
    await recordAccess(deps, {
      userId: user.id,
      dossierId: id,
      action: 'print',
      detail: 'paymentReceipt',
    });
    return receiptPdf(
      deps,
      { code: row.code, unitId: row.unit_id, applicant: row.applicant_name, procedure },
      status,
      payment,
    );
  });

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getCitizenPayment',
      path: '/api/public/dossiers/{code}/payment',
      tags: ['Public'],
      summary:
        'The citizen’s fees: amount due, payments, and the VietQR code to pay by transfer (code + receipt secret)',
      request: { params: CodeParam, query: SecretQuery },
      responses: {
        200: {
          description: 'The payment status',
          content: { 'application/json': { schema: PaymentStatusSchema } },
        },
        ...errors(404, 422, 429),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const { secret } = c.req.valid('query');
      const d = await openCitizenDossier(c, deps, code, secret);
      const status = await paymentStatus(
        deps.db,
        deps.config.payments,
        { id: d.id, code: d.code },
        d.procedure,
        d.snapshot,
      );
      return c.json(await withQr(status), 200);
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'get',
    operationId: 'getCitizenPaymentReceipt',
    path: '/api/public/dossiers/{code}/payments/{receiptNo}/receipt',
    tags: ['Public'],
    summary: 'The citizen downloads a payment receipt (code + receipt secret)',
    request: {
      params: z.object({ code: z.string(), receiptNo: z.string() }),
      query: SecretQuery,
    },
    responses: {
      200: { description: 'The PDF', content: pdf },
      404: { description: 'Wrong code or secret, or no such receipt' },
      429: { description: 'Too many failed lookups' },
    },
  });
  app.get('/api/public/dossiers/:code/payments/:receiptNo/receipt', async (c) => {
    const secret = c.req.query('secret') ?? '';
    if (!secret || secret.length > 64)
      throw new AppError('validation', 'The receipt secret is required', {
        problems: [{ path: '/query/secret', message: 'the secret on the receipt' }],
      });
    const d = await openCitizenDossier(c, deps, c.req.param('code'), secret);
    const status = await paymentStatus(
      deps.db,
      deps.config.payments,
      { id: d.id, code: d.code },
      d.procedure,
      d.snapshot,
    );
    const payment = status.payments.find((p) => p.receiptNo === c.req.param('receiptNo'));
    if (!payment) throw new AppError('not-found', 'No such receipt for this dossier');
    return receiptPdf(
      deps,
      { code: d.code, unitId: d.unitId, applicant: d.applicantName, procedure: d.procedure },
      status,
      payment,
    );
  });

  app.openAPIRegistry.registerPath({
    method: 'post',
    operationId: 'receivePaymentWebhook',
    path: '/api/public/payments/webhook',
    tags: ['Payments'],
    summary:
      'The payment provider confirms a transfer (signed: HMAC-SHA256 of "<timestamp>.<raw body>"; see docs/PAYMENTS.md)',
    security: [],
    request: {
      headers: z.object({
        'x-motcua-timestamp': z.string().openapi({ description: 'Unix time in seconds' }),
        'x-motcua-signature': z
          .string()
          .openapi({ description: 'sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>' }),
      }),
      body: { content: { 'application/json': { schema: WebhookBody } }, required: true },
    },
    responses: {
      200: {
        description: 'Recorded, or a duplicate: a repeated transactionId records nothing',
        content: { 'application/json': { schema: WebhookAnswer } },
      },
      401: { description: 'Missing or bad signature, or a timestamp outside the window (replay)' },
      404: { description: 'No dossier with this code, or the webhook is not configured' },
      409: { description: 'The transaction id is recorded for another dossier' },
      422: { description: 'The body does not fit the schema' },
    },
  });
  app.post('/api/public/payments/webhook', async (c) => {
    const { webhookSecret, webhookToleranceSeconds } = deps.config.payments;
    if (!webhookSecret) throw new AppError('not-found', 'The payment webhook is not configured');
    const raw = await c.req.text();
    const refused = checkWebhookSignature(
      webhookSecret,
      webhookToleranceSeconds,
      { signature: c.req.header(SIGNATURE_HEADER), timestamp: c.req.header(TIMESTAMP_HEADER) },
      raw,
      deps.now(),
    );
    if (refused)
      throw new AppError('unauthenticated', `Webhook refused: ${refused}`, { reason: refused });
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('validation', 'The body is not JSON', {
        problems: [{ path: '/', message: 'a JSON object' }],
      });
    }
    const parsed = WebhookBody.safeParse(json);
    if (!parsed.success)
      throw new AppError('validation', 'The webhook body does not fit the schema', {
        problems: parsed.error.issues.map((i) => ({
          path: `/${i.path.join('/')}`,
          message: i.message,
        })),
      });
    const body = parsed.data;
    const provider = body.provider ?? 'provider';
    const answer = await deps.writes.run(async (trx) => {
      const row = await trx
        .selectFrom('dossiers')
        .select(['id', 'code', 'procedure_id', 'procedure_version', 'snapshot'])
        .where('code', '=', body.dossierCode)
        .executeTakeFirst();
      if (!row) throw new AppError('not-found', `No dossier "${body.dossierCode}"`);
      const procedure = await deps.registry.version(row.procedure_id, row.procedure_version);
      if (!procedure) throw new Error(`procedure version missing for dossier ${row.id}`);
      const snapshot = JSON.parse(row.snapshot) as DossierSnapshot;
      const now = deps.now();
      let recorded;
      try {
        recorded = await insertPayment(trx, {
          dossierId: row.id,
          code: row.code,
          amountVnd: body.amountVnd,
          method: 'provider',
          transactionId: `${provider}:${body.transactionId}`,
          payer: body.payer ?? null,
          recordedBy: `provider:${provider}`,
          paidAt: Date.parse(body.paidAt),
          now,
        });
      } catch (error) {
        if (error instanceof DuplicateTransactionError)
          throw new AppError('conflict', error.message, { field: 'transactionId' });
        throw error;
      }
      if (recorded.duplicate)
        return { status: 'duplicate', receiptNo: recorded.payment.receiptNo, resumed: false };
      // The pause ends when what is paid covers every determined fee (an undetermined fee waits
      // for the desk, which sees the payment and decides).
      const after = await paymentStatus(trx, deps.config.payments, row, procedure, snapshot);
      let resumed = false;
      if (after.paidEvent && after.fees.complete && after.dueVnd === 0) {
        await deps.dossiers.applySystem(
          trx,
          row.id,
          {
            type: after.paidEvent,
            note: `Đã nộp ${body.amountVnd} đồng qua ${provider}, biên lai ${recorded.payment.receiptNo}`,
          },
          `provider:${provider}`,
        );
        resumed = true;
      }
      return { status: 'recorded', receiptNo: recorded.payment.receiptNo, resumed };
    });
    return c.json(answer, 200);
  });
}
