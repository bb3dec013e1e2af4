import { useCallback, useEffect, useRef, useState } from 'react';
import { noticeApi } from '../../api/notices.ts';

/** How often the bell asks for the unread count while the page is visible. */
export const NOTICE_POLL_MS = 60_000;

/**
 * The last count known, by user: every screen draws its own top bar, and the badge should not
 * blink out and back on each navigation while the count is asked again.
 */
let remembered: { readonly user: string; readonly unread: number } | undefined;

/** The unread count of the user's notices, how to ask again, and how to set a known count. */
export interface UnreadNotices {
  readonly unread: number;
  refresh(): void;
  set(unread: number): void;
}

/**
 * The number of unread notices of the signed-in user: asked on mount, every minute while the
 * page is visible (document.visibilityState), and as soon as a hidden page shows again. Only the
 * latest request counts, so that a poll answered late cannot bring back a count just cleared.
 */
export function useUnreadNotices(user: string): UnreadNotices {
  const [unread, setUnread] = useState(() => (remembered?.user === user ? remembered.unread : 0));
  const latest = useRef(0);
  const live = useRef(true);

  const set = useCallback(
    (value: number) => {
      latest.current++;
      remembered = { user, unread: value };
      if (live.current) setUnread(value);
    },
    [user],
  );
  const refresh = useCallback(() => {
    const request = ++latest.current;
    noticeApi.unread().then(
      (value) => {
        if (request === latest.current) set(value);
      },
      // A failed poll keeps the last count; an ended session is handled by the API client.
      () => undefined,
    );
  }, [set]);

  useEffect(() => {
    live.current = true;
    const poll = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    poll();
    const timer = setInterval(poll, NOTICE_POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      live.current = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [refresh]);

  return { unread, refresh, set };
}
