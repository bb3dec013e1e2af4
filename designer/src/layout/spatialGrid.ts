import type { XY } from '../model/designDoc.ts';

/** An axis-aligned rectangle. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Clearance kept between an arrow and a box. */
export const MARGIN = 10;

/** Whether segment a–b (axis-aligned) crosses the rectangle inflated by `m`. */
export function hits(a: XY, b: XY, r: Rect, m = MARGIN): boolean {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return x1 > r.x - m && x0 < r.x + r.w + m && y1 > r.y - m && y0 < r.y + r.h + m;
}

/** A bucket grid over rectangles, so a segment is only tested against the boxes near it. */
export class Grid<T extends Rect> {
  private readonly cells = new Map<string, T[]>();
  constructor(
    items: readonly T[],
    private readonly size = 360,
  ) {
    for (const item of items) this.add(item);
  }
  add(item: T): void {
    for (const key of this.keys(item.x, item.y, item.x + item.w, item.y + item.h)) {
      const list = this.cells.get(key);
      if (list) list.push(item);
      else this.cells.set(key, [item]);
    }
  }
  remove(item: T): void {
    for (const key of this.keys(item.x, item.y, item.x + item.w, item.y + item.h)) {
      const list = this.cells.get(key);
      const at = list?.indexOf(item) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    }
  }
  /** Items whose cells meet the box from (x0, y0) to (x1, y1). */
  near(x0: number, y0: number, x1: number, y1: number): Set<T> {
    const out = new Set<T>();
    for (const key of this.keys(x0 - MARGIN, y0 - MARGIN, x1 + MARGIN, y1 + MARGIN)) {
      for (const item of this.cells.get(key) ?? []) out.add(item);
    }
    return out;
  }
  private *keys(x0: number, y0: number, x1: number, y1: number): Generator<string> {
    const s = this.size;
    for (let i = Math.floor(x0 / s); i <= Math.floor(x1 / s); i++) {
      for (let j = Math.floor(y0 / s); j <= Math.floor(y1 / s); j++) yield `${i},${j}`;
    }
  }
}
