import type { Kysely } from 'kysely';
import {
  applyEvent,
  startDossier,
  type DossierSnapshot,
  type Procedure,
  type WorkingCalendar,
} from '../../engine/index.ts';
import type { Database } from '../../server/db/schema.ts';

/** Rebuild a dossier's snapshot from its event log alone, on the procedure version it is pinned to. */
export async function replayDossier(
  db: Kysely<Database>,
  calendar: WorkingCalendar,
  id: string,
): Promise<DossierSnapshot> {
  const row = await db
    .selectFrom('dossiers')
    .select(['procedure_id', 'procedure_version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const version = await db
    .selectFrom('procedure_versions')
    .select('content')
    .where('procedure_id', '=', row.procedure_id)
    .where('version', '=', row.procedure_version)
    .executeTakeFirstOrThrow();
  const procedure = JSON.parse(version.content) as Procedure;
  const events = await db
    .selectFrom('dossier_events')
    .selectAll()
    .where('dossier_id', '=', id)
    .orderBy('seq')
    .execute();
  const first = JSON.parse(events[0]!.payload) as {
    input: { data: Record<string, unknown>; documents: string[]; channel: 'desk' };
  };
  let t = startDossier(procedure, first.input, new Date(Number(events[0]!.at)), { calendar });
  for (const e of events.slice(1)) {
    const { timer: _, ...event } = JSON.parse(e.payload) as { type: string; timer?: string };
    t = applyEvent(procedure, t.snapshot, event, new Date(Number(e.at)), { calendar });
  }
  return JSON.parse(JSON.stringify(t.snapshot)) as DossierSnapshot;
}

/** The stored snapshot of a dossier, as JSON. */
export async function storedSnapshot(db: Kysely<Database>, id: string): Promise<DossierSnapshot> {
  const row = await db
    .selectFrom('dossiers')
    .select('snapshot')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.snapshot) as DossierSnapshot;
}
