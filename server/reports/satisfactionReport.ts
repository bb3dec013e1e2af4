import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Satisfaction figures of one group (or the total). */
export interface SatisfactionRow {
  readonly key: string;
  readonly ratings: number;
  readonly attitude: number | null;
  readonly timeliness: number | null;
  readonly clarity: number | null;
  /** Ratings whose average of the three criteria is at least 4 (hài lòng, rất hài lòng). */
  readonly satisfied: number;
  /** `satisfied / ratings` in percent with one decimal, null without ratings. */
  readonly satisfiedPercent: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function summarise(
  key: string,
  rows: readonly { attitude: number; timeliness: number; clarity: number }[],
): SatisfactionRow {
  const n = rows.length;
  const avg = (pick: (r: (typeof rows)[number]) => number) =>
    n === 0 ? null : round2(rows.reduce((s, r) => s + Number(pick(r)), 0) / n);
  const satisfied = rows.filter(
    (r) => (Number(r.attitude) + Number(r.timeliness) + Number(r.clarity)) / 3 >= 4,
  ).length;
  return {
    key,
    ratings: n,
    attitude: avg((r) => r.attitude),
    timeliness: avg((r) => r.timeliness),
    clarity: avg((r) => r.clarity),
    satisfied,
    satisfiedPercent: n === 0 ? null : Math.round((satisfied / n) * 1000) / 10,
  };
}

/**
 * The satisfaction report of ratings given in [from, to): by the unit that received the dossier
 * or by procedure, within the units the reader may see (`all` for an administrator).
 */
export async function satisfactionReport(
  db: Kysely<Database>,
  from: number,
  to: number,
  groupBy: 'unit' | 'procedure',
  units: readonly string[] | 'all',
): Promise<{ rows: SatisfactionRow[]; total: SatisfactionRow }> {
  let query = db
    .selectFrom('ratings')
    .select(['unit_id', 'procedure_id', 'attitude', 'timeliness', 'clarity'])
    .where('rated_at', '>=', from)
    .where('rated_at', '<', to);
  if (units !== 'all') query = query.where('unit_id', 'in', units.length > 0 ? [...units] : ['-']);
  const all = await query.execute();
  const groups = new Map<string, typeof all>();
  for (const r of all) {
    const key = groupBy === 'unit' ? r.unit_id : r.procedure_id;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return {
    rows: [...groups]
      .map(([key, rows]) => summarise(key, rows))
      .sort((a, b) => b.ratings - a.ratings || a.key.localeCompare(b.key)),
    total: summarise('', all),
  };
}
