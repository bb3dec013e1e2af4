import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { formatNumber } from '../format/numbers.ts';
import { procedureJsonSchema } from '../format/procedureSchema.ts';
import { problem, type Problem } from './problem.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under some bundlers.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** Most structural problems reported for one file: past this the rest is noise. */
export const MAX_STRUCTURAL_PROBLEMS = 100;
/** Deepest nesting accepted: real procedures stay far below it. */
export const MAX_DEPTH = 64;

/** Create an Ajv instance configured the way motcua validates JSON Schemas. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: true });
  addFormats(ajv);
  return ajv;
}

let compiled: ValidateFunction | undefined;
function procedureValidator(): ValidateFunction {
  compiled ??= createAjv().compile(procedureJsonSchema());
  return compiled;
}

/** Find the first path deeper than `limit`, iteratively (deep junk must not blow the stack). */
export function findTooDeep(value: unknown, limit = MAX_DEPTH): string | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return path;
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object') {
        stack.push({
          v: child,
          path: `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          depth: depth + 1,
        });
      }
    }
  }
  return undefined;
}

function describe(e: ErrorObject): { vi: string; en: string } {
  const p = e.params as Record<string, unknown>;
  const limit = (lang: 'vi' | 'en') =>
    typeof p.limit === 'number' ? formatNumber(p.limit, lang) : String(p.limit);
  switch (e.keyword) {
    case 'required':
      return {
        vi: `Thiếu trường bắt buộc "${String(p.missingProperty)}"`,
        en: `Missing required field "${String(p.missingProperty)}"`,
      };
    case 'additionalProperties':
      return {
        vi: `Trường "${String(p.additionalProperty)}" không có trong định dạng thủ tục`,
        en: `Field "${String(p.additionalProperty)}" is not part of the procedure format`,
      };
    case 'type':
      return {
        vi: `Sai kiểu dữ liệu: cần ${String(p.type)}`,
        en: `Wrong type: expected ${String(p.type)}`,
      };
    case 'enum':
      return {
        vi: `Giá trị không hợp lệ; chấp nhận: ${(p.allowedValues as unknown[]).join(', ')}`,
        en: `Invalid value; allowed: ${(p.allowedValues as unknown[]).join(', ')}`,
      };
    case 'const':
      return {
        vi: `Giá trị phải là ${JSON.stringify(p.allowedValue)}`,
        en: `Value must be ${JSON.stringify(p.allowedValue)}`,
      };
    case 'pattern':
      return {
        vi: `Giá trị không đúng mẫu ${String(p.pattern)}`,
        en: `Value does not match the pattern ${String(p.pattern)}`,
      };
    case 'minLength':
      return { vi: 'Không được để trống', en: 'Must not be empty' };
    case 'maxLength':
      return {
        vi: `Dài quá ${limit('vi')} ký tự`,
        en: `Longer than ${limit('en')} characters`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        vi: `Giá trị phải ${String(p.comparison)} ${limit('vi')}`,
        en: `Value must be ${String(p.comparison)} ${limit('en')}`,
      };
    case 'minItems':
    case 'minProperties':
      return {
        vi: `Cần ít nhất ${limit('vi')} phần tử`,
        en: `Needs at least ${limit('en')} items`,
      };
    case 'uniqueItems':
      return { vi: 'Các phần tử bị trùng lặp', en: 'Items are duplicated' };
    case 'format':
      return { vi: `Sai định dạng ${String(p.format)}`, en: `Invalid ${String(p.format)} format` };
    case 'discriminator': {
      const tag = String(p.tag);
      const v = JSON.stringify(p.tagValue);
      return p.error === 'mapping'
        ? {
            vi: `Loại ${v} không có trong danh mục`,
            en: `Unknown ${tag} ${v}: not in the registry`,
          }
        : { vi: `Thiếu hoặc sai trường "${tag}"`, en: `Missing or invalid "${tag}"` };
    }
    case 'anyOf':
    case 'oneOf':
      return {
        vi: 'Giá trị không khớp với dạng nào được phép',
        en: 'Value matches none of the allowed shapes',
      };
    default:
      return { vi: `Không hợp lệ (${e.keyword})`, en: e.message ?? `Invalid (${e.keyword})` };
  }
}

/** Keep the most useful errors: drop union summaries when a branch explains the failure. */
function prune(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (
      (e.keyword === 'anyOf' || e.keyword === 'oneOf') &&
      errors.some(
        (o) =>
          o !== e &&
          o.instancePath.startsWith(e.instancePath) &&
          o.keyword !== 'anyOf' &&
          o.keyword !== 'oneOf',
      )
    ) {
      continue;
    }
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** Convert Ajv errors to problems whose paths point into the document. */
export function ajvProblems(
  errors: readonly ErrorObject[] | null | undefined,
  code = 'schema',
  base = '',
): Problem[] {
  if (!errors) return [];
  return prune(errors)
    .slice(0, MAX_STRUCTURAL_PROBLEMS)
    .map((e) => {
      // A missing field has no place in the text: point at its parent. An extra field has one.
      const extra =
        e.keyword === 'additionalProperties'
          ? `/${String((e.params as Record<string, unknown>).additionalProperty)}`
          : '';
      return problem(`${code}.${e.keyword}`, base + e.instancePath + extra, describe(e));
    });
}

/** Check the shape of a procedure against the JSON Schema. */
export function validateStructure(value: unknown): Problem[] {
  const deep = findTooDeep(value);
  if (deep !== undefined) {
    return [
      problem('too-deep', deep, {
        vi: `Cấu trúc lồng nhau quá sâu (hơn ${MAX_DEPTH} cấp)`,
        en: `Nested deeper than ${MAX_DEPTH} levels`,
      }),
    ];
  }
  const validate = procedureValidator();
  if (validate(value)) return [];
  return ajvProblems(validate.errors);
}
