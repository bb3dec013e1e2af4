import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { noticeApi, type NoticePage } from '../../api/notices.ts';
import { useI18n } from '../I18n.tsx';
import { badgeText, bellLabel } from './noticeText.ts';
import { NoticePanel } from './NoticePanel.tsx';
import { useUnreadNotices } from './useUnreadNotices.ts';

/** A bell, drawn in the text's colour. */
function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

/**
 * The notices (thông báo) of the officer's unit in the top bar: a bell with the unread count,
 * opening a popover of the newest notices; opening it marks them all as seen. The popover closes
 * on Escape (focus back on the bell), on a click outside, and when a dossier link is followed.
 */
export function NoticeBell({ user }: { user: string }) {
  const { s } = useI18n();
  const { unread, refresh, set } = useUnreadNotices(user);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  // The list is on screen with its unread marks: what it shows now counts as seen.
  const onShown = useCallback(
    (page: Pick<NoticePage, 'unread' | 'items'>) => {
      if (page.unread === 0 && !page.items.some((n) => n.unread)) set(0);
      else
        noticeApi.markSeen(page.items[0]?.createdAt).then(
          (r) => set(r.unread),
          () => refresh(),
        );
    },
    [refresh, set],
  );
  const onFollow = useCallback(() => setOpen(false), []);

  const badge = badgeText(unread);
  return (
    <div className="notice-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-label={bellLabel(unread, s)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={s.notices}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {badge ? (
          <span className="bell-badge" aria-hidden="true">
            {badge}
          </span>
        ) : null}
      </button>
      {open ? <NoticePanel id={panelId} onShown={onShown} onFollow={onFollow} /> : null}
    </div>
  );
}
