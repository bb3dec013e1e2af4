import type { LocalizedText } from '../format/primitives.ts';
import type { FeeCompute, Procedure } from '../format/procedureSchema.ts';
import { readPath } from '../registry/guards.ts';

/** The rule that gave a fee item its amount (shown to the desk and the citizen). */
export type FeeRule =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'tier'; readonly field: string; readonly value: number; readonly tier: number }
  | {
      readonly kind: 'rate';
      readonly field: string;
      readonly value: number;
      readonly ratePercent: number;
      readonly bound?: 'min' | 'max';
    }
  | {
      readonly kind: 'perUnit';
      readonly field: string;
      readonly value: number;
      readonly unitVnd: number;
      readonly charged: number;
    }
  | {
      readonly kind: 'undetermined';
      readonly field: string;
      readonly reason: 'missing' | 'not-a-number' | 'no-tier';
    };

/** One fee of the procedure, computed for a dossier. */
export interface FeeItem {
  readonly index: number;
  readonly name: LocalizedText;
  /** The amount in VND, or null when the form data does not determine it. */
  readonly amountVnd: number | null;
  readonly rule: FeeRule;
  /** How the amount was found, in words (“Diện tích 620 m² > 500: 200.000 đ”). */
  readonly basis: { readonly vi: string; readonly en: string };
}

/** The fees a dossier owes (phí, lệ phí phải nộp). */
export interface FeeSummary {
  readonly items: readonly FeeItem[];
  /** Sum of the determined items, in VND. */
  readonly totalVnd: number;
  /** Every item is determined (no missing or non-numeric field). */
  readonly complete: boolean;
}

/** The title an e-form gives a dot-joined field (“Diện tích sàn”), else the field's key. */
function fieldTitle(forms: Procedure['forms'], field: string): string {
  for (const form of forms) {
    let node: unknown = form.schema;
    for (const segment of field.split('.')) {
      const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
      node =
        props && Object.prototype.hasOwnProperty.call(props, segment) ? props[segment] : undefined;
    }
    const title = (node as { title?: unknown } | undefined)?.title;
    if (typeof title === 'string' && title.trim()) return title.trim();
  }
  return field;
}

/** A VND amount written the Vietnamese way: 1.234.000 đ. */
export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

function computeOne(
  compute: FeeCompute,
  data: unknown,
  label: string,
): Omit<FeeItem, 'index' | 'name'> {
  const raw = readPath(data, compute.field);
  const value = typeof raw === 'number' ? raw : undefined;
  if (value === undefined || !Number.isFinite(value)) {
    const reason = raw === undefined || raw === null || raw === '' ? 'missing' : 'not-a-number';
    return {
      amountVnd: null,
      rule: { kind: 'undetermined', field: compute.field, reason },
      basis:
        reason === 'missing'
          ? {
              vi: `Chưa có "${label}" trong tờ khai: chưa xác định được mức thu`,
              en: `"${label}" is not filled in: the amount is not determined`,
            }
          : {
              vi: `"${label}" không phải là số: chưa xác định được mức thu`,
              en: `"${label}" is not a number: the amount is not determined`,
            },
    };
  }
  switch (compute.kind) {
    case 'tiers': {
      const tier = compute.tiers.findIndex((t) => t.upTo === undefined || value <= t.upTo);
      const chosen = compute.tiers[tier];
      if (!chosen)
        return {
          amountVnd: null,
          rule: { kind: 'undetermined', field: compute.field, reason: 'no-tier' },
          basis: {
            vi: `${label} = ${value} vượt mọi bậc của biểu phí: chưa xác định được mức thu`,
            en: `${label} = ${value} is above every tier: the amount is not determined`,
          },
        };
      const lower = tier > 0 ? compute.tiers[tier - 1]!.upTo : undefined;
      const range = [
        lower !== undefined ? `> ${lower}` : '',
        chosen.upTo !== undefined ? `≤ ${chosen.upTo}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return {
        amountVnd: chosen.amountVnd,
        rule: { kind: 'tier', field: compute.field, value, tier },
        basis: {
          vi: `${label} = ${value} (bậc ${tier + 1}${range ? `: ${range}` : ''}): ${formatVnd(chosen.amountVnd)}`,
          en: `${label} = ${value} (tier ${tier + 1}${range ? `: ${range}` : ''}): ${formatVnd(chosen.amountVnd)}`,
        },
      };
    }
    case 'rate': {
      let amount = Math.round((value * compute.ratePercent) / 100);
      let bound: 'min' | 'max' | undefined;
      if (compute.minVnd !== undefined && amount < compute.minVnd) {
        amount = compute.minVnd;
        bound = 'min';
      }
      if (compute.maxVnd !== undefined && amount > compute.maxVnd) {
        amount = compute.maxVnd;
        bound = 'max';
      }
      const rate = String(compute.ratePercent).replace('.', ',');
      const note = bound === 'min' ? ' (mức tối thiểu)' : bound === 'max' ? ' (mức tối đa)' : '';
      const noteEn = bound === 'min' ? ' (minimum)' : bound === 'max' ? ' (maximum)' : '';
      return {
        amountVnd: amount,
        rule: {
          kind: 'rate',
          field: compute.field,
          value,
          ratePercent: compute.ratePercent,
          ...(bound ? { bound } : {}),
        },
        basis: {
          vi: `${rate}% × ${formatVnd(value)}${note}: ${formatVnd(amount)}`,
          en: `${compute.ratePercent}% × ${formatVnd(value)}${noteEn}: ${formatVnd(amount)}`,
        },
      };
    }
    case 'perUnit': {
      const charged = Math.max(0, Math.ceil(value) - (compute.freeUnits ?? 0));
      const amount = charged * compute.unitVnd;
      return {
        amountVnd: amount,
        rule: { kind: 'perUnit', field: compute.field, value, unitVnd: compute.unitVnd, charged },
        basis: {
          vi: `${charged} × ${formatVnd(compute.unitVnd)} (${label} = ${value}): ${formatVnd(amount)}`,
          en: `${charged} × ${formatVnd(compute.unitVnd)} (${label} = ${value}): ${formatVnd(amount)}`,
        },
      };
    }
    default: {
      const never: never = compute;
      throw new Error(`unknown fee rule ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The fees a dossier owes (phí, lệ phí), from the procedure's fee table and the dossier's e-form
 * data: fixed amounts as they are, computed ones by their rule. Pure; the total counts only the
 * determined items, and `complete` says whether every item was determined.
 */
export function computeFees(
  procedure: Pick<Procedure, 'fees'> & Partial<Pick<Procedure, 'forms'>>,
  data: Readonly<Record<string, unknown>>,
): FeeSummary {
  const items = procedure.fees.map((fee, index): FeeItem => {
    if (!fee.compute)
      return {
        index,
        name: fee.name,
        amountVnd: fee.amountVnd,
        rule: { kind: 'fixed' },
        basis: {
          vi: `Mức cố định: ${formatVnd(fee.amountVnd)}`,
          en: `Fixed: ${formatVnd(fee.amountVnd)}`,
        },
      };
    return {
      index,
      name: fee.name,
      ...computeOne(fee.compute, data, fieldTitle(procedure.forms ?? [], fee.compute.field)),
    };
  });
  return {
    items,
    totalVnd: items.reduce((sum, i) => sum + (i.amountVnd ?? 0), 0),
    complete: items.every((i) => i.amountVnd !== null),
  };
}
