import type { z } from '@hono/zod-openapi';
import type { AccessLogPage } from '../../../server/http/routes/accessLog.ts';
import { call } from './client.ts';

// The answer's shape is the server's own schema (type-only: nothing of the server is bundled).
/** One entry of the personal-data access log. */
export type AccessLogEntry = z.infer<typeof AccessLogPage>['items'][number];

/** The administrators' view of the access log (GET /api/access-log). */
export const accessLogApi = {
  list: (q: { dossier?: string; user?: string; cursor?: string }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
    const text = params.toString();
    return call<z.infer<typeof AccessLogPage>>('GET', `/api/access-log${text ? `?${text}` : ''}`);
  },
};
