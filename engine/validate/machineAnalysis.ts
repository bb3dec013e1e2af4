import { workingTimeToHours } from '../format/primitives.ts';
import {
  ancestry,
  atomicNodes,
  entrySet,
  isTopLevelFinal,
  type GraphEdge,
  type GraphNode,
  type MachineGraph,
} from './machineGraph.ts';

/** The edges that can fire while `node` is active: its own and its ancestors' (not `onDone`). */
export function exitEdges(graph: MachineGraph, node: GraphNode): GraphEdge[] {
  return ancestry(node).flatMap((n) =>
    (graph.edgesFrom.get(n) ?? []).filter((e) => e.kind !== 'onDone'),
  );
}

/** The `onDone` edges that fire when `node`, a final state, is reached (its group completes). */
export function doneEdges(graph: MachineGraph, node: GraphNode): GraphEdge[] {
  const group = node.parent;
  if (!group || !group.parent) return [];
  const done = (n: GraphNode) => (graph.edgesFrom.get(n) ?? []).filter((e) => e.kind === 'onDone');
  // A final state of a region completes the region; the parallel group completes with all regions.
  if (group.parent.kind === 'parallel') return done(group.parent);
  return done(group);
}

/** The nodes that can ever be active, starting from the machine's initial state. */
export function reachableNodes(graph: MachineGraph): Set<GraphNode> {
  const reached = new Set<GraphNode>();
  const queue: GraphNode[] = [];
  const enter = (target: GraphNode) => {
    for (const n of entrySet(target)) {
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  };
  enter(graph.root);
  while (queue.length > 0) {
    const n = queue.pop()!;
    for (const e of graph.edgesFrom.get(n) ?? []) {
      if (e.kind !== 'onDone') e.targets.forEach(enter);
    }
    if (n.kind === 'final') for (const e of doneEdges(graph, n)) e.targets.forEach(enter);
  }
  return reached;
}

/** The atomic nodes from which a final state of the whole procedure can be reached. */
export function nodesThatCanFinish(graph: MachineGraph): Set<GraphNode> {
  const atoms = atomicNodes(graph);
  const finish = new Set<GraphNode>(atoms.filter(isTopLevelFinal));
  const landing = (target: GraphNode) =>
    entrySet(target).filter((n) => n.kind === 'atomic' || n.kind === 'final');
  const leadsToFinish = (edges: readonly GraphEdge[]) =>
    edges.some(
      (e) => e.targets.length > 0 && e.targets.every((t) => landing(t).every((a) => finish.has(a))),
    );
  let changed = true;
  while (changed) {
    changed = false;
    for (const a of atoms) {
      if (finish.has(a)) continue;
      const edges = a.kind === 'final' ? doneEdges(graph, a) : exitEdges(graph, a);
      if (leadsToFinish(edges)) {
        finish.add(a);
        changed = true;
      }
    }
  }
  return finish;
}

/** Working hours a step spends against the legal clock (0 when the clock is paused there). */
export function stepHours(node: GraphNode, hoursPerDay = 8): number {
  const meta = node.config.meta;
  if (!meta?.duration || meta.clock === 'paused') return 0;
  return workingTimeToHours(meta.duration, hoursPerDay);
}

/** One step on the critical path, in order. */
export interface PathStep {
  readonly node: GraphNode;
  readonly hours: number;
}

/** The longest path: its length in working hours and its steps. */
export interface Longest {
  readonly hours: number;
  readonly path: readonly PathStep[];
}

const NONE: Longest = { hours: -Infinity, path: [] };
const ZERO: Longest = { hours: 0, path: [] };

/**
 * The longest path of step durations from the initial state to a final state (the critical
 * path), in working hours. Loops (supplement rounds, send-backs) are cut at the first repeat;
 * parallel regions count as their longest region.
 */
export function criticalPath(
  graph: MachineGraph,
  hoursPerDay = 8,
  acceptFinal: (final: GraphNode) => boolean = () => true,
): Longest {
  const memo = new Map<string, Longest>();
  const visiting = new Set<string>();

  const best = (options: readonly Longest[]) =>
    options.reduce((a, b) => (b.hours > a.hours ? b : a), NONE);

  const viaEdges = (edges: readonly GraphEdge[], stopAt: GraphNode | undefined): Longest =>
    best(
      edges
        .filter((e) => e.targets.length > 0)
        .map((e) => best(e.targets.map((t) => cost(t, stopAt)))),
    );

  const cost = (t: GraphNode, stopAt: GraphNode | undefined): Longest => {
    if (t.kind === 'atomic' || t.kind === 'final') return longest(t, stopAt);
    if (t.kind === 'compound') {
      const initial = t.children.find((c) => c.key === t.config.initial);
      return initial ? cost(initial, stopAt) : NONE;
    }
    // Parallel (liên thông): every region runs; the group lasts as long as its longest region.
    const regions = t.children.map((r) => cost(r, t));
    if (regions.some((r) => r.hours === -Infinity)) return NONE;
    const inside = best(regions);
    const after = (graph.edgesFrom.get(t) ?? []).filter((e) => e.kind === 'onDone');
    const next = after.length === 0 ? ZERO : viaEdges(after, stopAt);
    if (next.hours === -Infinity) return NONE;
    return { hours: inside.hours + next.hours, path: [...inside.path, ...next.path] };
  };

  const longest = (s: GraphNode, stopAt: GraphNode | undefined): Longest => {
    if (s.kind === 'final') {
      if (isTopLevelFinal(s)) return acceptFinal(s) ? ZERO : NONE;
      const group = s.parent;
      if (group?.parent === stopAt || group === stopAt) return ZERO;
      return viaEdges(doneEdges(graph, s), stopAt);
    }
    const key = `${s.id}|${stopAt?.id ?? ''}`;
    const cached = memo.get(key);
    if (cached) return cached;
    if (visiting.has(key)) return NONE;
    visiting.add(key);
    const own = stepHours(s, hoursPerDay);
    const edges = exitEdges(graph, s).filter(
      (e) => !stopAt || ancestry(e.source).includes(stopAt) || e.source === stopAt,
    );
    const next = viaEdges(edges, stopAt);
    visiting.delete(key);
    const result: Longest =
      next.hours === -Infinity
        ? NONE
        : { hours: own + next.hours, path: [{ node: s, hours: own }, ...next.path] };
    memo.set(key, result);
    return result;
  };

  const result = cost(graph.root, undefined);
  return result.hours === -Infinity ? ZERO : result;
}
