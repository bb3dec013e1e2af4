import { useEffect, useRef } from 'react';
import { setLeaveGuard } from '../leaveGuard.ts';

/**
 * With unsaved changes, going elsewhere inside the app — the browser's Back and Forward, a link
 * of the top bar — asks first; refusing keeps the editor and puts its address back. (Closing or
 * reloading the tab is asked by the browser through `beforeunload`, see `useSave`.)
 */
export function useLeaveGuard(path: string, dirty: boolean, question: string): void {
  const state = useRef({ dirty, question });
  state.current = { dirty, question };
  useEffect(
    () =>
      setLeaveGuard(() => {
        if (location.pathname === path || !state.current.dirty) return true;
        if (confirm(state.current.question)) return true;
        history.pushState(null, '', path);
        return false;
      }),
    [path],
  );
}
