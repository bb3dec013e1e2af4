import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** One publication of a procedure version: who, when, which decision, effective from when. */
export interface Publication {
  readonly id: string;
  readonly procedureId: string;
  readonly version: string;
  /** The user who approved and published it; null for a version found in the library files. */
  readonly publishedBy: string | null;
  /** The user who submitted the draft for review. */
  readonly submittedBy: string | null;
  readonly publishedAt: number;
  readonly effectiveFrom: number;
  /** The number of the decision announcing it (quyết định công bố), when given. */
  readonly decisionNumber: string | null;
  /** `review`: published in the designer; `file`: a file version (first load, hand edit, git). */
  readonly source: 'review' | 'file';
}

type Row = Database['procedure_publications'];

function fromRow(row: Row): Publication {
  return {
    id: row.id,
    procedureId: row.procedure_id,
    version: row.version,
    publishedBy: row.published_by,
    submittedBy: row.submitted_by,
    publishedAt: Number(row.published_at),
    effectiveFrom: Number(row.effective_from),
    decisionNumber: row.decision_number,
    source: row.source === 'review' ? 'review' : 'file',
  };
}

/** Order of publications: by effective date, then by publication time. */
function byEffect(a: Publication, b: Publication): number {
  return a.effectiveFrom - b.effectiveFrom || a.publishedAt - b.publishedAt;
}

/**
 * The publication register of the library: every publication, per procedure, in the order it
 * takes effect. The version in effect at an instant is the last one whose effective date has
 * come; a publication never takes effect before an earlier-published one still pending.
 */
export class PublicationLog {
  private readonly byProcedure = new Map<string, Publication[]>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Read every publication from the database. */
  async load(): Promise<void> {
    const rows = await this.db.selectFrom('procedure_publications').selectAll().execute();
    this.byProcedure.clear();
    for (const row of rows) this.add(fromRow(row));
  }

  private add(p: Publication): void {
    const list = this.byProcedure.get(p.procedureId) ?? [];
    list.push(p);
    list.sort(byEffect);
    this.byProcedure.set(p.procedureId, list);
  }

  /** Every publication of a procedure, oldest effect first. */
  of(id: string): readonly Publication[] {
    return this.byProcedure.get(id) ?? [];
  }

  /** The publication in effect at an instant, if any. */
  inEffect(id: string, at: number): Publication | undefined {
    let found: Publication | undefined;
    for (const p of this.of(id)) if (p.effectiveFrom <= at) found = p;
    return found;
  }

  /** The latest effective date among publications of a procedure not yet in effect at `at`. */
  pendingUntil(id: string, at: number): Publication | undefined {
    return this.of(id)
      .filter((p) => p.effectiveFrom > at)
      .at(-1);
  }

  /** Record a publication (in the caller's transaction when given). */
  async record(
    entry: Omit<Publication, 'id'>,
    db: Kysely<Database> = this.db,
  ): Promise<Publication> {
    const p: Publication = { id: randomUUID(), ...entry };
    await db
      .insertInto('procedure_publications')
      .values({
        id: p.id,
        procedure_id: p.procedureId,
        version: p.version,
        published_by: p.publishedBy,
        submitted_by: p.submittedBy,
        published_at: p.publishedAt,
        effective_from: p.effectiveFrom,
        decision_number: p.decisionNumber,
        source: p.source,
      })
      .execute();
    this.add(p);
    return p;
  }
}
