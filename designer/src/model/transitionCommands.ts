import {
  isStandardEvent,
  type Action,
  type Guard,
  type LocalizedText,
  type MachineConfig,
  type Procedure,
  type TransitionConfig,
} from '../../../engine/index.ts';
import {
  getState,
  isWithin,
  parentPath,
  stateId,
  updateState,
  withoutUndefined,
} from './statePaths.ts';
import {
  asList,
  entryOf,
  targetsOf,
  withEntry,
  type TransitionKind,
  type TransitionRef,
} from './transitionRefs.ts';

/**
 * How a transition from `source` names `target`: a path relative to the source's parent when the
 * target lies under it (`kyDuyet`, `lienThong.thue`), else the target's id (`#dang-ky.rutHoSo`).
 * The root cannot name siblings in XState, so its transitions always use ids.
 */
export function targetString(machine: MachineConfig, source: string, target: string): string {
  const parent = parentPath(source);
  if (source !== '' && target !== parent && isWithin(target, parent)) {
    return parent === '' ? target : target.slice(parent.length + 1);
  }
  return `#${stateId(machine, target)}`;
}

/** A procedure with the alternatives of one (source, kind, event) entry replaced. */
export function setEntry(
  procedure: Procedure,
  source: string,
  kind: TransitionKind,
  event: string,
  list: readonly TransitionConfig[],
): Procedure {
  return updateState(procedure, source, (node) => withEntry(node, kind, event, list));
}

/** The alternatives of one entry. */
export function entryList(
  procedure: Procedure,
  source: string,
  kind: TransitionKind,
  event: string,
): readonly TransitionConfig[] {
  const node = getState(procedure.machine, source);
  return node ? asList(entryOf(node, kind, event)) : [];
}

/** Declare a custom event with its Vietnamese name, unless it is standard or declared. */
export function declareEvent(procedure: Procedure, event: string, name?: LocalizedText): Procedure {
  if (isStandardEvent(event) || procedure.events?.[event]) return procedure;
  return {
    ...procedure,
    events: { ...(procedure.events ?? {}), [event]: { name: name ?? { vi: event } } },
  };
}

/** Parameters of a new transition drawn between two steps. */
export interface ConnectArgs {
  readonly source: string;
  readonly target: string;
  /** `on` (default) with an event, or `onDone` (when all branches of a group are done). */
  readonly kind?: 'on' | 'onDone';
  readonly event?: string;
  /** The Vietnamese name of a new custom event (declared in `events`). */
  readonly eventName?: LocalizedText;
  readonly guard?: Guard;
}

/** Add a transition from `source` to `target` (a further alternative if the event has one). */
export function connect(procedure: Procedure, args: ConnectArgs): Procedure {
  const kind = args.kind ?? 'on';
  const event = kind === 'on' ? args.event : '';
  if (event === undefined || (event === '' && kind === 'on')) return procedure;
  if (!getState(procedure.machine, args.source) || !getState(procedure.machine, args.target)) {
    return procedure;
  }
  if (args.target === '') return procedure;
  const transition: TransitionConfig = {
    target: targetString(procedure.machine, args.source, args.target),
    ...(args.guard ? { guard: args.guard } : {}),
  };
  const list = entryList(procedure, args.source, kind, event);
  const next = setEntry(procedure, args.source, kind, event, [...list, transition]);
  return kind === 'on' ? declareEvent(next, event, args.eventName) : next;
}

function editAt(
  procedure: Procedure,
  ref: TransitionRef,
  edit: (list: TransitionConfig[], i: number) => TransitionConfig[],
): Procedure {
  const list = [...entryList(procedure, ref.source, ref.kind, ref.event)];
  const i = ref.index ?? 0;
  if (!list[i] || (ref.index === null && list.length !== 1)) return procedure;
  return setEntry(procedure, ref.source, ref.kind, ref.event, edit(list, i));
}

/** Remove one transition. */
export function deleteTransition(procedure: Procedure, ref: TransitionRef): Procedure {
  return editAt(procedure, ref, (list, i) => list.filter((_, j) => j !== i));
}

/** Point one target of a transition at another step. */
export function retarget(
  procedure: Procedure,
  ref: TransitionRef,
  targetIndex: number,
  target: string,
): Procedure {
  if (!getState(procedure.machine, target) || target === '') return procedure;
  const raw = targetString(procedure.machine, ref.source, target);
  return editAt(procedure, ref, (list, i) => {
    const t = list[i]!;
    const targets = targetsOf(t);
    if (targetIndex < 0 || targetIndex > targets.length) return list;
    targets[targetIndex] = raw;
    list[i] = { ...t, target: targets.length === 1 ? targets[0]! : targets };
    return list;
  });
}

/** Changes to a transition's condition, actions or description (`null` removes). */
export interface TransitionPatch {
  readonly guard?: Guard | null;
  readonly actions?: readonly Action[] | null;
  readonly description?: string | null;
}

/** Change a transition's condition, actions or description. */
export function updateTransition(
  procedure: Procedure,
  ref: TransitionRef,
  patch: TransitionPatch,
): Procedure {
  return editAt(procedure, ref, (list, i) => {
    const t = { ...list[i]! } as Record<string, unknown>;
    for (const key of ['guard', 'actions', 'description'] as const) {
      if (!(key in patch)) continue;
      const value = patch[key];
      if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
        delete t[key];
      } else t[key] = value;
    }
    list[i] = withoutUndefined(t) as TransitionConfig;
    return list;
  });
}

/** Move a transition to another event (declaring a new custom event with its name). */
export function changeEvent(
  procedure: Procedure,
  ref: TransitionRef,
  event: string,
  eventName?: LocalizedText,
): Procedure {
  if (ref.kind !== 'on' || !event || event === ref.event) return procedure;
  const list = entryList(procedure, ref.source, 'on', ref.event);
  const moving = list[ref.index ?? 0];
  if (!moving) return procedure;
  const removed = deleteTransition(procedure, ref);
  const others = entryList(removed, ref.source, 'on', event);
  return declareEvent(
    setEntry(removed, ref.source, 'on', event, [...others, moving]),
    event,
    eventName,
  );
}

/** Move a guarded alternative earlier (-1) or later (+1): alternatives are tried in order. */
export function reorderAlternative(
  procedure: Procedure,
  ref: TransitionRef,
  delta: -1 | 1,
): Procedure {
  if (ref.index === null) return procedure;
  return editAt(procedure, ref, (list, i) => {
    const j = i + delta;
    if (j < 0 || j >= list.length) return list;
    [list[i], list[j]] = [list[j]!, list[i]!];
    return list;
  });
}
