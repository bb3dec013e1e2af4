import { formatNumber } from '../format/numbers.ts';
import type { LocalizedText } from '../format/primitives.ts';
import type { Guard } from './guards.ts';

const OPS: Record<string, { vi: string; en: string }> = {
  eq: { vi: '=', en: '=' },
  ne: { vi: '≠', en: '≠' },
  lt: { vi: '<', en: '<' },
  le: { vi: '≤', en: '≤' },
  gt: { vi: '>', en: '>' },
  ge: { vi: '≥', en: '≥' },
  in: { vi: 'thuộc', en: 'in' },
};

const NO_WHERE = { vi: '', en: '' };

/** A guard as a short sentence in Vietnamese and English, for messages naming the condition. */
export function describeGuard(guard: Guard): { vi: string; en: string } {
  switch (guard.type) {
    case 'field': {
      const { field, op, value, source } = guard.params;
      const where =
        source === 'event' ? { vi: ' (của sự kiện)', en: ' (of the event)' } : { vi: '', en: '' };
      if (op === 'exists')
        return { vi: `"${field}"${where.vi} có giá trị`, en: `"${field}"${where.en} is present` };
      // A number as each language writes it (≥ 1,5 in Vietnamese), anything else as JSON.
      const v = (lang: 'vi' | 'en') =>
        typeof value === 'number' ? formatNumber(value, lang) : JSON.stringify(value);
      return {
        vi: `"${field}"${where.vi} ${OPS[op]!.vi} ${v('vi')}`,
        en: `"${field}"${where.en} ${OPS[op]!.en} ${v('en')}`,
      };
    }
    case 'all':
    case 'any': {
      const parts = guard.params.guards.map(describeGuard);
      const [vi, en] = guard.type === 'all' ? [' và ', ' and '] : [' hoặc ', ' or '];
      return {
        vi: `(${parts.map((p) => p.vi).join(vi)})`,
        en: `(${parts.map((p) => p.en).join(en)})`,
      };
    }
    case 'not': {
      const inner = describeGuard(guard.params.guard);
      return { vi: `không ${inner.vi}`, en: `not ${inner.en}` };
    }
    case 'documentPresent':
      return {
        vi: `có giấy tờ "${guard.params.document}"`,
        en: `document "${guard.params.document}" is present`,
      };
    case 'channel':
      return {
        vi: `kênh tiếp nhận thuộc ${guard.params.in.join(', ')}`,
        en: `channel is one of ${guard.params.in.join(', ')}`,
      };
    case 'elapsed': {
      const { field, op, value, unit, source } = guard.params;
      const where = source === 'event' ? { vi: ' (của sự kiện)', en: ' (of the event)' } : NO_WHERE;
      const units = {
        days: ['ngày', 'days'],
        months: ['tháng', 'months'],
        years: ['năm', 'years'],
      }[unit];
      return {
        vi: `từ ngày "${field}"${where.vi} đến ngày tiếp nhận ${OPS[op]!.vi} ${value} ${units[0]}`,
        en: `from "${field}"${where.en} to the reception date ${OPS[op]!.en} ${value} ${units[1]}`,
      };
    }
    default: {
      const never: never = guard;
      return { vi: JSON.stringify(never), en: JSON.stringify(never) } satisfies LocalizedText;
    }
  }
}
