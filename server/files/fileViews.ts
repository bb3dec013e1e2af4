import type { User } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../http/context.ts';
import { assertCanReadDossier } from '../runtime/readScope.ts';

/** A file as the API shows it. */
export function fileView(row: Database['dossier_files'], uploader?: string | null) {
  return {
    id: row.id,
    document: row.document_id,
    title: row.title,
    name: row.original_name,
    size: Number(row.size),
    contentType: row.content_type,
    sha256: row.sha256,
    stage: row.stage,
    stepId: row.step_id,
    uploadedAt: new Date(Number(row.created_at)).toISOString(),
    // The citizen online has no account: their uploads carry a `citizen:` key, not a name.
    uploader:
      uploader ??
      (row.uploader_id.startsWith('citizen:') ? 'Công dân (nộp trực tuyến)' : row.uploader_id),
    reusedFrom: row.reused_from,
    url: `/api/files/${row.id}`,
    downloadUrl: `/api/files/${row.id}?download=1`,
  };
}

/**
 * A dossier's files against its checklist: each document of the procedure with whether it was
 * ticked (at reception or with a supplement) and its files — a ticked document without a file
 * is paper only — then the other papers and the result.
 */
export async function listDossierFiles(deps: AppDeps, dossierId: string) {
  const dossier = await deps.db
    .selectFrom('dossiers')
    .select(['procedure_id', 'procedure_version'])
    .where('id', '=', dossierId)
    .executeTakeFirstOrThrow();
  const procedure = await deps.registry.version(dossier.procedure_id, dossier.procedure_version);
  const rows = await deps.db
    .selectFrom('dossier_files')
    .leftJoin('users', 'users.id', 'dossier_files.uploader_id')
    .selectAll('dossier_files')
    .select('users.display_name')
    .where('dossier_id', '=', dossierId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const events = await deps.db
    .selectFrom('dossier_events')
    .select('payload')
    .where('dossier_id', '=', dossierId)
    .execute();
  const ticked = new Set<string>();
  for (const e of events) {
    const p = JSON.parse(e.payload) as { documents?: unknown; input?: { documents?: unknown } };
    for (const list of [p.documents, p.input?.documents])
      if (Array.isArray(list)) for (const d of list) if (typeof d === 'string') ticked.add(d);
  }
  const files = rows.map((r) => fileView(r, r.display_name));
  const documents = (procedure?.documents ?? []).map((d) => {
    const mine = files.filter((f) => f.document === d.id);
    return {
      id: d.id,
      name: d.name,
      required: d.required ?? false,
      ticked: ticked.has(d.id),
      digitised: mine.length > 0,
      files: mine,
    };
  });
  return {
    documents,
    other: files.filter((f) => f.document === 'other'),
    results: files.filter((f) => f.document === 'result'),
    result: procedure?.result ?? null,
  };
}

/**
 * The citizen's files in other dossiers (by ID number), newest first, one per content and
 * document, limited to dossiers the caller may read.
 */
export async function reusableFiles(deps: AppDeps, user: User, citizen: string) {
  const rows = await deps.db
    .selectFrom('dossier_files')
    .innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id')
    .selectAll('dossier_files')
    .select(['dossiers.code', 'dossiers.procedure_id', 'dossiers.procedure_version'])
    .where('dossiers.applicant_id_number', '=', citizen)
    .orderBy('dossier_files.created_at', 'desc')
    .limit(200)
    .execute();
  const readable = new Map<string, boolean>();
  const seen = new Set<string>();
  const items = [];
  for (const r of rows) {
    const key = `${r.sha256}:${r.document_id}`;
    if (seen.has(key)) continue;
    if (!readable.has(r.dossier_id)) {
      readable.set(
        r.dossier_id,
        await assertCanReadDossier(deps, user, r.dossier_id).then(
          () => true,
          () => false,
        ),
      );
    }
    if (!readable.get(r.dossier_id)) continue;
    seen.add(key);
    const procedure = await deps.registry.version(r.procedure_id, r.procedure_version);
    const doc = procedure?.documents.find((d) => d.id === r.document_id);
    items.push({
      ...fileView(r),
      dossierId: r.dossier_id,
      dossierCode: r.code,
      procedure: { id: r.procedure_id, name: procedure?.name ?? null },
      documentName:
        r.document_id === 'result'
          ? (procedure?.result ?? { vi: 'Kết quả', en: 'Result' })
          : (doc?.name ?? (r.title ? { vi: r.title, en: r.title } : null)),
    });
  }
  return items;
}
