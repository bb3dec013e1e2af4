import { useCallback, useEffect, useRef, useState } from 'react';
import { noticeApi } from '../../api/notices.ts';

/** How often the bell asks for the unread count while the page is visible. */
export const NOTICE_POLL_MS = 60_000;

/** A count known for less than this is not asked again when another screen mounts the bell. */
const FRESH_MS = 15_000;

/**
 * The last count known, by user, and when: every screen draws its own top bar, and the badge
 * should neither blink out and back nor be asked for again on each navigation.
 */
let remembered: { readonly user: string; readonly unread: number; readonly at: number } | undefined;

/** The unread count of the user's notices, how to ask again, and how to set a known count. */
export interface UnreadNotices {
  readonly unread: number;
  refresh(): void;
  set(unread: number): void;
}

/**
 * The number of unread notices of the signed-in user: asked on mount (unless just known), every
 * minute while the page is visible (document.visibilityState), and as soon as a hidden page shows
 * again. Only the latest request counts, so that a poll answered late cannot bring back a count
 * just cleared.
 */
export function useUnreadNotices(user: string): UnreadNotices {
  const [unread, setUnread] = useState(() => (remembered?.user === user ? remembered.unread : 0));
  const latest = useRef(0);
  const live = useRef(true);

  const set = useCallback(
    (value: number) => {
      latest.current++;
      remembered = { user, unread: value, at: Date.now() };
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
    const fresh = remembered?.user === user && Date.now() - remembered.at < FRESH_MS;
    if (!fresh) poll();
    const timer = setInterval(poll, NOTICE_POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      live.current = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [refresh, user]);

  return { unread, refresh, set };
}
