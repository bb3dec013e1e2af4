import { useEffect, type RefObject } from 'react';

/** The app's name after every page's own title. */
const APP = 'Một cửa · motcua';

/** Each page has its own title (what the tab, history and screen readers name it). */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · ${APP}`;
  }, [title]);
}

/** The path whose heading last took focus: focus moves once per navigation. */
let focusedFor: string | undefined;

/**
 * After a navigation, focus goes to the page's heading (the first `h1` in `root`) so that a
 * screen reader reads the new page from its name and Tab goes on from there. Runs after every
 * render, acting once the heading exists for a new path (a page that loads its data first).
 */
export function useHeadingFocus(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const path = location.pathname;
    if (focusedFor === path) return;
    const heading = root.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    focusedFor = path;
    // Leave focus where it is when the user already moved into the page (a field, a dialog).
    const active = document.activeElement;
    if (active && active !== document.body && root.current?.contains(active)) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  });
}
