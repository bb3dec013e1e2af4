import type { XY } from '../model/designDoc.ts';
import { hits, type Grid, type Rect } from './spatialGrid.ts';

/**
 * Where the label of an arrow goes: on one of its segments (the longest first), over no box,
 * no other label and, when possible, no other arrow. And how big a label is.
 */

function overlapsRect(c: XY, size: { w: number; h: number }, r: Rect, m = 4): boolean {
  return (
    c.x - size.w / 2 < r.x + r.w + m &&
    c.x + size.w / 2 > r.x - m &&
    c.y - size.h / 2 < r.y + r.h + m &&
    c.y + size.h / 2 > r.y - m
  );
}

/** Where a label of this size can sit on a path: the middle of a segment, longest first. */
export function placeLabel(
  points: readonly XY[],
  size: { w: number; h: number },
  boxes: Grid<Rect>,
  labels: Rect[],
  segments: Grid<Rect & { owner: string }>,
  owner: string,
): XY {
  const spots: { at: XY; len: number; horizontal: boolean }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    if (len < 24) continue;
    for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
      spots.push({
        at: { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f },
        len: len * (1 - Math.abs(f - 0.5)),
        horizontal: Math.abs(a.y - b.y) < 0.5,
      });
    }
  }
  if (spots.length === 0 && points.length > 1) {
    const a = points[0]!;
    const b = points[points.length - 1]!;
    spots.push({ at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, len: 0, horizontal: true });
  }
  spots.sort((a, b) => b.len - a.len);
  const crossesArrow = (at: XY) => {
    const r = { x: at.x - size.w / 2, y: at.y - size.h / 2, w: size.w, h: size.h };
    for (const seg of segments.near(r.x, r.y, r.x + r.w, r.y + r.h)) {
      if (seg.owner === owner) continue;
      if (hits({ x: seg.x, y: seg.y }, { x: seg.x + seg.w, y: seg.y + seg.h }, r, 1)) return true;
    }
    return false;
  };
  const fits = (at: XY) => {
    for (const r of boxes.near(
      at.x - size.w / 2,
      at.y - size.h / 2,
      at.x + size.w / 2,
      at.y + size.h / 2,
    )) {
      if (overlapsRect(at, size, r)) return false;
    }
    return !labels.some((r) => overlapsRect(at, size, r, 2));
  };
  // Beside the arrow, touching it, when no spot on it is free (a long label in a narrow gap).
  const beside = spots.flatMap((s) =>
    (s.horizontal
      ? [s.at.y - size.h / 2 - 3, s.at.y + size.h / 2 + 3].map((y) => ({ x: s.at.x, y }))
      : [s.at.x - size.w / 2 - 3, s.at.x + size.w / 2 + 3].map((x) => ({ x, y: s.at.y }))
    ).map((at) => ({ ...s, at })),
  );
  const free =
    spots.find((s) => fits(s.at) && !crossesArrow(s.at)) ??
    beside.find((s) => fits(s.at) && !crossesArrow(s.at)) ??
    spots.find((s) => fits(s.at)) ??
    beside.find((s) => fits(s.at));
  const at = (free ?? spots[0])?.at ?? points[0] ?? { x: 0, y: 0 };
  labels.push({ x: at.x - size.w / 2, y: at.y - size.h / 2, w: size.w, h: size.h });
  return at;
}

/** A rough label size for a text at 11.5 px, wrapped at `maxWidth`. */
export function estimateLabel(lines: readonly string[], maxWidth = 132): { w: number; h: number } {
  let w = 0;
  let rows = 0;
  for (const line of lines) {
    const width = line.length * 6.3 + 14;
    w = Math.max(w, Math.min(maxWidth, width));
    rows += Math.max(1, Math.ceil(width / maxWidth));
  }
  return { w: Math.max(w, 40), h: rows * 14 + 6 };
}
