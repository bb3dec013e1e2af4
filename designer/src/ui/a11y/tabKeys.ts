import type { KeyboardEvent } from 'react';

/**
 * The keyboard of a tab list (WAI-ARIA tabs pattern, automatic activation): Left and Right move
 * to the previous and next tab and select it, Home and End to the first and last. Give the
 * selected tab `tabIndex={0}` and the others `-1`, so that Tab enters the list once.
 */
export function tabKeys<K extends string>(
  keys: readonly K[],
  current: K,
  select: (key: K) => void,
  idOf: (key: K) => string,
): (e: KeyboardEvent) => void {
  return (e) => {
    const at = keys.indexOf(current);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % keys.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + keys.length) % keys.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? keys.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const key = keys[to]!;
    select(key);
    document.getElementById(idOf(key))?.focus();
  };
}
