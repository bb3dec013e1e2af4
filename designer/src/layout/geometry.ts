import type { CanvasModel } from '../model/canvasModel.ts';
import type { Layout, XY } from '../model/designDoc.ts';
import { isWithin } from '../model/statePaths.ts';
import { ANY_NODE, assignLanes, isCitizenStep, isLeaf, LANE_END, LANE_NONE } from './lanes.ts';

/** Sizes and spacing of the canvas, in canvas units. */
export const SIZES = {
  step: { w: 200, h: 92 },
  final: { w: 184, h: 64 },
  laneHeader: 176,
  left: 212,
  colGap: 132,
  rowGap: 40,
  lanePadTop: 40,
  lanePadBottom: 28,
  laneMinHeight: 150,
  groupLabel: 22,
} as const;

/** Horizontal distance between two columns of steps. */
export const COLUMN_PITCH = SIZES.step.w + SIZES.colGap;
/** Vertical distance between two rows inside a lane. */
export const ROW_PITCH = SIZES.step.h + SIZES.rowGap;

/** A box drawn for a leaf state or the "any step" marker. */
export interface Box {
  readonly path: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly lane: string;
  readonly kind: 'step' | 'final' | 'any';
}

/** A horizontal band for one unit. */
export interface Lane {
  readonly key: string;
  readonly top: number;
  readonly height: number;
  /** Where the first row of boxes starts (below the lane's label band). */
  readonly contentTop: number;
  readonly count: number;
}

/** A container drawn behind the steps of a group (a parallel inter-agency group, a region…). */
export interface GroupBox {
  readonly path: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly kind: 'compound' | 'parallel';
  /** A region of a parallel group. */
  readonly region: boolean;
  readonly depth: number;
}

/** Everything the canvas draws, in canvas coordinates. */
export interface Geometry {
  readonly boxes: ReadonlyMap<string, Box>;
  readonly lanes: readonly Lane[];
  readonly groups: readonly GroupBox[];
  readonly width: number;
  readonly height: number;
  /** The stored positions that reproduce this geometry exactly (leaves only). */
  readonly positions: Readonly<Record<string, XY>>;
}

function sizeOf(kind: Box['kind']) {
  return kind === 'step' ? SIZES.step : SIZES.final;
}

/** Whether two boxes overlap (with a small margin). */
export function overlaps(a: Omit<Box, 'path' | 'lane' | 'kind'>, b: typeof a, margin = 8): boolean {
  return (
    a.x < b.x + b.w + margin &&
    b.x < a.x + a.w + margin &&
    a.y < b.y + b.h + margin &&
    b.y < a.y + a.h + margin
  );
}

/**
 * Lay the stored positions out in lanes: each lane keeps the relative positions of its steps and
 * the lanes are stacked without overlap (unit lanes ordered by their topmost step, citizen lanes
 * first, then unassigned steps, then the outcomes). Steps with no stored position are placed at
 * the end of their lane. The result's `positions` reproduce it exactly, so this is idempotent.
 */
export function computeGeometry(model: CanvasModel, layout: Layout): Geometry {
  const laneOf = assignLanes(model);
  const leaves = model.states.filter(isLeaf);
  const kindOf = (path: string): Box['kind'] =>
    path === ANY_NODE
      ? 'any'
      : leaves.find((s) => s.path === path)?.kind === 'final'
        ? 'final'
        : 'step';
  const stored = new Map<string, XY>();
  for (const s of leaves) {
    const p = layout.positions[s.path];
    if (p) stored.set(s.path, { x: Math.max(SIZES.left, p.x), y: p.y });
  }
  // Lane membership and order.
  const members = new Map<string, string[]>();
  for (const [path, lane] of laneOf) {
    const list = members.get(lane) ?? [];
    list.push(path);
    members.set(lane, list);
  }
  const citizenLane = (lane: string) =>
    (members.get(lane) ?? []).every((p) => {
      const s = leaves.find((l) => l.path === p);
      return s !== undefined && isCitizenStep(s);
    });
  const firstSeen = [...new Set([...laneOf.values()])];
  const minY = (lane: string) =>
    Math.min(...(members.get(lane) ?? []).map((p) => stored.get(p)?.y ?? Infinity));
  const rank = (lane: string) =>
    lane === LANE_END ? 3 : lane === LANE_NONE ? 2 : citizenLane(lane) ? 0 : 1;
  const order = [...firstSeen].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (Number.isFinite(minY(a)) || Number.isFinite(minY(b)) ? minY(a) - minY(b) : 0) ||
      firstSeen.indexOf(a) - firstSeen.indexOf(b),
  );
  // Steps without a stored position: at the end of their lane, on its first row.
  const laneRight = (lane: string) =>
    Math.max(
      SIZES.left - COLUMN_PITCH,
      ...(members.get(lane) ?? []).flatMap((p) => {
        const at = stored.get(p);
        return at ? [at.x] : [];
      }),
    );
  for (const lane of order) {
    for (const path of members.get(lane) ?? []) {
      if (stored.has(path) || path === ANY_NODE) continue;
      const y = Number.isFinite(minY(lane)) ? minY(lane) : 0;
      stored.set(path, { x: laneRight(lane) + COLUMN_PITCH, y });
    }
  }
  // The "any step" marker: first column of the outcome lane, below anything already there.
  if (laneOf.has(ANY_NODE)) {
    const others = (members.get(LANE_END) ?? []).filter((p) => p !== ANY_NODE);
    let y = others.length > 0 ? minY(LANE_END) : 0;
    const box = (at: XY) => ({ ...at, ...SIZES.final });
    while (
      others.some((p) =>
        overlaps(box({ x: SIZES.left, y }), { ...stored.get(p)!, ...sizeOf(kindOf(p)) }),
      )
    ) {
      y += ROW_PITCH;
    }
    stored.set(ANY_NODE, { x: SIZES.left, y });
  }
  // Groups: their padding grows with the groups nested inside them.
  const groupStates = model.states.filter((s) => !isLeaf(s));
  const nest = new Map<string, number>();
  for (const g of [...groupStates].reverse()) {
    const inner = groupStates
      .filter((o) => o.parent === g.path)
      .map((o) => (nest.get(o.path) ?? 0) + 1);
    nest.set(g.path, Math.max(0, ...inner));
  }
  const pad = (g: string) => 12 + 12 * (nest.get(g) ?? 0);
  const padTop = new Map<string, number>();
  const padBottom = new Map<string, number>();
  for (const g of groupStates) {
    for (const p of leaves.filter((l) => isWithin(l.path, g.path) && l.path !== g.path)) {
      const lane = laneOf.get(p.path)!;
      padTop.set(lane, Math.max(padTop.get(lane) ?? 0, pad(g.path) + SIZES.groupLabel + 10));
      padBottom.set(lane, Math.max(padBottom.get(lane) ?? 0, pad(g.path) + 10));
    }
  }
  // Stack the lanes.
  const boxes = new Map<string, Box>();
  const lanes: Lane[] = [];
  let top = 0;
  for (const lane of order) {
    const list = members.get(lane) ?? [];
    const base = Math.min(...list.map((p) => stored.get(p)!.y));
    const pt = Math.max(SIZES.lanePadTop, padTop.get(lane) ?? 0);
    const pb = Math.max(SIZES.lanePadBottom, padBottom.get(lane) ?? 0);
    let bottom = 0;
    for (const path of list) {
      const at = stored.get(path)!;
      const kind = kindOf(path);
      const size = sizeOf(kind);
      const y = top + pt + (at.y - base);
      boxes.set(path, { path, x: at.x, y, ...size, lane, kind });
      bottom = Math.max(bottom, y + size.h);
    }
    const height = Math.max(SIZES.laneMinHeight, bottom + pb - top);
    lanes.push({
      key: lane,
      top,
      height,
      contentTop: top + pt,
      count: list.filter((p) => p !== ANY_NODE).length,
    });
    top += height;
  }
  const groups: GroupBox[] = groupStates.flatMap((g) => {
    const inside = [...boxes.values()].filter(
      (b) => b.path !== ANY_NODE && isWithin(b.path, g.path) && b.path !== g.path,
    );
    if (inside.length === 0) return [];
    const p = pad(g.path);
    const x0 = Math.min(...inside.map((b) => b.x)) - p;
    const y0 = Math.min(...inside.map((b) => b.y)) - p - SIZES.groupLabel;
    const x1 = Math.max(...inside.map((b) => b.x + b.w)) + p;
    const y1 = Math.max(...inside.map((b) => b.y + b.h)) + p;
    const parent = model.states.find((s) => s.path === g.parent);
    return [
      {
        path: g.path,
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
        kind: g.kind === 'parallel' ? 'parallel' : 'compound',
        region: parent?.kind === 'parallel',
        depth: g.depth,
      },
    ];
  });
  const width =
    Math.max(SIZES.left + COLUMN_PITCH, ...[...boxes.values()].map((b) => b.x + b.w)) + 96;
  const positions: Record<string, XY> = {};
  for (const s of leaves) {
    const b = boxes.get(s.path);
    if (b) positions[s.path] = { x: b.x, y: b.y };
  }
  return { boxes, lanes, groups, width, height: top, positions };
}

/**
 * Where to put a new box in a lane: right of `nearX` (or of the lane's last box) on the lane's
 * first row, moved down row by row until it overlaps nothing.
 */
export function placeInLane(
  geometry: Geometry,
  lane: string,
  kind: 'step' | 'final',
  nearX?: number,
): XY {
  const inLane = [...geometry.boxes.values()].filter((b) => b.lane === lane);
  const laneInfo = geometry.lanes.find((l) => l.key === lane);
  const size = sizeOf(kind);
  const x =
    nearX !== undefined
      ? Math.max(SIZES.left, nearX)
      : inLane.length > 0
        ? Math.max(...inLane.map((b) => b.x)) + COLUMN_PITCH
        : SIZES.left;
  let y = laneInfo
    ? Math.min(...inLane.map((b) => b.y), laneInfo.top + SIZES.lanePadTop)
    : geometry.height + SIZES.lanePadTop;
  const all = [...geometry.boxes.values()];
  while (all.some((b) => overlaps({ x, y, ...size }, b))) y += ROW_PITCH;
  return { x, y };
}

/**
 * Move boxes to new positions and push any that now overlaps a box of its lane down, row by row.
 * Returns the stored positions to keep (before lane stacking).
 */
export function settleMoves(
  geometry: Geometry,
  moved: Readonly<Record<string, XY>>,
): Record<string, XY> {
  const positions: Record<string, XY> = { ...geometry.positions };
  const placed = new Map<string, Box>(geometry.boxes);
  for (const [path, at] of Object.entries(moved)) {
    const box = placed.get(path);
    if (!box || box.kind === 'any') continue;
    // A box stays in its lane: it cannot climb above the lane's first row.
    const lane = geometry.lanes.find((l) => l.key === box.lane);
    let y = Math.max(at.y, lane?.contentTop ?? at.y);
    const x = Math.max(SIZES.left, at.x);
    const others = [...placed.values()].filter((b) => b.path !== path && b.lane === box.lane);
    while (others.some((b) => overlaps({ x, y, w: box.w, h: box.h }, b))) y += ROW_PITCH / 2;
    positions[path] = { x, y };
    placed.set(path, { ...box, x, y });
  }
  return positions;
}
