import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { noticeApi, type Notice } from '../../api/notices.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';
import { RouteLink } from '../RouteLink.tsx';
import { noticeTime } from './noticeText.ts';

/** What the panel holds: the notices read so far, where the next page starts, and its state. */
/** One notice: the message, the dossier's code (a link to its page), the procedure, the time. */
function NoticeItem({ notice, onFollow }: { notice: Notice; onFollow: () => void }) {
  const { s, t, lang } = useI18n();
  return (
    <li className={notice.unread ? 'notice unread' : 'notice'}>
      <span className="notice-dot" aria-hidden="true" />
      <div className="notice-body">
        <p className="notice-message">
          {notice.unread ? <span className="sr-only">{s.noticeUnreadMark}: </span> : null}
          {t(notice.message)}
        </p>
        <p className="notice-meta">
          <RouteLink
            route={{ name: 'dossier', id: notice.dossierId }}
            className="notice-code"
            onFollow={onFollow}
          >
            {notice.code}
          </RouteLink>
          <span className="notice-procedure">{t(notice.procedure)}</span>
        </p>
        <time
          className="notice-time"
          dateTime={notice.createdAt}
          title={formatDateTime(notice.createdAt, lang)}
        >
          {noticeTime(notice.createdAt, Date.now(), s, lang)}
        </time>
      </div>
    </li>
  );
}

/**
 * The bell's popover: the unit's newest notices, unread ones marked, and "Xem thêm" for older
 * pages. `onShown` runs once the first page is on screen (the bell then marks all as seen, so
 * the marks are visible this once); `onFollow` when a dossier link is followed.
 */
export function NoticePanel({
  id,
  onShown,
  onFollow,
}: {
  id: string;
  onShown: (page: { unread: number; items: readonly Notice[] }) => void;
  onFollow: () => void;
}) {
  const { s } = useI18n();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const shown = useRef(false);
  // Fetched afresh each time the panel opens (nothing kept once it closes), page by page.
  const query = useInfiniteQuery({
    queryKey: ['notices', 'panel'],
    queryFn: ({ pageParam }) => noticeApi.list(undefined, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const first = query.data?.pages[0];

  useEffect(() => {
    // Keyboard users land in the panel; Escape takes them back to the bell.
    panel.current?.focus();
  }, []);
  useEffect(() => {
    if (shown.current || !first) return;
    shown.current = true;
    onShown(first);
  }, [first, onShown]);

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const next = query.hasNextPage ? (query.data?.pages.at(-1)?.nextCursor ?? null) : null;
  const status = query.isError ? 'error' : query.isFetching ? 'loading' : 'ready';
  return (
    <div
      id={id}
      ref={panel}
      className="notice-panel"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <h2 id={titleId} className="notice-panel-title">
        {s.noticesPanelTitle}
      </h2>
      {status === 'error' ? (
        <p className="alert alert-error" role="alert">
          {s.noticesLoadError}
        </p>
      ) : null}
      {status === 'ready' && items.length === 0 ? (
        <p className="notice-empty">{s.noticesEmpty}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="notice-list">
          {items.map((n) => (
            <NoticeItem key={n.id} notice={n} onFollow={onFollow} />
          ))}
        </ul>
      ) : null}
      {status === 'loading' && items.length === 0 ? (
        <p className="notice-empty">{s.loading}</p>
      ) : null}
      {next ? (
        <div className="notice-more">
          <button
            type="button"
            className="btn btn-small btn-block"
            disabled={status === 'loading'}
            onClick={() => void query.fetchNextPage()}
          >
            {status === 'loading' ? s.loading : s.noticesMore}
          </button>
        </div>
      ) : null}
    </div>
  );
}
