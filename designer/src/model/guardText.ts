import type { Guard, Procedure } from '../../../engine/index.ts';
import { fill, localized, type Lang, type Strings } from '../i18n/strings.ts';
import { fieldInfo } from './formModel.ts';

const SYMBOL = { eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥' } as const;

function valueText(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  return JSON.stringify(value);
}

/**
 * A guard in plain words, with the e-form's field titles: `Giới tính = “Nam” và có Giấy chứng
 * sinh`. Used for edge labels and the properties panel; never evaluated.
 */
export function guardText(
  guard: Guard,
  procedure: Procedure,
  s: Strings,
  lang: Lang,
  nested = false,
): string {
  switch (guard.type) {
    case 'field': {
      const { field, op, value, source } = guard.params;
      const title = source === 'event' ? field : (fieldInfo(procedure, field)?.title ?? field);
      if (op === 'exists') return `${title} ${s.op_exists}`;
      if (op === 'in') return `${title} ${s.op_in} (${valueText(value)})`;
      return `${title} ${SYMBOL[op]} ${valueText(value)}`;
    }
    case 'all':
    case 'any': {
      const joiner = guard.type === 'all' ? ` ${s.and} ` : ` ${s.or} `;
      const text = guard.params.guards
        .map((g) => guardText(g, procedure, s, lang, true))
        .join(joiner);
      return nested && guard.params.guards.length > 1 ? `(${text})` : text;
    }
    case 'not':
      return `${s.not} ${guardText(guard.params.guard, procedure, s, lang, true)}`;
    case 'documentPresent': {
      const doc = procedure.documents.find((d) => d.id === guard.params.document);
      return fill(s.hasDocument, { document: localized(doc?.name, lang, guard.params.document) });
    }
    case 'channel':
      return fill(s.channelIn, {
        channels: guard.params.in.map((c) => s[`channel_${c}`]).join(', '),
      });
    case 'elapsed': {
      const { field, op, value, unit, source } = guard.params;
      const title = source === 'event' ? field : (fieldInfo(procedure, field)?.title ?? field);
      return fill(s.elapsedText, {
        field: title,
        op: SYMBOL[op],
        value: String(value),
        unit: s[`elapsedUnit_${unit}`],
      });
    }
    default: {
      const never: never = guard;
      throw new Error(`unknown guard ${JSON.stringify(never)}`);
    }
  }
}
