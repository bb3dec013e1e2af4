import type { Procedure, ProcedureMetrics } from '../../../engine/index.ts';
import { call, type DraftInfo } from './client.ts';

/** A published version of a procedure, as the register records it. */
export interface PublishedVersion {
  readonly version: string;
  readonly source: 'review' | 'file';
  readonly publishedByName: string | null;
  readonly submittedByName: string | null;
  readonly publishedAt: string;
  readonly effectiveFrom: string;
  readonly decisionNumber: string | null;
  readonly state: 'in-effect' | 'upcoming' | 'past';
}

/** A git revision of the procedure's file (when the library is a git checkout). */
export interface GitRevision {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
}

const path = (id: string) => `/api/procedures/${encodeURIComponent(id)}`;

/** Review and publication of drafts; the history of published versions. */
export const publication = {
  submit: (id: string, etag: string) =>
    call<{ etag: string; draft: DraftInfo }>('POST', `${path(id)}/draft/submit`, undefined, {
      'if-match': `"${etag}"`,
    }),
  sendBack: (id: string, note: string) =>
    call<{ etag: string; draft: DraftInfo }>('POST', `${path(id)}/draft/return`, { note }),
  publish: (id: string, etag: string, effectiveFrom: string, decisionNumber: string | null) =>
    call<{ version: string; etag: string }>('POST', `${path(id)}/publish`, {
      etag,
      effectiveFrom,
      decisionNumber,
    }),
  discard: (id: string) => call<unknown>('DELETE', `${path(id)}/draft`),
  versions: (id: string) =>
    call<{
      id: string;
      draft: DraftInfo | null;
      versions: PublishedVersion[];
      git: GitRevision[];
    }>('GET', `${path(id)}/versions`),
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
