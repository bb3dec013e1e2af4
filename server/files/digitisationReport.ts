import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The digitisation figures of one unit, one procedure, or all. */
export interface DigitisationRow {
  readonly key: string;
  /** Dossiers received in the period. */
  readonly received: number;
  /** …whose every document ticked at reception has a file attached at reception. */
  readonly digitisedAtReception: number;
  /** Dossiers of the period finished with a result (approved). */
  readonly results: number;
  /** …with the result attached as a file. */
  readonly resultsDigitised: number;
  /** Files attached to the period's dossiers, and how many of them were reused. */
  readonly files: number;
  readonly reused: number;
  /** Rates in percent (null when there is nothing to divide). */
  readonly receptionRate: number | null;
  readonly resultRate: number | null;
  readonly reuseRate: number | null;
}

type Counts = Omit<DigitisationRow, 'key' | 'receptionRate' | 'resultRate' | 'reuseRate'>;

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

/**
 * Digitisation of the dossiers received in [from, to) — the reform programme's "số hóa hồ sơ,
 * kết quả" rates — by receiving unit and by procedure. A document ticked at the desk without a
 * file (paper kept) makes its dossier not digitised at reception.
 */
export async function digitisationReport(
  db: Kysely<Database>,
  from: number,
  to: number,
): Promise<{ byUnit: DigitisationRow[]; byProcedure: DigitisationRow[]; total: DigitisationRow }> {
  const dossiers = await db
    .selectFrom('dossiers')
    .innerJoin('dossier_events', (j) =>
      j
        .onRef('dossier_events.dossier_id', '=', 'dossiers.id')
        .on('dossier_events.type', '=', 'motcua.received'),
    )
    .select([
      'dossiers.id',
      'dossiers.unit_id',
      'dossiers.procedure_id',
      'dossiers.outcome',
      'dossier_events.payload',
    ])
    .where('dossiers.received_at', '>=', from)
    .where('dossiers.received_at', '<', to)
    .execute();
  const files = await db
    .selectFrom('dossier_files')
    .innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id')
    .select([
      'dossier_files.dossier_id',
      'dossier_files.document_id',
      'dossier_files.stage',
      'dossier_files.reused_from',
    ])
    .where('dossiers.received_at', '>=', from)
    .where('dossiers.received_at', '<', to)
    .execute();
  const byDossier = new Map<string, typeof files>();
  for (const f of files) {
    const list = byDossier.get(f.dossier_id) ?? [];
    list.push(f);
    byDossier.set(f.dossier_id, list);
  }
  const units = new Map<string, Counts>();
  const procedures = new Map<string, Counts>();
  const total: Counts = {
    received: 0,
    digitisedAtReception: 0,
    results: 0,
    resultsDigitised: 0,
    files: 0,
    reused: 0,
  };
  const zero = (): Counts => ({ ...total });
  for (const d of dossiers) {
    const mine = byDossier.get(d.id) ?? [];
    const ticked =
      (JSON.parse(d.payload) as { input?: { documents?: string[] } }).input?.documents ?? [];
    const atReception = new Set(
      mine.filter((f) => f.stage === 'reception').map((f) => f.document_id),
    );
    const digitised = ticked.length > 0 && ticked.every((t) => atReception.has(t));
    const approved = d.outcome === 'approved';
    const hasResult = mine.some((f) => f.document_id === 'result');
    for (const counts of [
      units.get(d.unit_id) ?? units.set(d.unit_id, zero()).get(d.unit_id)!,
      procedures.get(d.procedure_id) ?? procedures.set(d.procedure_id, zero()).get(d.procedure_id)!,
      total,
    ] as { -readonly [K in keyof Counts]: number }[]) {
      counts.received++;
      if (digitised) counts.digitisedAtReception++;
      if (approved) counts.results++;
      if (approved && hasResult) counts.resultsDigitised++;
      counts.files += mine.length;
      counts.reused += mine.filter((f) => f.reused_from !== null).length;
    }
  }
  const row = (key: string, c: Counts): DigitisationRow => ({
    key,
    ...c,
    receptionRate: rate(c.digitisedAtReception, c.received),
    resultRate: rate(c.resultsDigitised, c.results),
    reuseRate: rate(c.reused, c.files),
  });
  const rows = (m: Map<string, Counts>) =>
    [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => row(k, c));
  return { byUnit: rows(units), byProcedure: rows(procedures), total: row('total', total) };
}
