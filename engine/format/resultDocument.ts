import { Type, type Static } from '@sinclair/typebox';
import { Key, LocalizedText } from './primitives.ts';

/**
 * A line of the result document: a label and a value. The value is text in which
 * `{data.<field>}` (a field of the e-form), `{applicant.name}`, `{applicant.idNumber}`,
 * `{applicant.address}`, `{dossier.code}`, `{dossier.receivedAt}`, `{dossier.signedAt}`,
 * `{procedure.name}` and `{unit.name}` are replaced by the dossier's values — data, never code.
 */
export const ResultField = Type.Object(
  {
    label: LocalizedText,
    value: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type ResultField = Static<typeof ResultField>;

/**
 * The template of the procedure's result (kết quả giải quyết) issued as a PDF, e.g. the birth
 * extract (trích lục khai sinh) or a decision (quyết định). When the dossier receives the event
 * `signedOn` (the leader's SIGN), the server renders it from the dossier and signs it digitally.
 */
export const ResultDocumentSpec = Type.Object(
  {
    title: LocalizedText,
    /** Paragraphs before the fields, e.g. the legal grounds (căn cứ) of a decision. */
    preamble: Type.Optional(Type.Array(LocalizedText, { maxItems: 30 })),
    fields: Type.Array(ResultField, { maxItems: 60 }),
    /** Paragraphs after the fields, e.g. the articles of a decision. Placeholders allowed. */
    closing: Type.Optional(Type.Array(LocalizedText, { maxItems: 30 })),
    /** The signer's title above the signature, e.g. "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH". */
    signerTitle: Type.Optional(LocalizedText),
    signedOn: Type.String({
      ...Key,
      description: 'The event that signs the result (e.g. SIGN): the PDF is rendered and signed',
    }),
  },
  { additionalProperties: false },
);
export type ResultDocumentSpec = Static<typeof ResultDocumentSpec>;
