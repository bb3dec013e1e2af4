import {
  formatNumber,
  receptionForm,
  type Procedure,
  type ResultDocumentSpec,
} from '../../engine/index.ts';
import { DocumentWriter } from './documentWriter.ts';
import { placeDate, placeOf, vnDate } from './vnText.ts';

/** The values a result template may name. */
export interface ResultValues {
  readonly procedure: Procedure;
  readonly dossierCode: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly applicant: {
    readonly name: string;
    readonly idNumber?: string | null;
    readonly address?: string | null;
  };
  readonly receivedAt: number;
  /** The signing instant (server clock). */
  readonly signedAt: number;
  /** The issuing unit (the signer's). */
  readonly unitName: string;
  /** Who signs, as printed under the signature. */
  readonly signerName: string;
  /** The verification page, e.g. `https://motcua.example.vn/xac-minh`. */
  readonly verifyUrl: string;
}

const PLACEHOLDER = /\{([A-Za-z]+(?:\.[A-Za-z0-9_]+)?)\}/g;

/** A form value in words: dates day first, booleans as Có/Không, numbers the Vietnamese way. */
function formValue(procedure: Procedure, field: string, value: unknown): string | undefined {
  const schema = receptionForm(procedure)?.schema.properties[field] as
    { format?: string; default?: unknown } | undefined;
  const v = value === undefined || value === '' ? schema?.default : value;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return formatNumber(v, 'vi', 6);
  if (typeof v === 'string' && (schema?.format === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(v)))
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? vnDate(v) : v;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The value of one placeholder, or undefined when the dossier has none. */
export function placeholderValue(name: string, values: ResultValues): string | undefined {
  if (name.startsWith('data.'))
    return formValue(values.procedure, name.slice(5), values.data[name.slice(5)]);
  switch (name) {
    case 'applicant.name':
      return values.applicant.name;
    case 'applicant.idNumber':
      return values.applicant.idNumber ?? undefined;
    case 'applicant.address':
      return values.applicant.address ?? undefined;
    case 'dossier.code':
      return values.dossierCode;
    case 'dossier.receivedAt':
      return vnDate(values.receivedAt);
    case 'dossier.signedAt':
      return vnDate(values.signedAt);
    case 'procedure.name':
      return values.procedure.name.vi;
    case 'unit.name':
      return values.unitName;
    default:
      return undefined;
  }
}

/** The placeholders a template text names that the format does not know (checked by tests). */
export function unknownPlaceholders(text: string, procedure: Procedure): string[] {
  const form = receptionForm(procedure);
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) =>
      name.startsWith('data.')
        ? !form || !(name.slice(5) in form.schema.properties)
        : ![
            'applicant.name',
            'applicant.idNumber',
            'applicant.address',
            'dossier.code',
            'dossier.receivedAt',
            'dossier.signedAt',
            'procedure.name',
            'unit.name',
          ].includes(name),
    );
}

/** Fill a template text; a value the dossier lacks prints as "—". */
export function fillTemplate(text: string, values: ResultValues): string {
  return text.replace(PLACEHOLDER, (_, name: string) => placeholderValue(name, values) ?? '—');
}

/**
 * The procedure's result (kết quả giải quyết) as an A4 PDF from the template of the procedure
 * file: heading, title, preamble, the fields, closing paragraphs, the signer, a QR code to the
 * verification page. Signed afterwards by `signPdf`.
 */
export async function renderResult(template: ResultDocumentSpec, values: ResultValues) {
  const title = template.title.vi;
  const w = await DocumentWriter.create({
    title: title.split('\n')[0]!,
    dossierCode: values.dossierCode,
    kind: 'result',
    author: values.unitName,
    created: new Date(values.signedAt),
  });
  w.heading(
    values.unitName,
    `Số: ${values.dossierCode}`,
    placeDate(placeOf(values.unitName), values.signedAt),
  );
  w.title(title);
  for (const p of template.preamble ?? [])
    w.paragraph(fillTemplate(p.vi, values), {
      indent: 28,
      ...(p.vi === 'QUYẾT ĐỊNH:'
        ? { face: 'bold' as const, align: 'center' as const, indent: 0 }
        : {}),
    });
  for (const f of template.fields) w.field(f.label.vi, fillTemplate(f.value, values));
  w.space(4);
  for (const p of template.closing ?? []) w.paragraph(fillTemplate(p.vi, values), { indent: 28 });
  w.space(8);
  w.signatures([
    null,
    {
      title: template.signerTitle?.vi ?? 'NGƯỜI KÝ',
      hint: `(Đã ký số ngày ${vnDate(values.signedAt)})`,
      name: values.signerName,
    },
  ]);
  const url = `${values.verifyUrl}?code=${encodeURIComponent(values.dossierCode)}`;
  w.qr(
    url,
    `Văn bản điện tử có chữ ký số. Kiểm tra chữ ký và tính toàn vẹn: quét mã QR hoặc tải tệp PDF lên ${values.verifyUrl}`,
  );
  return w.finish();
}
