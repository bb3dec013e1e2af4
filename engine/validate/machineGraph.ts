import type {
  MachineConfig,
  StateNodeConfig,
  TransitionConfig,
  Transitions,
} from '../format/procedureSchema.ts';
import { pointer, problem, type Problem } from './problem.ts';

/** The kind of a state node, explicit or inferred as XState infers it. */
export type NodeKind = 'atomic' | 'compound' | 'parallel' | 'final';

/** A state node of the procedure's statechart, with where it sits in the file. */
export interface GraphNode {
  readonly key: string;
  readonly path: readonly string[];
  /** The XState id: an explicit `id`, else `<machine id>.<path joined by dots>`. */
  readonly id: string;
  readonly pointer: string;
  readonly config: StateNodeConfig;
  readonly kind: NodeKind;
  readonly parent: GraphNode | undefined;
  readonly children: GraphNode[];
}

/** Which part of a state node a transition comes from. */
export type EdgeKind = 'on' | 'after' | 'always' | 'onDone';

/** One transition of the statechart with its resolved targets. */
export interface GraphEdge {
  readonly source: GraphNode;
  readonly kind: EdgeKind;
  /** The event name for `on`, the delay name for `after`, '' otherwise. */
  readonly event: string;
  readonly pointer: string;
  readonly transition: TransitionConfig;
  readonly targets: readonly GraphNode[];
}

/** The statechart as a graph: nodes, edges, and the problems found while resolving targets. */
export interface MachineGraph {
  readonly root: GraphNode;
  readonly nodes: readonly GraphNode[];
  readonly byId: ReadonlyMap<string, GraphNode>;
  readonly edges: readonly GraphEdge[];
  readonly edgesFrom: ReadonlyMap<GraphNode, readonly GraphEdge[]>;
  readonly problems: readonly Problem[];
}

function kindOf(config: StateNodeConfig): NodeKind {
  if (config.type === 'final' || config.type === 'parallel') return config.type;
  if (config.type === 'atomic') return 'atomic';
  return config.states && Object.keys(config.states).length > 0 ? 'compound' : 'atomic';
}

/** A transition map entry as a list of alternatives. */
export function alternatives(t: Transitions | undefined): readonly TransitionConfig[] {
  if (t === undefined) return [];
  return Array.isArray(t) ? (t as readonly TransitionConfig[]) : [t as TransitionConfig];
}

/** Build the graph of a structurally valid machine config. Never throws on bad targets. */
export function buildMachineGraph(machine: MachineConfig, base = '/machine'): MachineGraph {
  const nodes: GraphNode[] = [];
  const byId = new Map<string, GraphNode>();
  const problems: Problem[] = [];
  const rootConfig: StateNodeConfig = {
    initial: machine.initial,
    states: machine.states,
    on: machine.on,
  };

  const visit = (
    key: string,
    path: string[],
    ptr: string,
    config: StateNodeConfig,
    parent?: GraphNode,
  ) => {
    const node: GraphNode = {
      key,
      path,
      id: config.id ?? [machine.id, ...path].join('.'),
      pointer: ptr,
      config,
      kind: parent ? kindOf(config) : 'compound',
      parent,
      children: [],
    };
    nodes.push(node);
    if (byId.has(node.id)) {
      problems.push(
        problem('duplicate-state-id', ptr, {
          vi: `Mã trạng thái "${node.id}" bị trùng`,
          en: `State id "${node.id}" is used twice`,
        }),
      );
    }
    byId.set(node.id, node);
    parent?.children.push(node);
    for (const [childKey, child] of Object.entries(config.states ?? {})) {
      visit(childKey, [...path, childKey], `${ptr}/states/${childKey}`, child, node);
    }
    if (node.kind === 'compound' && node.children.length > 0) {
      const initial = config.initial;
      if (initial === undefined || !config.states?.[initial]) {
        problems.push(
          problem('invalid-initial', `${ptr}${initial === undefined ? '' : '/initial'}`, {
            vi:
              initial === undefined
                ? 'Thiếu bước bắt đầu ("initial") của nhóm bước'
                : `Bước bắt đầu "${initial}" không có trong nhóm`,
            en:
              initial === undefined
                ? 'Missing the initial step ("initial") of this group'
                : `Initial step "${initial}" is not a child of this group`,
          }),
        );
      }
    }
    return node;
  };
  const root = visit(machine.id, [], base, rootConfig);

  const resolve = (source: GraphNode, target: string): GraphNode | undefined => {
    if (target.startsWith('#')) return byId.get(target.slice(1));
    const descend = (from: GraphNode | undefined, segments: string[]) => {
      let n = from;
      for (const s of segments) n = n?.children.find((c) => c.key === s);
      return n;
    };
    if (target.startsWith('.')) return descend(source, target.slice(1).split('.'));
    return descend(source.parent ?? source, target.split('.'));
  };

  const edges: GraphEdge[] = [];
  const edgesFrom = new Map<GraphNode, GraphEdge[]>();
  for (const node of nodes) {
    const list: GraphEdge[] = [];
    const add = (kind: EdgeKind, event: string, ptr: string, t: Transitions | undefined) => {
      alternatives(t).forEach((transition, i) => {
        const altPtr = Array.isArray(t) ? `${ptr}/${i}` : ptr;
        const raw = transition.target;
        const targetList = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
        const targets: GraphNode[] = [];
        targetList.forEach((target, ti) => {
          const resolved = resolve(node, target);
          if (resolved) targets.push(resolved);
          else {
            const tptr = typeof raw === 'string' ? `${altPtr}/target` : `${altPtr}/target/${ti}`;
            problems.push(
              problem('invalid-target', tptr, {
                vi: `Không tìm thấy bước đích "${target}"`,
                en: `Target step "${target}" does not exist`,
              }),
            );
          }
        });
        list.push({ source: node, kind, event, pointer: altPtr, transition, targets });
      });
    };
    const c = node.config;
    for (const [event, t] of Object.entries(c.on ?? {}))
      add('on', event, `${node.pointer}/on/${pointerEscape(event)}`, t);
    for (const [delay, t] of Object.entries(c.after ?? {}))
      add('after', delay, `${node.pointer}/after/${pointerEscape(delay)}`, t);
    add('always', '', `${node.pointer}/always`, c.always);
    add('onDone', '', `${node.pointer}/onDone`, c.onDone);
    edges.push(...list);
    edgesFrom.set(node, list);
  }
  return { root, nodes, byId, edges, edgesFrom, problems };
}

function pointerEscape(s: string): string {
  return pointer(s).slice(1);
}

/** The node and all its ancestors, innermost first. */
export function ancestry(node: GraphNode): GraphNode[] {
  const out: GraphNode[] = [];
  for (let n: GraphNode | undefined = node; n; n = n.parent) out.push(n);
  return out;
}

/** The nodes made active by entering `target`: itself, its ancestors, and its default descendants. */
export function entrySet(target: GraphNode): GraphNode[] {
  const out = ancestry(target);
  const down = (n: GraphNode) => {
    if (n.kind === 'compound') {
      const initial = n.children.find((c) => c.key === n.config.initial);
      if (initial) {
        out.push(initial);
        down(initial);
      }
    } else if (n.kind === 'parallel') {
      for (const c of n.children) {
        out.push(c);
        down(c);
      }
    }
  };
  down(target);
  return out;
}

/** Whether a node is a final state directly under the root: reaching it ends the dossier. */
export function isTopLevelFinal(node: GraphNode): boolean {
  return node.kind === 'final' && node.parent !== undefined && node.parent.parent === undefined;
}

/** The atomic (leaf) nodes, including finals. */
export function atomicNodes(graph: MachineGraph): GraphNode[] {
  return graph.nodes.filter((n) => n.parent && (n.kind === 'atomic' || n.kind === 'final'));
}
