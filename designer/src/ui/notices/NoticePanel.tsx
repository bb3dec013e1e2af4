import { useEffect, useId, useRef, useState } from 'react';
import { noticeApi, type Notice } from '../../api/notices.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';
import { RouteLink } from '../RouteLink.tsx';
import { noticeTime } from './noticeText.ts';

/** What the panel holds: the notices read so far, where the next page starts, and its state. */
interface Loaded {
  readonly items: readonly Notice[];
  /** The unread count the first page came with. */
  readonly unread: number;
  readonly next: string | null;
  readonly status: 'loading' | 'ready' | 'error';
}

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
  const [loaded, setLoaded] = useState<Loaded>({
    items: [],
    unread: 0,
    next: null,
    status: 'loading',
  });

  const load = (cursor: string | null) => {
    setLoaded((l) => ({ ...l, status: 'loading' }));
    noticeApi.list(undefined, cursor).then(
      (page) =>
        setLoaded((l) => ({
          items: cursor ? [...l.items, ...page.items] : page.items,
          unread: cursor ? l.unread : page.unread,
          next: page.nextCursor,
          status: 'ready',
        })),
      () => setLoaded((l) => ({ ...l, status: 'error' })),
    );
  };

  useEffect(() => {
    // Keyboard users land in the panel; Escape takes them back to the bell.
    panel.current?.focus();
    load(null);
    // Once, when the panel opens; "Xem thêm" loads the next pages.
  }, []);
  useEffect(() => {
    if (shown.current || loaded.status !== 'ready') return;
    shown.current = true;
    onShown(loaded);
  }, [loaded, onShown]);

  const { items, next, status } = loaded;
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
            onClick={() => load(next)}
          >
            {status === 'loading' ? s.loading : s.noticesMore}
          </button>
        </div>
      ) : null}
    </div>
  );
}
