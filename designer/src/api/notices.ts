import type { z } from '@hono/zod-openapi';
import type { NoticePage as NoticePageSchema } from '../../../server/http/routes/notices.ts';
import { call } from './client.ts';

// The answer's shape is the server's own schema (type-only: nothing of the server is bundled).
/** A page of notices, newest first, and the unread count of the whole list. */
export type NoticePage = z.infer<typeof NoticePageSchema>;
/** A notice (thông báo) to the signed-in user's unit: a dossier due soon or overdue. */
export type Notice = NoticePage['items'][number];

/** How many notices a page of the bell's list holds. */
export const NOTICE_PAGE_SIZE = 20;

/** The notices part of the API (`/api/notices`). */
export const noticeApi = {
  /** A page of the unit's notices, newest first; `cursor` is the previous page's `nextCursor`. */
  list: (limit = NOTICE_PAGE_SIZE, cursor?: string | null) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return call<NoticePage>('GET', `/api/notices?${query}`);
  },
  /** The number of unread notices (a one-item page, whose count is all that matters). */
  unread: () => noticeApi.list(1).then((page) => page.unread),
  /**
   * Everything up to `until` (the newest notice shown) counts as seen by this user; a notice
   * raised since stays unread. The answer is what is still unread.
   */
  markSeen: (until?: string) =>
    call<{ ok: true; unread: number }>('POST', '/api/notices/seen', until ? { until } : {}),
};
