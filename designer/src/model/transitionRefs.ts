import type { StateNodeConfig, TransitionConfig } from '../../../engine/index.ts';

/** Which part of a state node holds a transition. */
export type TransitionKind = 'on' | 'after' | 'always' | 'onDone';

/**
 * Where a transition lives in the definition: the source state's path (`''` for the root), the
 * kind, the event (or delay) name, and its index among guarded alternatives (`null` when the
 * entry is a single transition rather than a list).
 */
export interface TransitionRef {
  readonly source: string;
  readonly kind: TransitionKind;
  readonly event: string;
  readonly index: number | null;
}

type Entry = TransitionConfig | readonly TransitionConfig[];

/** The raw entry of a node for a kind and event. */
export function entryOf(
  node: StateNodeConfig,
  kind: TransitionKind,
  event: string,
): Entry | undefined {
  switch (kind) {
    case 'on':
      return node.on?.[event];
    case 'after':
      return node.after?.[event];
    case 'always':
      return node.always;
    case 'onDone':
      return node.onDone;
    default: {
      const never: never = kind;
      throw new Error(`unknown transition kind ${String(never)}`);
    }
  }
}

/** An entry as a list of alternatives. */
export function asList(entry: Entry | undefined): readonly TransitionConfig[] {
  if (entry === undefined) return [];
  return Array.isArray(entry)
    ? (entry as readonly TransitionConfig[])
    : [entry as TransitionConfig];
}

/** The transition a ref points at, or undefined. */
export function transitionAt(
  node: StateNodeConfig | undefined,
  ref: TransitionRef,
): TransitionConfig | undefined {
  if (!node) return undefined;
  const entry = entryOf(node, ref.kind, ref.event);
  if (entry === undefined) return undefined;
  if (ref.index === null) return Array.isArray(entry) ? undefined : (entry as TransitionConfig);
  return Array.isArray(entry) ? (entry as TransitionConfig[])[ref.index] : undefined;
}

/**
 * A node whose entry for (kind, event) is replaced by the list of alternatives: removed when
 * empty, a single object when it has one element, a list otherwise. Keeps the position of an
 * existing event key among the others.
 */
export function withEntry(
  node: StateNodeConfig,
  kind: TransitionKind,
  event: string,
  list: readonly TransitionConfig[],
): StateNodeConfig {
  const value: Entry | undefined =
    list.length === 0 ? undefined : list.length === 1 ? list[0]! : [...list];
  switch (kind) {
    case 'on':
    case 'after': {
      const map = { ...(node[kind] ?? {}) } as Record<string, Entry>;
      if (value === undefined) delete map[event];
      else map[event] = value;
      const next = { ...node } as Record<string, unknown>;
      if (Object.keys(map).length === 0) delete next[kind];
      else next[kind] = map;
      return next as StateNodeConfig;
    }
    case 'always':
    case 'onDone': {
      const next = { ...node } as Record<string, unknown>;
      if (value === undefined) delete next[kind];
      else next[kind] = value;
      return next as StateNodeConfig;
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown transition kind ${String(never)}`);
    }
  }
}

/** Every transition of a node, with its ref, in document order. */
export function transitionsOf(
  node: StateNodeConfig,
  source: string,
): { ref: TransitionRef; transition: TransitionConfig }[] {
  const out: { ref: TransitionRef; transition: TransitionConfig }[] = [];
  const add = (kind: TransitionKind, event: string, entry: Entry | undefined) => {
    if (entry === undefined) return;
    if (Array.isArray(entry)) {
      (entry as TransitionConfig[]).forEach((transition, index) =>
        out.push({ ref: { source, kind, event, index }, transition }),
      );
    } else {
      out.push({
        ref: { source, kind, event, index: null },
        transition: entry as TransitionConfig,
      });
    }
  };
  for (const [event, entry] of Object.entries(node.on ?? {})) add('on', event, entry);
  for (const [delay, entry] of Object.entries(node.after ?? {})) add('after', delay, entry);
  add('always', '', node.always);
  add('onDone', '', node.onDone);
  return out;
}

/** A stable string for a ref (used as React Flow edge id prefix). */
export function refKey(ref: TransitionRef): string {
  return `${ref.source}|${ref.kind}|${ref.event}|${ref.index ?? '-'}`;
}

/** Parse a `refKey` back into a ref. */
export function parseRefKey(key: string): TransitionRef | undefined {
  const parts = key.split('|');
  if (parts.length !== 4) return undefined;
  const [source, kind, event, index] = parts as [string, string, string, string];
  if (!['on', 'after', 'always', 'onDone'].includes(kind)) return undefined;
  return {
    source,
    kind: kind as TransitionKind,
    event,
    index: index === '-' ? null : Number(index),
  };
}

/** Whether two refs point at the same transition. */
export function sameRef(a: TransitionRef, b: TransitionRef): boolean {
  return refKey(a) === refKey(b);
}

/** The targets of a transition as a list of raw strings. */
export function targetsOf(t: TransitionConfig): string[] {
  const raw = t.target;
  return raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
}
