import type { Kysely } from 'kysely';
import type { Procedure } from '../../engine/index.ts';
import type { Database } from '../db/schema.ts';
import { etagOf } from './procedureRegistry.ts';

/** Where a draft stands: being edited, or submitted and waiting for a publisher. */
export type DraftStatus = 'draft' | 'review';

/** The designer's working copy of a procedure, kept in the database until it is published. */
export interface Draft {
  readonly procedureId: string;
  readonly procedure: Procedure;
  readonly layout: unknown;
  readonly etag: string;
  /** The ETag of the published file the draft started from; null for a new procedure. */
  readonly baseEtag: string | null;
  readonly status: DraftStatus;
  /** How many times it was saved. */
  readonly saves: number;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly savedBy: string;
  readonly savedAt: number;
  readonly submittedBy: string | null;
  readonly submittedAt: number | null;
  /** Why a reviewer sent it back, until the next submission. */
  readonly reviewNote: string | null;
}

type Row = Database['procedure_drafts'];

function fromRow(row: Row): Draft {
  return {
    procedureId: row.procedure_id,
    procedure: JSON.parse(row.content) as Procedure,
    layout: row.layout === null ? null : (JSON.parse(row.layout) as unknown),
    etag: row.etag,
    baseEtag: row.base_etag,
    status: row.status === 'review' ? 'review' : 'draft',
    saves: Number(row.saves),
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    savedBy: row.saved_by,
    savedAt: Number(row.saved_at),
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at === null ? null : Number(row.submitted_at),
    reviewNote: row.review_note,
  };
}

/** The drafts table: read, save (a new save returns a submitted draft to editing), review. */
export class DraftStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<Draft | undefined> {
    const row = await this.db
      .selectFrom('procedure_drafts')
      .selectAll()
      .where('procedure_id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Every draft, without content (the library's list). */
  async list(): Promise<Draft[]> {
    const rows = await this.db.selectFrom('procedure_drafts').selectAll().execute();
    return rows.map(fromRow);
  }

  /**
   * Save the working copy. `previous` is the draft as read (undefined: none yet, then
   * `baseEtag` is the published file's). Saving a submitted draft takes it back to editing.
   */
  async save(args: {
    procedure: Procedure;
    layout: unknown;
    previous: Draft | undefined;
    baseEtag: string | null;
    user: string;
    now: number;
  }): Promise<Draft> {
    const { procedure, layout, previous, user, now } = args;
    const content = JSON.stringify(procedure);
    const layoutText = layout === null || layout === undefined ? null : JSON.stringify(layout);
    const saves = (previous?.saves ?? 0) + 1;
    const etag = etagOf(`${saves}\n${content}\n${layoutText ?? ''}`);
    if (previous) {
      await this.db
        .updateTable('procedure_drafts')
        .set({
          content,
          layout: layoutText,
          etag,
          status: 'draft',
          saves,
          saved_by: user,
          saved_at: now,
          submitted_by: null,
          submitted_at: null,
        })
        .where('procedure_id', '=', procedure.id)
        .where('etag', '=', previous.etag)
        .execute();
    } else {
      await this.db
        .insertInto('procedure_drafts')
        .values({
          procedure_id: procedure.id,
          content,
          layout: layoutText,
          etag,
          base_etag: args.baseEtag,
          status: 'draft',
          saves,
          created_by: user,
          created_at: now,
          saved_by: user,
          saved_at: now,
          submitted_by: null,
          submitted_at: null,
          review_note: null,
        })
        .execute();
    }
    return (await this.get(procedure.id))!;
  }

  /** Submit for review, or send back for changes with a note. */
  async setStatus(
    id: string,
    status: DraftStatus,
    user: string,
    now: number,
    note: string | null = null,
  ): Promise<Draft> {
    await this.db
      .updateTable('procedure_drafts')
      .set(
        status === 'review'
          ? { status, submitted_by: user, submitted_at: now, review_note: null }
          : { status, submitted_by: null, submitted_at: null, review_note: note },
      )
      .where('procedure_id', '=', id)
      .execute();
    return (await this.get(id))!;
  }

  async remove(id: string, db: Kysely<Database> = this.db): Promise<void> {
    await db.deleteFrom('procedure_drafts').where('procedure_id', '=', id).execute();
  }
}
