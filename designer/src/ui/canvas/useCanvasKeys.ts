import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * The canvas's keyboard: Ctrl+A selects every shape; Ctrl+= and Ctrl++ zoom in, Ctrl+- zooms
 * out, Ctrl+0 fits the diagram (the browser's own page zoom is left alone elsewhere).
 */
export function useCanvasKeys({
  enabled,
  selectAll,
}: {
  enabled: boolean;
  selectAll: () => void;
}): void {
  const rf = useReactFlow();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
      // Only while the canvas is on screen and focus is not in a dialog.
      if ((e.target as HTMLElement | null)?.closest?.('[role="dialog"]')) return;
      const key = e.key;
      if (key === 'a' || key === 'A') {
        e.preventDefault();
        selectAll();
      } else if (key === '=' || key === '+') {
        e.preventDefault();
        void rf.zoomIn({ duration: 150 });
      } else if (key === '-' || key === '_') {
        e.preventDefault();
        void rf.zoomOut({ duration: 150 });
      } else if (key === '0') {
        e.preventDefault();
        void rf.fitView({ padding: 0.04, maxZoom: 1, duration: 150 });
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [enabled, selectAll, rf]);
}
