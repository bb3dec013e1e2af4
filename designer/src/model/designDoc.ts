import type { Procedure } from '../../../engine/index.ts';

/** A point on the canvas, in canvas units (pixels at zoom 1). */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * The layout sidecar (`procedures/<id>.layout.json`): where each step sits on the canvas, keyed
 * by its state path (`thamTra`, `lienThong.thue.tinhThue`). Kept apart from the procedure so that
 * moving a box never changes the procedure's version or its semantic diff.
 */
export interface Layout {
  readonly positions: Readonly<Record<string, XY>>;
}

/** What the designer edits: the procedure definition (the source of truth) and its layout. */
export interface DesignDoc {
  readonly procedure: Procedure;
  readonly layout: Layout;
}

/** An empty layout. */
export const EMPTY_LAYOUT: Layout = { positions: {} };

/** Read a layout sidecar as the server returns it (`null` when there is none). */
export function parseLayout(value: unknown): Layout | null {
  if (!value || typeof value !== 'object') return null;
  const raw = (value as { positions?: unknown }).positions;
  if (!raw || typeof raw !== 'object') return null;
  const positions: Record<string, XY> = {};
  for (const [key, p] of Object.entries(raw as Record<string, unknown>)) {
    const x = (p as { x?: unknown })?.x;
    const y = (p as { y?: unknown })?.y;
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x + y)) {
      positions[key] = { x, y };
    }
  }
  return { positions };
}
