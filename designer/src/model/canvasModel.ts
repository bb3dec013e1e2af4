import {
  buildMachineGraph,
  type GraphNode,
  type MachineConfig,
  type MachineGraph,
  type Procedure,
  type StateNodeConfig,
  type TransitionConfig,
} from '../../../engine/index.ts';
import { joinPath, rootNode } from './statePaths.ts';
import { targetsOf, transitionsOf, refKey, type TransitionRef } from './transitionRefs.ts';

/** The kind of a state as the canvas draws it. */
export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

/** Keys of a state node that the canvas model holds apart (children and transitions). */
const STRUCTURAL = ['states', 'on', 'after', 'always', 'onDone'] as const;

/** A state of the procedure's statechart, as a canvas node. */
export interface CanvasState {
  readonly path: string;
  readonly key: string;
  /** Path of the parent (`''` for a top-level state). */
  readonly parent: string;
  /** The XState id (explicit `id`, else `<machine id>.<path>`). */
  readonly id: string;
  readonly kind: StateKind;
  /** 1 for top-level states. */
  readonly depth: number;
  /** The node's own fields: everything but its child states and its transitions. */
  readonly own: StateNodeConfig;
  /** The keys of its child states, in order. */
  readonly children: readonly string[];
}

/** One transition with its targets resolved to state paths (`null` when a target is broken). */
export interface CanvasTransition {
  readonly id: string;
  readonly ref: TransitionRef;
  readonly transition: TransitionConfig;
  readonly targets: readonly { readonly raw: string; readonly path: string | null }[];
}

/** An arrow the canvas draws: one target of one transition. */
export interface CanvasEdge {
  readonly id: string;
  readonly transitionId: string;
  readonly ref: TransitionRef;
  readonly targetIndex: number;
  readonly source: string;
  readonly target: string;
  readonly transition: TransitionConfig;
}

/** The statechart as the canvas sees it; `fromCanvas` turns it back into the definition. */
export interface CanvasModel {
  /** The procedure without its machine's states and transitions. */
  readonly base: Procedure;
  /** The machine's own fields (id, initial, description, an empty `on` if written so). */
  readonly machine: MachineConfig;
  readonly states: readonly CanvasState[];
  readonly transitions: readonly CanvasTransition[];
  readonly edges: readonly CanvasEdge[];
}

/** Keep a structural key only when it holds nothing the model carries separately. */
function ownOf(config: StateNodeConfig): StateNodeConfig {
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if ((STRUCTURAL as readonly string[]).includes(k) && carriesItems(k, v)) continue;
    own[k] = v;
  }
  return own as StateNodeConfig;
}

/** Whether a structural field holds child states or transitions (an empty map or list does not). */
function carriesItems(key: string, v: unknown): boolean {
  if (key === 'always' || key === 'onDone') return !Array.isArray(v) || v.length > 0;
  return !!v && typeof v === 'object' && Object.keys(v).length > 0;
}

/** Resolve a raw target from a source the way XState and the engine do. */
export function resolveTarget(
  graph: MachineGraph,
  byPath: ReadonlyMap<string, GraphNode>,
  sourcePath: string,
  raw: string,
): string | null {
  const source = byPath.get(sourcePath);
  if (!source) return null;
  if (raw.startsWith('#')) {
    const node = graph.byId.get(raw.slice(1));
    return node ? joinPath(node.path) : null;
  }
  const descend = (from: GraphNode | undefined, segments: string[]) => {
    let n = from;
    for (const s of segments) n = n?.children.find((c) => c.key === s);
    return n;
  };
  const node = raw.startsWith('.')
    ? descend(source, raw.slice(1).split('.'))
    : descend(source.parent ?? source, raw.split('.'));
  return node && node.parent ? joinPath(node.path) : null;
}

/** Derive the canvas model of a procedure. Never throws on a broken statechart. */
export function toCanvas(procedure: Procedure): CanvasModel {
  const graph = buildMachineGraph(procedure.machine);
  const byPath = new Map(graph.nodes.map((n) => [joinPath(n.path), n]));
  const states: CanvasState[] = [];
  const transitions: CanvasTransition[] = [];
  const edges: CanvasEdge[] = [];
  const addTransitions = (config: StateNodeConfig, path: string) => {
    for (const { ref, transition } of transitionsOf(config, path)) {
      const id = refKey(ref);
      const targets = targetsOf(transition).map((raw) => ({
        raw,
        path: resolveTarget(graph, byPath, path, raw),
      }));
      transitions.push({ id, ref, transition, targets });
      targets.forEach((t, targetIndex) => {
        if (t.path === null) return;
        edges.push({
          id: `${id}|${targetIndex}`,
          transitionId: id,
          ref,
          targetIndex,
          source: path,
          target: t.path,
          transition,
        });
      });
    }
  };
  const visit = (config: StateNodeConfig, path: string, parent: string, depth: number) => {
    for (const [key, child] of Object.entries(config.states ?? {})) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const node = byPath.get(childPath);
      states.push({
        path: childPath,
        key,
        parent: path,
        id: node?.id ?? `${procedure.machine.id}.${childPath}`,
        kind: node?.kind ?? 'atomic',
        depth,
        own: ownOf(child),
        children: Object.keys(child.states ?? {}),
      });
      addTransitions(child, childPath);
      visit(child, childPath, path, depth + 1);
    }
  };
  const root = rootNode(procedure.machine);
  addTransitions(root, '');
  visit(root, '', '', 1);
  const { states: _states, on, ...machineOwn } = procedure.machine;
  const machine = {
    ...machineOwn,
    ...(on !== undefined && Object.keys(on).length === 0 ? { on } : {}),
  } as MachineConfig;
  const { machine: _machine, ...rest } = procedure;
  return {
    base: rest as Procedure,
    machine,
    states,
    transitions,
    edges,
  };
}

/** Rebuild the definition from a canvas model: the inverse of `toCanvas`. */
export function fromCanvas(model: CanvasModel): Procedure {
  const bySource = new Map<string, CanvasTransition[]>();
  for (const t of model.transitions) {
    const list = bySource.get(t.ref.source) ?? [];
    list.push(t);
    bySource.set(t.ref.source, list);
  }
  const withTransitions = (own: StateNodeConfig, path: string): Record<string, unknown> => {
    const node: Record<string, unknown> = { ...own };
    for (const t of bySource.get(path) ?? []) {
      const { kind, event, index } = t.ref;
      if (kind === 'on' || kind === 'after') {
        const map = { ...((node[kind] as Record<string, unknown>) ?? {}) };
        map[event] =
          index === null ? t.transition : [...((map[event] as unknown[]) ?? []), t.transition];
        node[kind] = map;
      } else {
        node[kind] =
          index === null ? t.transition : [...((node[kind] as unknown[]) ?? []), t.transition];
      }
    }
    return node;
  };
  const built = new Map<string, Record<string, unknown>>();
  for (const s of model.states) built.set(s.path, withTransitions(s.own, s.path));
  // Attach children bottom-up so that each parent receives complete subtrees in order.
  const childrenOf = (path: string, keys: readonly string[]) => {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const node = built.get(childPath);
      if (node) out[key] = node;
    }
    return out;
  };
  for (const s of [...model.states].reverse()) {
    if (s.children.length > 0) built.get(s.path)!.states = childrenOf(s.path, s.children);
  }
  const topKeys = model.states.filter((s) => s.parent === '' && s.depth === 1).map((s) => s.key);
  const root = withTransitions({}, '');
  const machine = {
    ...model.machine,
    ...(root.on ? { on: root.on } : {}),
    states: childrenOf('', topKeys),
  } as MachineConfig;
  return { ...model.base, machine } as Procedure;
}
