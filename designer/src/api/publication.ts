import type { Procedure, ProcedureMetrics } from '../../../engine/index.ts';
import type { DraftChange, VersionHistoryAnswer } from '../../../server/http/routes/publication.ts';
import { call } from './client.ts';

// The answers' shapes are the server's own schemas (type-only: nothing of the server is bundled).
/** A published version of a procedure, as the register records it. */
export type PublishedVersion = VersionHistoryAnswer['versions'][number];
/** A git revision of the procedure's file (when the library is a git checkout). */
export type GitRevision = VersionHistoryAnswer['git'][number];

const path = (id: string) => `/api/procedures/${encodeURIComponent(id)}`;

/** Review and publication of drafts; the history of published versions. */
export const publication = {
  submit: (id: string, etag: string) =>
    call<DraftChange>('POST', `${path(id)}/draft/submit`, undefined, {
      'if-match': `"${etag}"`,
    }),
  sendBack: (id: string, note: string) =>
    call<DraftChange>('POST', `${path(id)}/draft/return`, { note }),
  publish: (id: string, etag: string, effectiveFrom: string, decisionNumber: string | null) =>
    call<{ version: string; etag: string }>('POST', `${path(id)}/publish`, {
      etag,
      effectiveFrom,
      decisionNumber,
    }),
  discard: (id: string) => call<unknown>('DELETE', `${path(id)}/draft`),
  versions: (id: string) => call<VersionHistoryAnswer>('GET', `${path(id)}/versions`),
  /** A published version, or `git:<commit>`. */
  version: (id: string, version: string) =>
    call<{ procedure: Procedure; version: string; metrics: ProcedureMetrics }>(
      'GET',
      `${path(id)}/versions/${encodeURIComponent(version)}`,
    ),
};

/** Whether a user may approve and publish drafts (the server checks it again). */
export function canPublish(user: { isAdmin: boolean; roles: readonly string[] }): boolean {
  return user.isAdmin || user.roles.includes('publisher');
}
