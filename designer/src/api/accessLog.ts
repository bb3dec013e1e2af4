import { call } from './client.ts';

/** One entry of the personal-data access log. */
export interface AccessLogEntry {
  readonly id: string;
  readonly at: string;
  readonly action: 'view' | 'print' | 'export' | 'file';
  readonly detail: string | null;
  readonly user: { id: string; username: string | null; displayName: string | null };
  readonly dossier: { id: string; code: string | null };
}

/** The administrators' view of the access log (GET /api/access-log). */
export const accessLogApi = {
  list: (q: { dossier?: string; user?: string; cursor?: string }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
    const text = params.toString();
    return call<{ items: AccessLogEntry[]; nextCursor: string | null }>(
      'GET',
      `/api/access-log${text ? `?${text}` : ''}`,
    );
  },
};
