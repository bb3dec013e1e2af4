import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Procedure } from '../../../engine/index.ts';
import { toCanvas, type CanvasModel, type CanvasState } from '../model/canvasModel.ts';
import type { Layout, XY } from '../model/designDoc.ts';
import { isWithin } from '../model/statePaths.ts';
import { COLUMN_PITCH, computeGeometry, ROW_PITCH, SIZES } from './geometry.ts';
import { ANY_NODE, assignLanes, isLeaf, LANE_END } from './lanes.ts';
import { layoutEngine } from './layoutEngine.ts';

const START = '__start';

/** The leaves a transition to `path` lands on (the initial leaves of a group). */
function entryLeaves(model: CanvasModel, path: string): string[] {
  const state = model.states.find((s) => s.path === path);
  if (!state) return [];
  if (isLeaf(state)) return [path];
  const children = model.states.filter((s) => s.parent === path);
  if (state.kind === 'parallel') return children.flatMap((c) => entryLeaves(model, c.path));
  const initial = state.own.initial ?? children[0]?.key;
  return initial ? entryLeaves(model, `${path}.${initial}`) : [];
}

/** The leaves a transition from `path` leaves from (a group's final leaves, else all of them). */
function exitLeaves(model: CanvasModel, path: string): string[] {
  if (path === '') return [ANY_NODE];
  const inside = model.states.filter((s) => isLeaf(s) && isWithin(s.path, path));
  const finals = inside.filter((s) => s.kind === 'final');
  return (finals.length > 0 ? finals : inside).map((s) => s.path);
}

/** The leaves of one top-level group, or the leaf itself. */
function blockOf(state: CanvasState): string {
  const top = state.path.split('.')[0]!;
  return top;
}

/**
 * Lay a procedure out automatically: ELK's layered algorithm (left to right) orders the steps in
 * columns along the flow; each step then goes to the lane of its unit, in its column. A group of
 * steps (liên thông) gets columns of its own so that its container covers nothing else. The
 * result is a layout sidecar (`positions` by state path).
 */
export async function autoLayout(procedure: Procedure): Promise<Layout> {
  const model = toCanvas(procedure);
  const leaves = model.states.filter(isLeaf);
  const lanes = assignLanes(model);
  // The "any step" marker stays out of ELK: its arrows (withdrawal…) would push outcomes right.
  const nodes = [START, ...leaves.map((s) => s.path)];
  const seen = new Set<string>();
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  const link = (a: string, b: string) => {
    const id = `${a}->${b}`;
    if (a === b || seen.has(id)) return;
    seen.add(id);
    edges.push({ id, sources: [a], targets: [b] });
  };
  for (const leaf of entryLeaves(model, procedure.machine.initial)) link(START, leaf);
  // Arrows to a refusal, withdrawal or stop cross the whole flow: ELK would route each through
  // every layer (and take seconds on a large procedure). Those outcomes are placed after ELK,
  // right after the earliest step that leads to them.
  const exits = new Set(
    leaves
      .filter((s) => s.kind === 'final' && s.parent === '' && s.own.meta?.outcome !== 'approved')
      .map((s) => s.path),
  );
  for (const e of model.edges) {
    if (e.source === '' || exits.has(e.target)) continue;
    for (const a of exitLeaves(model, e.source)) {
      for (const b of entryLeaves(model, e.target)) link(a, b);
    }
  }
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      // Only ELK's layers and their order are used (lanes and arrows are ours): the cheap
      // placement and routing keep a 150-step procedure well under the one-second budget.
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.layered.thoroughness': '1',
      'elk.layered.crossingMinimization.strategy': 'NONE',
      'elk.edgeRouting': 'POLYLINE',
      'elk.separateConnectedComponents': 'false',
    },
    children: nodes.map((id) => ({
      id,
      width: id === START ? 10 : SIZES.step.w,
      height: SIZES.step.h,
    })),
    edges,
  };
  const result = await (await layoutEngine()).layout(graph);
  const at = new Map<string, XY>(
    (result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]),
  );
  // Columns: ELK's layers, read from x.
  const xs = [...new Set(leaves.map((s) => Math.round(at.get(s.path)?.x ?? 0)))].sort(
    (a, b) => a - b,
  );
  const column = new Map<string, number>();
  for (const s of leaves) column.set(s.path, xs.indexOf(Math.round(at.get(s.path)?.x ?? 0)));
  // Outcomes reached only "from any step" sit right of the marker, in the second column.
  const fed = new Set(model.edges.filter((e) => e.source !== '').map((e) => e.target));
  const first = Math.min(
    ...entryLeaves(model, procedure.machine.initial).map((p) => column.get(p) ?? 0),
  );
  for (const e of model.edges) {
    if (e.source === '' && !fed.has(e.target) && column.has(e.target)) {
      column.set(e.target, first + 1);
    }
  }
  for (const exit of exits) {
    const from = model.edges
      .filter((e) => e.target === exit && e.source !== '')
      .flatMap((e) => exitLeaves(model, e.source).map((l) => column.get(l) ?? 0));
    if (from.length > 0) column.set(exit, Math.min(...from) + 1);
  }
  // Give every top-level group columns of its own: blocks in the order of their first column.
  const blocks = new Map<string, string[]>();
  for (const s of leaves) {
    const key = s.parent === '' ? `col:${column.get(s.path)}` : `grp:${blockOf(s)}`;
    blocks.set(key, [...(blocks.get(key) ?? []), s.path]);
  }
  const start = (paths: string[]) => Math.min(...paths.map((p) => column.get(p)!));
  const ordered = [...blocks.entries()].sort(
    (a, b) => start(a[1]) - start(b[1]) || (a[0].startsWith('col:') ? -1 : 1),
  );
  let next = 0;
  const finalColumn = new Map<string, number>();
  for (const [key, paths] of ordered) {
    const first = start(paths);
    const span = key.startsWith('grp:') ? Math.max(...paths.map((p) => column.get(p)!)) - first : 0;
    for (const p of paths) finalColumn.set(p, next + column.get(p)! - first);
    next += span + 1;
  }
  // Rows: inside a lane, boxes of one column stack in ELK's vertical order.
  const laneOrder = [...new Set(leaves.map((s) => lanes.get(s.path)!))];
  const rowCount = new Map<string, number>();
  const rows = new Map<string, number>();
  for (const lane of laneOrder) {
    const inLane = leaves
      .filter((s) => lanes.get(s.path) === lane)
      .sort((a, b) => (at.get(a.path)?.y ?? 0) - (at.get(b.path)?.y ?? 0));
    const used = new Map<number, number>();
    if (lane === LANE_END && lanes.has(ANY_NODE)) used.set(0, 1);
    for (const s of inLane) {
      const col = finalColumn.get(s.path)!;
      const row = used.get(col) ?? 0;
      used.set(col, row + 1);
      rows.set(s.path, row);
    }
    rowCount.set(lane, Math.max(1, ...used.values()));
  }
  // Stored positions with lanes far apart; `computeGeometry` stacks them tightly.
  const positions: Record<string, XY> = {};
  for (const s of leaves) {
    const lane = lanes.get(s.path)!;
    const final = s.kind === 'final';
    positions[s.path] = {
      x:
        SIZES.left +
        finalColumn.get(s.path)! * COLUMN_PITCH +
        (final ? (SIZES.step.w - SIZES.final.w) / 2 : 0),
      y:
        laneOrder.indexOf(lane) * 100_000 +
        rows.get(s.path)! * ROW_PITCH +
        (final ? (SIZES.step.h - SIZES.final.h) / 2 : 0),
    };
  }
  return { positions: computeGeometry(model, { positions }).positions };
}
