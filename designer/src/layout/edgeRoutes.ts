import type { XY } from '../model/designDoc.ts';
import type { Side } from './edgeRouting.ts';
import { placeLabel } from './routeLabels.ts';
import { Grid, hits, MARGIN, type Rect } from './spatialGrid.ts';

/**
 * Orthogonal routing of the arrows in the free corridors between boxes: an arrow leaves a side of
 * its source, runs along column gaps and lane/row gaps, and enters a side of its target without
 * crossing any other box. Arrows sharing a corridor are spread apart; a path that crosses arrows
 * already drawn costs as much as a long detour, and an arrow that still crosses is routed again
 * once all the others are placed. Labels go on a segment where they cover neither a box nor
 * another label. Pure geometry, no DOM.
 */

/** An arrow to route. */
export interface RouteRequest {
  readonly id: string;
  readonly source: Rect;
  readonly target: Rect;
  /** Label size in canvas units (estimated from its text). */
  readonly label: { readonly w: number; readonly h: number };
  readonly self: boolean;
  /**
   * Draw only a short arrow out of the source with the label at its end (an off-page connector):
   * for long arrows to an outcome such as refusal, which would otherwise cross the whole canvas.
   */
  readonly stub?: boolean;
}

/** A routed arrow: its polyline, the sides it uses, and where its label goes (centre). */
export interface Route {
  readonly points: readonly XY[];
  readonly sourceSide: Side;
  readonly targetSide: Side;
  readonly label: XY;
}

const STUB = 18;
const SPREAD = 10;
const PORT_GAP = 14;
/**
 * What crossing one already routed arrow costs a candidate path, in canvas units of length: a
 * detour of up to this much is preferred to a crossing.
 */
const CROSSING = 400;

/** An arrow segment already routed, for counting crossings. */
type Segment = Rect & { readonly a: XY; readonly b: XY; readonly owner: string };

/** The path chosen for an arrow, before it is spread off used corridors. */
interface Choice {
  readonly points: XY[];
  readonly score: number;
  readonly sides: [Side, Side];
  readonly slots: [number, number];
  readonly crossings: number;
}

/**
 * The point where the n-th arrow on a side meets the box: the middle first, then alternately
 * either side of it, so arrows sharing a side do not run on top of each other.
 */
function port(r: Rect, side: Side, n = 0): XY {
  const shift = n === 0 ? 0 : (n % 2 === 1 ? 1 : -1) * Math.ceil(n / 2) * PORT_GAP;
  const along = (length: number) => Math.max(-length / 2 + 8, Math.min(length / 2 - 8, shift));
  switch (side) {
    case 'l':
      return { x: r.x, y: r.y + r.h / 2 + along(r.h) };
    case 'r':
      return { x: r.x + r.w, y: r.y + r.h / 2 + along(r.h) };
    case 't':
      return { x: r.x + r.w / 2 + along(r.w), y: r.y };
    case 'b':
      return { x: r.x + r.w / 2 + along(r.w), y: r.y + r.h };
    default: {
      const never: never = side;
      throw new Error(`side ${String(never)}`);
    }
  }
}

function stub(p: XY, side: Side, d = STUB): XY {
  return side === 'l'
    ? { x: p.x - d, y: p.y }
    : side === 'r'
      ? { x: p.x + d, y: p.y }
      : side === 't'
        ? { x: p.x, y: p.y - d }
        : { x: p.x, y: p.y + d };
}

const horizontal = (side: Side) => side === 'l' || side === 'r';

/** Free corridors along one axis: centres of the gaps between the boxes' extents. */
function corridors(boxes: readonly Rect[], axis: 'x' | 'y'): number[] {
  const spans = boxes
    .map((b) => (axis === 'x' ? [b.x, b.x + b.w] : [b.y, b.y + b.h]) as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  let end = -Infinity;
  for (const [s, e] of spans) {
    if (end !== -Infinity && s - end > 2 * MARGIN + 4) out.push((s + end) / 2);
    end = Math.max(end, e);
  }
  if (spans.length > 0) {
    out.push(spans[0]![0] - 40);
    out.push(end + 40);
  }
  return out.sort((a, b) => a - b);
}

function length(points: readonly XY[]): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) {
    n += Math.abs(points[i]!.x - points[i - 1]!.x) + Math.abs(points[i]!.y - points[i - 1]!.y);
  }
  return n;
}

/** Drop repeated points and merge collinear runs. */
function simplify(points: XY[]): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((prev.x === last.x && last.x === p.x) || (prev.y === last.y && last.y === p.y))
    ) {
      out[out.length - 1] = p;
    } else out.push(p);
  }
  return out;
}

/** Side pairs worth trying for a source and target, best first. */
function sidePairs(s: Rect, t: Rect): [Side, Side][] {
  const forward = t.x >= s.x + s.w - 4;
  const backward = t.x + t.w <= s.x + 4;
  const below = t.y > s.y + s.h / 2;
  const above = t.y + t.h < s.y + s.h / 2;
  if (forward) {
    return [
      ['r', 'l'],
      below ? ['b', 'l'] : ['t', 'l'],
      below ? ['r', 't'] : ['r', 'b'],
      below ? ['b', 't'] : ['t', 'b'],
    ];
  }
  if (backward) {
    if (!below && !above)
      return [
        ['b', 'b'],
        ['t', 't'],
        ['l', 'r'],
      ];
    return below
      ? [
          ['b', 't'],
          ['l', 't'],
          ['b', 'r'],
          ['b', 'b'],
        ]
      : [
          ['t', 'b'],
          ['l', 'b'],
          ['t', 'r'],
          ['t', 't'],
        ];
  }
  return below
    ? [
        ['b', 't'],
        ['r', 'r'],
        ['l', 'l'],
      ]
    : [
        ['t', 'b'],
        ['r', 'r'],
        ['l', 'l'],
      ];
}

interface Context {
  readonly obstacles: readonly Rect[];
  readonly grid: Grid<Rect>;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly usedX: Map<number, number>;
  readonly usedY: Map<number, number>;
  /** Segments of the arrows routed so far. */
  readonly routed: Grid<Segment>;
}

/** Whether two axis-aligned segments cross at a point inside both. */
function crosses(a1: XY, a2: XY, b1: XY, b2: XY): boolean {
  const av = Math.abs(a1.x - a2.x) < 0.5;
  const bv = Math.abs(b1.x - b2.x) < 0.5;
  if (av === bv) return false;
  const [v1, v2, h1, h2] = av ? [a1, a2, b1, b2] : [b1, b2, a1, a2];
  const x = v1.x;
  const y = h1.y;
  return (
    x > Math.min(h1.x, h2.x) &&
    x < Math.max(h1.x, h2.x) &&
    y > Math.min(v1.y, v2.y) &&
    y < Math.max(v1.y, v2.y)
  );
}

/** How many segments of already routed arrows a path crosses. */
function crossingsWith(points: readonly XY[], routed: Grid<Segment>, self?: string): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const near = routed.near(
      Math.min(a.x, b.x),
      Math.min(a.y, b.y),
      Math.max(a.x, b.x),
      Math.max(a.y, b.y),
    );
    for (const s of near) if (s.owner !== self && crosses(a, b, s.a, s.b)) n++;
  }
  return n;
}

function segmentsOf(points: readonly XY[], owner: string): Segment[] {
  return points.slice(1).map((b, i) => {
    const a = points[i]!;
    return {
      a,
      b,
      owner,
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.abs(a.x - b.x),
      h: Math.abs(a.y - b.y),
    };
  });
}

function clear(points: readonly XY[], grid: Grid<Rect>, source: Rect, target: Rect): boolean {
  // The first and last segments are the stubs out of / into the boxes themselves.
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const near = grid.near(
      Math.min(a.x, b.x),
      Math.min(a.y, b.y),
      Math.max(a.x, b.x),
      Math.max(a.y, b.y),
    );
    for (const r of near) {
      if (r === source || r === target || sameRect(r, source) || sameRect(r, target)) continue;
      if (hits(a, b, r)) return false;
    }
    if (i > 1 && hits(a, b, source, 2)) return false;
    if (i < points.length - 1 && hits(a, b, target, 2)) return false;
  }
  return true;
}

/** The `count` values of a sorted list closest to `to` (binary search, then both ways). */
function nearest(sorted: readonly number[], to: number, count: number): number[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < to) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  let i = lo - 1;
  let j = lo;
  while (out.length < count && (i >= 0 || j < sorted.length)) {
    if (j >= sorted.length || (i >= 0 && to - sorted[i]! <= sorted[j]! - to))
      out.push(sorted[i--]!);
    else out.push(sorted[j++]!);
  }
  return out;
}

/**
 * Candidate polylines from s0 (leaving along `o0`) to s1 (arriving along `o1`): the simple ones
 * (at most three segments) first, then those that detour through a corridor.
 */
function candidates(s0: XY, h0: boolean, s1: XY, h1: boolean, ctx: Context, stage: 0 | 1): XY[][] {
  const out: XY[][] = [];
  const detours: XY[][] = [];
  const simple = stage === 0;
  const midX = (s0.x + s1.x) / 2;
  const midY = (s0.y + s1.y) / 2;
  const xs = [...new Set([midX, ...nearest(ctx.xs, midX, 8)])];
  const ys = [...new Set([midY, ...nearest(ctx.ys, midY, 8)])];
  if (h0 && h1) {
    if (Math.abs(s0.y - s1.y) < 1) out.push([s0, s1]);
    for (const x of xs) out.push([s0, { x, y: s0.y }, { x, y: s1.y }, s1]);
    const x1s = simple ? [] : nearest(ctx.xs, s0.x, 3);
    const x2s = nearest(ctx.xs, s1.x, 3);
    for (const y of ys)
      for (const x1 of x1s)
        for (const x2 of x2s) {
          detours.push([
            s0,
            { x: x1, y: s0.y },
            { x: x1, y },
            { x: x2, y },
            { x: x2, y: s1.y },
            s1,
          ]);
        }
  } else if (!h0 && !h1) {
    if (Math.abs(s0.x - s1.x) < 1) out.push([s0, s1]);
    for (const y of ys) out.push([s0, { x: s0.x, y }, { x: s1.x, y }, s1]);
    const y1s = simple ? [] : nearest(ctx.ys, s0.y, 3);
    const y2s = nearest(ctx.ys, s1.y, 3);
    for (const x of xs)
      for (const y1 of y1s)
        for (const y2 of y2s) {
          detours.push([
            s0,
            { x: s0.x, y: y1 },
            { x, y: y1 },
            { x, y: y2 },
            { x: s1.x, y: y2 },
            s1,
          ]);
        }
  } else if (h0 && !h1) {
    out.push([s0, { x: s1.x, y: s0.y }, s1]);
    if (!simple)
      for (const x of xs)
        for (const y of ys) detours.push([s0, { x, y: s0.y }, { x, y }, { x: s1.x, y }, s1]);
  } else {
    out.push([s0, { x: s0.x, y: s1.y }, s1]);
    if (!simple)
      for (const y of ys)
        for (const x of xs) detours.push([s0, { x: s0.x, y }, { x, y }, { x, y: s1.y }, s1]);
  }
  return simple ? out : detours;
}

/** Shift the inner segments of a path off corridors already used by other arrows. */
function spread(points: XY[], ctx: Context): XY[] {
  const out = points.map((p) => ({ ...p }));
  for (let i = 1; i < out.length - 2; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const vertical = Math.abs(a.x - b.x) < 0.5;
    const key = Math.round(vertical ? a.x : a.y);
    const used = vertical ? ctx.usedX : ctx.usedY;
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    if (n === 0) continue;
    const offset = (n % 2 === 1 ? 1 : -1) * Math.ceil(n / 2) * SPREAD;
    if (vertical) {
      a.x += offset;
      b.x += offset;
    } else {
      a.y += offset;
      b.y += offset;
    }
  }
  return out;
}

/** Route every arrow around the boxes. Requests are routed in order (put the main flow first). */
export function routeEdges(
  requests: readonly RouteRequest[],
  boxes: readonly Rect[],
): Map<string, Route> {
  const ctx: Context = {
    obstacles: boxes,
    grid: new Grid(boxes),
    xs: corridors(boxes, 'x'),
    ys: corridors(boxes, 'y'),
    usedX: new Map(),
    usedY: new Map(),
    routed: new Grid<Segment>([]),
  };
  const routes = new Map<
    string,
    { points: XY[]; sourceSide: Side; targetSide: Side; size: RouteRequest['label'] }
  >();
  const stubs = new Map<Rect, number>();
  // Port slots taken on each side of a box (slot 0 the middle, odd ones after it, even before).
  const ports = new Map<Rect, Record<Side, Set<number>>>();
  const taken = (r: Rect, side: Side) => ports.get(r)?.[side] ?? new Set<number>();
  /** The free slots worth trying: the middle, else the next one on either side of it. */
  const free = (r: Rect, side: Side): number[] => {
    const t = taken(r, side);
    if (!t.has(0)) return [0];
    const next = (from: number) => {
      let n = from;
      while (t.has(n)) n += 2;
      return n;
    };
    return [next(1), next(2)];
  };
  const used = (r: Rect, side: Side) => free(r, side)[0]!;
  const take = (r: Rect, side: Side, slot: number) => {
    const slots = ports.get(r) ?? { l: new Set(), r: new Set(), t: new Set(), b: new Set() };
    slots[side].add(slot);
    ports.set(r, slots);
  };
  const segmentsById = new Map<string, Segment[]>();
  const chosenById = new Map<string, Choice>();
  const addSegments = (id: string, points: readonly XY[]) => {
    const list = segmentsOf(points, id);
    for (const segment of list) ctx.routed.add(segment);
    segmentsById.set(id, list);
  };
  /** The best path for one arrow given the arrows routed so far. */
  const choose = (req: RouteRequest): Choice => {
    let best: Choice | undefined;
    const pairs = sidePairs(req.source, req.target);
    // Simple paths on every side pair first; detours only when no simple path is clear.
    for (const stage of [0, 1] as const) {
      for (const [ss, ts] of pairs) {
        // Either free slot on each side: the one that keeps arrows of one box from crossing.
        for (const n0 of free(req.source, ss))
          for (const n1 of free(req.target, ts)) {
            const p0 = port(req.source, ss, n0);
            const p1 = port(req.target, ts, n1);
            const s0 = stub(p0, ss);
            const s1 = stub(p1, ts);
            for (const path of candidates(s0, horizontal(ss), s1, horizontal(ts), ctx, stage)) {
              const full = simplify([p0, ...path, p1]);
              let score =
                length(full) +
                (full.length - 2) * 60 +
                pairs.findIndex((p) => p[0] === ss && p[1] === ts) * 40;
              if (best && score >= best.score) continue;
              const crossings = crossingsWith(full, ctx.routed);
              score += crossings * CROSSING;
              if (best && score >= best.score) continue;
              if (!clear(full, ctx.grid, req.source, req.target)) continue;
              best = { points: full, score, sides: [ss, ts], slots: [n0, n1], crossings };
            }
          }
      }
      // A detour is tried when no simple path is clear, or when every clear one crosses arrows.
      if (best && best.crossings === 0) break;
    }
    if (!best) {
      const [ss, ts] = sidePairs(req.source, req.target)[0]!;
      const p0 = port(req.source, ss, used(req.source, ss));
      const p1 = port(req.target, ts, used(req.target, ts));
      const s0 = stub(p0, ss);
      const s1 = stub(p1, ts);
      const mid = horizontal(ss)
        ? [
            { x: (s0.x + s1.x) / 2, y: s0.y },
            { x: (s0.x + s1.x) / 2, y: s1.y },
          ]
        : [
            { x: s0.x, y: (s0.y + s1.y) / 2 },
            { x: s1.x, y: (s0.y + s1.y) / 2 },
          ];
      best = {
        points: simplify([p0, s0, ...mid, s1, p1]),
        score: Infinity,
        sides: [ss, ts],
        slots: [used(req.source, ss), used(req.target, ts)],
        crossings: 0,
      };
    }
    return best;
  };
  const commit = (req: RouteRequest, choice: Choice, points: XY[]) => {
    take(req.source, choice.sides[0], choice.slots[0]);
    take(req.target, choice.sides[1], choice.slots[1]);
    addSegments(req.id, points);
    chosenById.set(req.id, choice);
    routes.set(req.id, {
      points,
      sourceSide: choice.sides[0],
      targetSide: choice.sides[1],
      size: req.label,
    });
  };
  const release = (req: RouteRequest, choice: Choice) => {
    ports.get(req.source)?.[choice.sides[0]].delete(choice.slots[0]);
    ports.get(req.target)?.[choice.sides[1]].delete(choice.slots[1]);
    for (const segment of segmentsById.get(req.id) ?? []) ctx.routed.remove(segment);
    segmentsById.delete(req.id);
  };
  const fixedLabels = new Map<string, XY>();
  for (const req of requests) {
    if (req.stub) {
      const n = stubs.get(req.source) ?? 0;
      stubs.set(req.source, n + 1);
      const p0 = port(req.source, 'b');
      const x = req.source.x + 34 + n * 44;
      const start = { x, y: p0.y };
      const end = { x, y: p0.y + 22 };
      routes.set(req.id, {
        points: [start, end],
        sourceSide: 'b',
        targetSide: 't',
        size: req.label,
      });
      fixedLabels.set(req.id, { x, y: end.y + req.label.h / 2 + 2 });
      addSegments(req.id, [start, end]);
      continue;
    }
    if (req.self) {
      const a = port(req.source, 't');
      const top = req.source.y - 34;
      const points = [
        { x: a.x - 30, y: req.source.y },
        { x: a.x - 30, y: top },
        { x: a.x + 30, y: top },
        { x: a.x + 30, y: req.source.y },
      ];
      routes.set(req.id, { points, sourceSide: 't', targetSide: 't', size: req.label });
      addSegments(req.id, points);
      continue;
    }
    const chosen = choose(req);
    commit(req, chosen, spread(chosen.points, ctx));
  }
  // Second pass: an arrow that still crosses others is routed again with all the others in
  // place (the first pass saw only those before it), and keeps the new path if it crosses less.
  for (const req of requests) {
    const current = routes.get(req.id);
    if (req.stub || req.self || !current || !chosenById.has(req.id)) continue;
    const before = crossingsWith(current.points, ctx.routed, req.id);
    if (before === 0) continue;
    const old = chosenById.get(req.id)!;
    release(req, old);
    const next = choose(req);
    const points = spread(next.points, ctx);
    if (crossingsWith(points, ctx.routed, req.id) < before) commit(req, next, points);
    else commit(req, old, current.points);
  }
  const labels: Rect[] = [];
  const out = new Map<string, Route>();
  const segments = new Grid<Rect & { owner: string }>(
    [...routes].flatMap(([owner, r]) =>
      r.points.slice(1).map((p, i) => {
        const a = r.points[i]!;
        return {
          owner,
          x: Math.min(a.x, p.x),
          y: Math.min(a.y, p.y),
          w: Math.abs(a.x - p.x),
          h: Math.abs(a.y - p.y),
        };
      }),
    ),
  );
  for (const [id, at] of fixedLabels) {
    const size = routes.get(id)!.size;
    labels.push({ x: at.x - size.w / 2, y: at.y - size.h / 2, w: size.w, h: size.h });
  }
  for (const [id, r] of routes) {
    const label =
      fixedLabels.get(id) ?? placeLabel(r.points, r.size, ctx.grid, labels, segments, id);
    out.set(id, { points: r.points, sourceSide: r.sourceSide, targetSide: r.targetSide, label });
  }
  return out;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

export type { Rect } from './spatialGrid.ts';
export { estimateLabel } from './routeLabels.ts';
export { roundedPath } from './roundedPath.ts';
