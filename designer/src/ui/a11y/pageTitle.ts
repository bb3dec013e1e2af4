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
/** The heading that took it (a page drawn again replaces it, and focus falls to the body). */
let focusedHeading: HTMLElement | undefined;

/**
 * After a navigation, focus goes to the page's heading (the first `h1` in `root`) so that a
 * screen reader reads the new page from its name and Tab goes on from there. Runs after every
 * render, acting once the heading exists for a new path (a page that loads its data first).
 */
export function useHeadingFocus(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const path = location.pathname;
    const heading = root.current?.querySelector<HTMLElement>('h1');
    if (focusedFor === path) {
      // The same page drawn again (data loaded twice): give focus back to its new heading.
      const lost = focusedHeading && !focusedHeading.isConnected;
      const nowhere = !document.activeElement || document.activeElement === document.body;
      if (!heading || !lost || !nowhere) return;
    }
    if (!heading) return;
    focusedFor = path;
    focusedHeading = heading;
    // Leave focus where it is when the user already moved into the page (a field, a dialog).
    const active = document.activeElement;
    if (active && active !== document.body && root.current?.contains(active)) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  });
}
