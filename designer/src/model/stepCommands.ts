import type {
  LocalizedText,
  Procedure,
  StateNodeConfig,
  TransitionConfig,
} from '../../../engine/index.ts';
import { toCanvas } from './canvasModel.ts';
import {
  getState,
  isWithin,
  keyFromName,
  lastKey,
  parentPath,
  splitPath,
  uniqueKey,
  updateState,
  withoutUndefined,
} from './statePaths.ts';
import { setEntry, entryList } from './transitionCommands.ts';
import { targetsOf, type TransitionRef } from './transitionRefs.ts';
import { NEW_DATA } from './newData.ts';

/** The key a new child of `parent` gets: from its name, unique among its siblings. */
export function newStepKey(procedure: Procedure, parent: string, name: string | undefined): string {
  const siblings = getState(procedure.machine, parent)?.states ?? {};
  return uniqueKey(new Set(Object.keys(siblings)), keyFromName(name ?? '', 'buocMoi'));
}

/**
 * Insert a state under `parent` (the root is `''`). A new step goes before the parent's final
 * states so the file still reads in processing order; a final state goes last. A parent that had
 * no children gets this one as its initial state.
 */
export function insertState(
  procedure: Procedure,
  parent: string,
  key: string,
  state: StateNodeConfig,
): Procedure {
  const node = getState(procedure.machine, parent);
  if (!node || node.type === 'final' || node.states?.[key]) return procedure;
  return updateState(procedure, parent, (n) => {
    const entries = Object.entries(n.states ?? {});
    const firstFinal = entries.findIndex(([, s]) => s.type === 'final');
    const at = state.type === 'final' || firstFinal < 0 ? entries.length : firstFinal;
    entries.splice(at, 0, [key, state]);
    return {
      ...n,
      ...(n.initial === undefined || entries.length === 1 ? { initial: key } : {}),
      states: Object.fromEntries(entries),
    };
  });
}

/** The references to transitions whose targets lie in `removed`, grouped by entry. */
function transitionsInto(procedure: Procedure, removed: string) {
  const model = toCanvas(procedure);
  return model.transitions.filter(
    (t) =>
      !isWithin(t.ref.source, removed) &&
      t.targets.some((x) => x.path !== null && isWithin(x.path, removed)),
  );
}

/**
 * Delete a step with everything inside it and every transition leading into it. A transition
 * with several targets loses only the deleted ones. The parent's initial step moves to its next
 * child when the deleted step was the initial one.
 */
export function deleteStep(procedure: Procedure, path: string): Procedure {
  if (path === '' || !getState(procedure.machine, path)) return procedure;
  const incoming = transitionsInto(procedure, path);
  // Rewrite each affected entry once, from its current list.
  const entries = new Map<string, { ref: TransitionRef; drop: Map<number, Set<number>> }>();
  for (const t of incoming) {
    const key = `${t.ref.source}|${t.ref.kind}|${t.ref.event}`;
    const e = entries.get(key) ?? { ref: t.ref, drop: new Map() };
    const gone = new Set(
      t.targets.flatMap((x, i) => (x.path !== null && isWithin(x.path, path) ? [i] : [])),
    );
    e.drop.set(t.ref.index ?? 0, gone);
    entries.set(key, e);
  }
  let next = procedure;
  for (const { ref, drop } of entries.values()) {
    const list = entryList(next, ref.source, ref.kind, ref.event);
    const kept: TransitionConfig[] = [];
    list.forEach((t, i) => {
      const gone = drop.get(i);
      if (!gone) return kept.push(t);
      const targets = targetsOf(t).filter((_, ti) => !gone.has(ti));
      if (targets.length === 0) return;
      kept.push({ ...t, target: targets.length === 1 ? targets[0]! : targets });
    });
    next = setEntry(next, ref.source, ref.kind, ref.event, kept);
  }
  const parent = parentPath(path);
  const key = lastKey(path);
  return updateState(next, parent, (n) => {
    const { [key]: _gone, ...states } = n.states ?? {};
    const keys = Object.keys(states);
    const out = { ...n, states } as Record<string, unknown>;
    if (n.initial === key && keys.length > 0) out.initial = keys[0];
    if (keys.length === 0 && parent !== '') {
      delete out.states;
      delete out.initial;
    }
    return out as StateNodeConfig;
  });
}

/** Patch a state's own fields; `undefined` values remove fields. Children are not touched. */
export function updateStep(
  procedure: Procedure,
  path: string,
  patch: Partial<StateNodeConfig>,
): Procedure {
  if (path === '') return procedure;
  return updateState(procedure, path, (n) => withoutUndefined({ ...n, ...patch }));
}

/** Make a step the first step of its group (or of the procedure). */
export function setInitial(procedure: Procedure, path: string): Procedure {
  if (path === '' || !getState(procedure.machine, path)) return procedure;
  return updateState(procedure, parentPath(path), (n) => ({ ...n, initial: lastKey(path) }));
}

/** A new parallel inter-agency group: one region per agency, each a step then a final state. */
export function parallelGroup(
  name: LocalizedText,
  regions: readonly { name: LocalizedText; unit?: string; role?: string }[],
): StateNodeConfig {
  const states: Record<string, StateNodeConfig> = {};
  const taken = new Set<string>();
  for (const r of regions) {
    const key = uniqueKey(taken, keyFromName(r.name.vi, 'nhanh'));
    taken.add(key);
    states[key] = {
      initial: 'xuLy',
      meta: { name: r.name },
      states: {
        xuLy: {
          meta: {
            name: r.name,
            ...(r.unit ? { unit: r.unit } : {}),
            role: r.role ?? 'specialist',
            duration: { workingDays: 1 },
          },
          on: { COMPLETE: { target: 'xong' } },
        },
        xong: { type: 'final', meta: { name: NEW_DATA.branchDone } },
      },
    };
  }
  return { type: 'parallel', meta: { name }, states };
}

/** The state paths a subtree will have under a new path. */
export function subtreePaths(state: StateNodeConfig, path: string): string[] {
  return [
    path,
    ...Object.entries(state.states ?? {}).flatMap(([k, s]) => subtreePaths(s, `${path}.${k}`)),
  ];
}

/** Depth of a path (1 for a top-level step). */
export function depthOf(path: string): number {
  return splitPath(path).length;
}
