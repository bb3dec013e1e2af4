/** A side of a box where an arrow leaves or arrives. */
export type Side = 'l' | 'r' | 't' | 'b';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Which sides an arrow uses, so that the flow reads left to right: forward arrows go right to
 * left, arrows within a column go down or up, and arrows back to an earlier step loop around
 * below (same row) or leave from the top or bottom towards the earlier step.
 */
export function chooseSides(source: Rect, target: Rect): { source: Side; target: Side } {
  const forward = target.x >= source.x + source.w - 4;
  const backward = target.x + target.w <= source.x + 4;
  const sameRow =
    Math.abs(target.y + target.h / 2 - (source.y + source.h / 2)) <
    Math.max(source.h, target.h) / 2;
  if (forward) {
    if (sameRow || target.x - (source.x + source.w) > 40) return { source: 'r', target: 'l' };
    return target.y > source.y ? { source: 'b', target: 'l' } : { source: 't', target: 'l' };
  }
  if (backward) {
    if (sameRow) return { source: 'b', target: 'b' };
    return target.y < source.y ? { source: 't', target: 'b' } : { source: 'b', target: 't' };
  }
  return target.y > source.y ? { source: 'b', target: 't' } : { source: 't', target: 'b' };
}
