import {
  isTopLevelFinal,
  entrySet,
  type GraphEdge,
  type GraphNode,
  type MachineGraph,
} from '../validate/machineGraph.ts';
import { doneEdges, exitEdges, stepHours } from '../validate/machineAnalysis.ts';

/**
 * Events that take a dossier off its normal flow: a supplement round, a refusal, a send-back, a
 * stop, a withdrawal, an apology. A transition on one of them is an exception.
 */
export const EXCEPTION_EVENTS: ReadonlySet<string> = new Set([
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT',
  'REFUSE',
  'SEND_BACK',
  'STOP',
  'WITHDRAW',
  'EXTEND',
]);

/** One step of the main path, in the order a dossier visits it. */
export interface MainPathStep {
  readonly node: GraphNode;
  /** Working hours the step spends against the legal clock (0 when paused). */
  readonly hours: number;
  /** The parallel region the step belongs to, when it runs beside others. */
  readonly region?: string;
}

/** The path citizens take: its steps (every region of a parallel step), and its duration. */
export interface MainPath {
  readonly steps: readonly MainPathStep[];
  /** Working hours along the path; a parallel step lasts as long as its longest region. */
  readonly hours: number;
  /** Exception transitions the path could not avoid (0 for a normal flow). */
  readonly exceptions: number;
}

interface Best {
  readonly exceptions: number;
  /** Guarded alternatives taken where an unguarded (default) one exists. */
  readonly detours: number;
  readonly count: number;
  readonly hours: number;
  readonly steps: readonly MainPathStep[];
}

const NONE: Best = { exceptions: Infinity, detours: 0, count: Infinity, hours: 0, steps: [] };
const ZERO: Best = { exceptions: 0, detours: 0, count: 0, hours: 0, steps: [] };

const better = (a: Best, b: Best) =>
  b.exceptions !== a.exceptions
    ? b.exceptions < a.exceptions
    : b.detours !== a.detours
      ? b.detours < a.detours
      : b.count < a.count;
const pick = (options: readonly Best[]) => options.reduce((a, b) => (better(a, b) ? b : a), NONE);

/** A state left at once by its `always` list: a routing decision, not a step of anyone. */
function isRouting(node: GraphNode): boolean {
  const c = node.config;
  return c.always !== undefined && c.on === undefined && c.after === undefined && !c.meta?.unit;
}

/** A step where the dossier waits for a supplement or for fixes after a failed inspection. */
function isExceptionWait(node: GraphNode): boolean {
  const meta = node.config.meta;
  const reason = meta?.pause ?? (meta?.clock === 'paused' ? 'supplement' : undefined);
  return reason === 'supplement' || reason === 'fixing';
}

/** Whether a transition leaves the normal flow. */
function isException(edge: GraphEdge): boolean {
  if (edge.kind === 'after') return true;
  if (edge.kind === 'on' && EXCEPTION_EVENTS.has(edge.event)) return true;
  return edge.targets.some((t) =>
    entrySet(t).some((n) => (n.kind === 'atomic' || n.kind === 'final') && isExceptionWait(n)),
  );
}

/**
 * The main path: the way a complete dossier goes from reception to the result when nothing goes
 * wrong. Among the paths to a final state with outcome `approved` (any final state when none is
 * marked so), it takes the one with the fewest exception transitions (timers, supplement rounds,
 * refusals, send-backs, stops, withdrawals, apologies, entering a supplement or fixing wait),
 * then the fewest guarded alternatives taken where the event has an unguarded default (the
 * special case: a heritage zone, land without papers), then the fewest steps, then the first
 * alternative in file order. Loops are cut at the first
 * repeat. A parallel step visits every region: all their steps are on the path, and it lasts as
 * long as its longest region.
 */
export function mainPath(graph: MachineGraph, hoursPerDay = 8): MainPath {
  const hasApproved = graph.nodes.some(
    (n) => isTopLevelFinal(n) && n.config.meta?.outcome === 'approved',
  );
  const acceptFinal = (f: GraphNode) => !hasApproved || f.config.meta?.outcome === 'approved';
  const memo = new Map<string, Best>();
  const visiting = new Set<string>();

  // A guarded alternative where the same event also has an unguarded one (the default) is a
  // special case (a heritage zone, land without papers): the normal flow takes the default.
  const isDetour = (e: GraphEdge, all: readonly GraphEdge[]) =>
    e.transition.guard !== undefined &&
    all.some(
      (o) =>
        o !== e &&
        o.source === e.source &&
        o.kind === e.kind &&
        o.event === e.event &&
        o.transition.guard === undefined,
    );

  const viaEdges = (edges: readonly GraphEdge[], stopAt: GraphNode | undefined): Best =>
    pick(
      edges
        .filter((e) => e.targets.length > 0)
        .map((e) => {
          // A transition to several targets (into parallel regions) enters them together.
          const parts = e.targets.map((t) => cost(t, stopAt));
          if (parts.some((p) => p.exceptions === Infinity)) return NONE;
          const first = parts[0]!;
          return {
            ...first,
            exceptions: first.exceptions + (isException(e) ? 1 : 0),
            detours: first.detours + (isDetour(e, edges) ? 1 : 0),
          };
        }),
    );

  const cost = (t: GraphNode, stopAt: GraphNode | undefined): Best => {
    if (t.kind === 'atomic' || t.kind === 'final') return from(t, stopAt);
    if (t.kind === 'compound') {
      const initial = t.children.find((c) => c.key === t.config.initial);
      return initial ? cost(initial, stopAt) : NONE;
    }
    // Parallel (liên thông): every region runs, and every region's steps are visited.
    const regions = t.children.map((r) => cost(r, t));
    if (regions.some((r) => r.exceptions === Infinity)) return NONE;
    const after = (graph.edgesFrom.get(t) ?? []).filter((e) => e.kind === 'onDone');
    const next = after.length === 0 ? ZERO : viaEdges(after, stopAt);
    if (next.exceptions === Infinity) return NONE;
    const inside = regions.flatMap((r, i) =>
      r.steps.map((s) => (s.region ? s : { ...s, region: t.children[i]!.key })),
    );
    return {
      exceptions: regions.reduce((sum, r) => sum + r.exceptions, 0) + next.exceptions,
      detours: regions.reduce((sum, r) => sum + r.detours, 0) + next.detours,
      count: regions.reduce((sum, r) => sum + r.count, 0) + next.count,
      hours: Math.max(0, ...regions.map((r) => r.hours)) + next.hours,
      steps: [...inside, ...next.steps],
    };
  };

  const from = (s: GraphNode, stopAt: GraphNode | undefined): Best => {
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
    const edges = exitEdges(graph, s).filter((e) => {
      if (!stopAt) return true;
      for (let n: GraphNode | undefined = e.source; n; n = n.parent) if (n === stopAt) return true;
      return false;
    });
    const next = viaEdges(edges, stopAt);
    visiting.delete(key);
    let result: Best;
    if (next.exceptions === Infinity) result = NONE;
    else if (isRouting(s)) result = next;
    else {
      const hours = stepHours(s, hoursPerDay);
      result = {
        exceptions: next.exceptions,
        detours: next.detours,
        count: next.count + 1,
        hours: hours + next.hours,
        steps: [{ node: s, hours }, ...next.steps],
      };
    }
    memo.set(key, result);
    return result;
  };

  const best = cost(graph.root, undefined);
  if (best.exceptions === Infinity) return { steps: [], hours: 0, exceptions: 0 };
  return { steps: best.steps, hours: best.hours, exceptions: best.exceptions };
}
