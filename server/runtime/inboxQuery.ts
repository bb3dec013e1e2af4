import { sql, type Kysely } from 'kysely';
import type { UnitCatalog } from '../../engine/index.ts';
import type { User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { readableDossiers, readableUnits } from './readScope.ts';
import { containsPattern } from './searchText.ts';

/** The filters of the officers' inbox (`GET /api/dossiers`). */
export interface InboxFilter {
  readonly unit?: string;
  readonly role?: string;
  readonly step?: string;
  readonly status?: 'active' | 'done';
  readonly overdue?: 'true' | 'false';
  readonly dueBefore?: string;
  readonly procedure?: string;
  readonly receivedBy?: string;
  /** How the dossier came in (`online`: the citizen's online queue). */
  readonly channel?: 'desk' | 'online' | 'post';
  /** `false`: not accepted yet (no appointment: the legal clock has not started). */
  readonly accepted?: 'true' | 'false';
  /** Code, applicant name or ID number; case, diacritics, "đ"/"d" ignored; `%` and `_` literal. */
  readonly q?: string;
  readonly mine?: 'true' | 'false';
  readonly sort: 'received' | 'due';
  readonly cursor?: string;
  readonly limit: number;
}

/** The sort key of a dossier without an appointment date: after every real instant. */
const NO_DUE = 8_640_000_000_000_000;

/**
 * One page of the inbox: the dossiers the user may read (their unit's, their subtree's for a
 * supervisor, all for an administrator) that match the filter, in the chosen order, and the
 * cursor of the next page.
 */
export async function inboxPage(
  db: Kysely<Database>,
  catalog: UnitCatalog,
  user: User,
  q: InboxFilter,
  now: number,
) {
  let query = db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_id',
      'procedure_version',
      'unit_id',
      'channel',
      'applicant_name',
      'status',
      'snapshot',
      'version',
      'received_at',
      'due_at',
    ])
    .where(readableDossiers(readableUnits(user, catalog)));
  const mine = q.mine === 'true';
  const unit = q.unit ?? (mine ? user.unitId : undefined);
  if (unit || q.role || q.step || mine) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('dossier_steps')
          .select(sql`1`.as('one'))
          .whereRef('dossier_steps.dossier_id', '=', 'dossiers.id')
          .$if(!!unit, (w) => w.where('dossier_steps.unit_id', '=', unit!))
          .$if(!!q.role, (w) => w.where('dossier_steps.role', '=', q.role!))
          .$if(mine && !q.role, (w) =>
            w.where('dossier_steps.role', 'in', user.roles.length > 0 ? [...user.roles] : ['-']),
          )
          .$if(!!q.step, (w) => w.where('dossier_steps.step_id', '=', q.step!)),
      ),
    );
  }
  if (q.status) query = query.where('status', '=', q.status);
  if (q.procedure) query = query.where('procedure_id', '=', q.procedure);
  if (q.receivedBy) query = query.where('unit_id', '=', q.receivedBy);
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.accepted === 'false') query = query.where('due_at', 'is', null);
  if (q.accepted === 'true') query = query.where('due_at', 'is not', null);
  // Overdue: the appointment has passed, or a step is held past its own due time (the bell's
  // "quá hạn xử lý" and the inbox agree).
  if (q.overdue === 'true')
    query = query
      .where('status', '=', 'active')
      .where('awaiting_supplement', '=', 0)
      .where((eb) =>
        eb.or([
          eb('due_at', '<', now),
          eb.exists(
            eb
              .selectFrom('dossier_steps')
              .select(sql`1`.as('one'))
              .whereRef('dossier_steps.dossier_id', '=', 'dossiers.id')
              .where('dossier_steps.due_at', '<', now),
          ),
        ]),
      );
  if (q.overdue === 'false')
    query = query.where((eb) =>
      eb.or([eb('due_at', 'is', null), eb('due_at', '>=', now), eb('status', '=', 'done')]),
    );
  if (q.dueBefore) query = query.where('due_at', '<', Date.parse(q.dueBefore));
  if (q.q && q.q.trim() !== '')
    query = query.where(sql<boolean>`search_text like ${containsPattern(q.q)} escape '\\'`);
  // Dossiers without an appointment (not yet accepted) sort after every dated one.
  const due = sql<number>`coalesce(due_at, ${NO_DUE})`;
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor);
    query =
      q.sort === 'due'
        ? query.where((eb) =>
            eb.or([eb(due, '>', at), eb.and([eb(due, '=', at), eb('id', '>', id)])]),
          )
        : query.where((eb) =>
            eb.or([
              eb('received_at', '<', at),
              eb.and([eb('received_at', '=', at), eb('id', '<', id)]),
            ]),
          );
  }
  const ordered =
    q.sort === 'due'
      ? query.orderBy(due, 'asc').orderBy('id', 'asc')
      : query.orderBy('received_at', 'desc').orderBy('id', 'desc');
  const rows = await ordered.limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor(q.sort === 'due' ? (last.due_at ?? NO_DUE) : last.received_at, last.id)
        : null,
  };
}
