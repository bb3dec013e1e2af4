import type { ReactNode } from 'react';

/**
 * A wide table's own sideways scroll (a data table keeps its two-dimensional layout while the
 * page around it reflows at 320 px); focusable and named so that the keyboard can scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
