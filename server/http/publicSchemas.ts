import { z } from '@hono/zod-openapi';
import { Text, WorkingTime } from './schemas.ts';

// The parts of a procedure and of a dossier the citizen's pages show, as answer schemas. They
// mirror the file format (engine/format, TypeBox) so that an engine value is a valid answer: a
// change there that these do not follow fails the type check of the route returning it.

/** A legal document the procedure rests on. */
const LegalDocumentSchema = z.object({
  number: z.string(),
  title: z.string(),
  issued: z.string().optional().openapi({ format: 'date' }),
});

/** How a fee follows from the e-form: tiers, a rate or an amount per unit. */
const FeeComputeSchema = z.union([
  z.object({
    kind: z.literal('tiers'),
    field: z.string(),
    tiers: z.array(z.object({ upTo: z.number().optional(), amountVnd: z.number().int() })),
  }),
  z.object({
    kind: z.literal('rate'),
    field: z.string(),
    ratePercent: z.number(),
    minVnd: z.number().int().optional(),
    maxVnd: z.number().int().optional(),
  }),
  z.object({
    kind: z.literal('perUnit'),
    field: z.string(),
    unitVnd: z.number().int(),
    freeUnits: z.number().int().optional(),
  }),
]);

/** A fee or charge of the procedure (phí, lệ phí). */
const FeeSchema = z.object({
  name: Text,
  amountVnd: z.number().int().openapi({ description: 'Fixed, or the least amount ("from")' }),
  compute: FeeComputeSchema.optional(),
  note: Text.optional(),
});

/** A document the applicant submits (thành phần hồ sơ). */
const DocumentSpecSchema = z.object({
  id: z.string(),
  name: Text,
  kind: z.string().openapi({
    description: 'original, copy, certified-copy, original-or-certified-copy or form (tờ khai)',
  }),
  copies: z.number().int(),
  required: z.boolean(),
  note: Text.optional(),
});

/** An e-form: its data's JSON Schema (any keywords) with Vietnamese titles. */
export const FormSpecSchema = z.object({
  id: z.string(),
  title: Text,
  schema: z
    .object({
      type: z.literal('object'),
      properties: z.record(z.string(), z.any()),
      required: z.array(z.string()).readonly().optional(),
    })
    .catchall(z.unknown())
    .openapi({ description: 'JSON Schema (draft 2020-12) of the form data' }),
});

/** How the result reaches the citizen. */
export const ResultDeliverySchema = z.enum(['electronic', 'desk', 'post']);

/** How the procedure is offered online: toàn trình, một phần, không. */
const OnlineServiceSchema = z.enum(['full', 'partial', 'none']);

/** A line of the public catalog. */
const CatalogItem = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: Text,
  field: z.string(),
  level: z.string(),
  agency: Text.nullable(),
  deadline: WorkingTime,
  onlineService: OnlineServiceSchema,
  feeVnd: z.number().int(),
  feeVaries: z.boolean().openapi({ description: 'A fee depends on the form: feeVnd is "from"' }),
});

/** A page of the public catalog, searched on the server. */
export const CatalogPage = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(CatalogItem).readonly(),
    fields: z.array(z.string()).readonly().openapi({ description: 'Every field, for the filter' }),
  })
  .openapi('PublicCatalogPage');

/** One procedure as published (the public sheet) and its e-form. */
export const PublicProcedure = z
  .object({
    id: z.string(),
    version: z.string(),
    code: z.string().nullable(),
    name: Text,
    field: z.string(),
    level: z.string(),
    agency: Text.nullable(),
    legalBasis: z.array(LegalDocumentSchema).readonly(),
    deadline: WorkingTime,
    fees: z.array(FeeSchema).readonly(),
    documents: z.array(DocumentSpecSchema).readonly(),
    forms: z.array(z.object({ id: z.string(), title: Text })).readonly(),
    form: z.union([FormSpecSchema, z.null()]).openapi({
      description: 'The e-form filled on submission (the desk’s reception form)',
    }),
    onlineService: OnlineServiceSchema,
    result: Text.nullable(),
    resultDelivery: z.array(ResultDeliverySchema).readonly(),
    submitTo: z
      .object({ id: z.string(), name: Text.nullable() })
      .nullable()
      .openapi({ description: 'The unit of the first step (bộ phận một cửa)' }),
  })
  .openapi('PublicProcedure');
