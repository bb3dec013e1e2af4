import { useEffect, useRef, useState, type RefObject } from 'react';

/** What can take focus inside a dialog, in tab order. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The open dialogs, the last on top: only the top one answers Tab and Escape. */
const open: HTMLElement[] = [];

/** The elements of `root` that Tab stops on (visible ones only). */
export function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
}

/**
 * A modal dialog's keyboard contract (WAI-ARIA dialog pattern): focus moves into the dialog when
 * it opens, Tab and Shift+Tab cycle inside it, Escape closes it wherever focus is, and focus
 * returns to what opened it (the button, usually) when it closes.
 */
export function useDialogFocus(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
  options: { initial?: 'first-field' | 'dialog' } = {},
): void {
  const close = useRef(onClose);
  close.current = onClose;
  const initial = options.initial ?? 'first-field';
  // What had focus when the dialog was first drawn (kept across React's strict re-mounts).
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    open.push(dialog);
    const first =
      initial === 'first-field'
        ? dialog.querySelector<HTMLElement>('input, select, textarea, button')
        : null;
    if (first) first.focus();
    else {
      if (!dialog.hasAttribute('tabindex')) dialog.tabIndex = -1;
      dialog.focus();
    }
    const onKey = (e: KeyboardEvent) => {
      if (open[open.length - 1] !== dialog) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const stops = tabStops(dialog);
      if (stops.length === 0) {
        e.preventDefault();
        dialog.focus();
        return;
      }
      const firstStop = stops[0]!;
      const lastStop = stops[stops.length - 1]!;
      const active = document.activeElement;
      const inside = active instanceof Node && dialog.contains(active);
      if (e.shiftKey && (!inside || active === firstStop || active === dialog)) {
        e.preventDefault();
        lastStop.focus();
      } else if (!e.shiftKey && (!inside || active === lastStop)) {
        e.preventDefault();
        firstStop.focus();
      }
    };
    // Capture on the window: the dialog answers before the page behind it.
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      const at = open.indexOf(dialog);
      if (at >= 0) open.splice(at, 1);
      // Back to the opener once React has removed the dialog (not on a strict re-mount).
      setTimeout(() => {
        if (!dialog.isConnected && opener?.isConnected) opener.focus();
      }, 0);
    };
  }, [ref, initial, opener]);
}
