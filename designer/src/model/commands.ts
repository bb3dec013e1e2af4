import type { LocalizedText, Procedure, StateNodeConfig } from '../../../engine/index.ts';
import { computeGeometry, placeInLane, settleMoves } from '../layout/geometry.ts';
import { assignLanes, LANE_END, LANE_NONE, unitLane } from '../layout/lanes.ts';
import { toCanvas } from './canvasModel.ts';
import type { DesignDoc, Layout, XY } from './designDoc.ts';
import { getState, isWithin, lastKey } from './statePaths.ts';
import {
  deleteStep,
  insertState,
  newStepKey,
  parallelGroup,
  setInitial,
  subtreePaths,
  updateStep,
} from './stepCommands.ts';
import {
  changeEvent,
  connect,
  deleteTransition,
  reorderAlternative,
  retarget,
  updateTransition,
  type ConnectArgs,
  type TransitionPatch,
} from './transitionCommands.ts';
import type { TransitionRef } from './transitionRefs.ts';

/**
 * Every edit of the designer is a command: plain data, applied by the pure function
 * `applyCommand(doc, command) → doc`. The canvas never edits anything itself; undo and redo are
 * a history of docs (see `history.ts`).
 */
export type Command =
  | {
      readonly type: 'addStep';
      readonly parent: string;
      readonly step: StateNodeConfig;
      readonly key?: string;
      /** Place it right of this x in its lane (default: at the end of the lane). */
      readonly nearX?: number;
    }
  | {
      readonly type: 'addParallelGroup';
      readonly parent: string;
      readonly name: LocalizedText;
      readonly regions: readonly { name: LocalizedText; unit?: string; role?: string }[];
      readonly nearX?: number;
    }
  | { readonly type: 'deleteStep'; readonly path: string }
  | {
      readonly type: 'deleteSelection';
      readonly steps: readonly string[];
      readonly transitions: readonly TransitionRef[];
    }
  | {
      readonly type: 'pasteStep';
      readonly parent: string;
      readonly key: string;
      readonly state: StateNodeConfig;
      readonly at?: XY;
    }
  | { readonly type: 'updateStep'; readonly path: string; readonly patch: Partial<StateNodeConfig> }
  | { readonly type: 'setInitial'; readonly path: string }
  | ({ readonly type: 'connect' } & ConnectArgs)
  | { readonly type: 'deleteTransition'; readonly ref: TransitionRef }
  | {
      readonly type: 'retarget';
      readonly ref: TransitionRef;
      readonly targetIndex: number;
      readonly target: string;
    }
  | {
      readonly type: 'updateTransition';
      readonly ref: TransitionRef;
      readonly patch: TransitionPatch;
    }
  | {
      readonly type: 'changeEvent';
      readonly ref: TransitionRef;
      readonly event: string;
      readonly eventName?: LocalizedText;
    }
  | { readonly type: 'reorderAlternative'; readonly ref: TransitionRef; readonly delta: -1 | 1 }
  | { readonly type: 'updateProcedure'; readonly patch: Partial<Omit<Procedure, 'id' | 'machine'>> }
  | { readonly type: 'moveNodes'; readonly positions: Readonly<Record<string, XY>> }
  | { readonly type: 'setLayout'; readonly layout: Layout };

/** Layout after a change of the procedure: positions of vanished steps are dropped. */
function prune(layout: Layout, procedure: Procedure): Layout {
  const positions: Record<string, XY> = {};
  let changed = false;
  for (const [path, at] of Object.entries(layout.positions)) {
    if (getState(procedure.machine, path)) positions[path] = at;
    else changed = true;
  }
  return changed ? { positions } : layout;
}

/** Positions for new leaves of `paths`, placed one by one in their lanes. */
function placeNew(doc: DesignDoc, paths: readonly string[], nearX?: number): Layout {
  let layout = doc.layout;
  const model = toCanvas(doc.procedure);
  const lanes = assignLanes(model);
  for (const path of paths) {
    const state = model.states.find((s) => s.path === path);
    if (!state || state.children.length > 0) continue;
    const geometry = computeGeometry(model, layout);
    const lane = lanes.get(path) ?? LANE_NONE;
    const at = placeInLane(geometry, lane, state.kind === 'final' ? 'final' : 'step', nearX);
    layout = { positions: { ...geometry.positions, [path]: at } };
  }
  return { positions: computeGeometry(model, layout).positions };
}

/** Normalize stored positions to what the canvas shows (lanes stacked, nothing overlapping). */
function normalize(procedure: Procedure, layout: Layout): Layout {
  return { positions: computeGeometry(toCanvas(procedure), layout).positions };
}

/** Apply a command. Commands that do not apply (a missing step…) return the same doc. */
export function applyCommand(doc: DesignDoc, command: Command): DesignDoc {
  const { procedure, layout } = doc;
  const withProcedure = (next: Procedure): DesignDoc =>
    next === procedure ? doc : { procedure: next, layout: prune(layout, next) };
  switch (command.type) {
    case 'addStep': {
      const key = command.key ?? newStepKey(procedure, command.parent, command.step.meta?.name?.vi);
      const next = insertState(procedure, command.parent, key, command.step);
      if (next === procedure) return doc;
      const path = command.parent === '' ? key : `${command.parent}.${key}`;
      return placeAll({ procedure: next, layout }, subtreePaths(command.step, path), command.nearX);
    }
    case 'addParallelGroup': {
      const state = parallelGroup(command.name, command.regions);
      const key = newStepKey(procedure, command.parent, command.name.vi);
      const next = insertState(procedure, command.parent, key, state);
      if (next === procedure) return doc;
      const path = command.parent === '' ? key : `${command.parent}.${key}`;
      return placeAll({ procedure: next, layout }, subtreePaths(state, path), command.nearX);
    }
    case 'deleteStep':
      return withProcedure(deleteStep(procedure, command.path));
    case 'deleteSelection': {
      let next = procedure;
      // Transitions first: their refs point into the procedure as it was.
      const refs = [...command.transitions].sort((a, b) => (b.index ?? 0) - (a.index ?? 0));
      for (const ref of refs) next = deleteTransition(next, ref);
      for (const path of command.steps) next = deleteStep(next, path);
      return withProcedure(next);
    }
    case 'pasteStep': {
      const next = insertState(procedure, command.parent, command.key, command.state);
      if (next === procedure) return doc;
      const path = command.parent === '' ? command.key : `${command.parent}.${command.key}`;
      const placed = placeAll(
        { procedure: next, layout },
        subtreePaths(command.state, path),
        command.at?.x,
      );
      return command.at && !command.state.states
        ? applyCommand(placed, { type: 'moveNodes', positions: { [path]: command.at } })
        : placed;
    }
    case 'updateStep': {
      const next = updateStep(procedure, command.path, command.patch);
      if (next === procedure) return doc;
      // A new unit moves the step to another lane: give it a place there.
      const unitBefore = getState(procedure.machine, command.path)?.meta?.unit;
      const unitAfter = getState(next.machine, command.path)?.meta?.unit;
      if (unitBefore === unitAfter) return { procedure: next, layout: normalize(next, layout) };
      const { [command.path]: _old, ...positions } = layout.positions;
      const x = layout.positions[command.path]?.x;
      return placeAll({ procedure: next, layout: { positions } }, [command.path], x);
    }
    case 'setInitial':
      return withProcedure(setInitial(procedure, command.path));
    case 'connect': {
      const { type: _t, ...args } = command;
      return withProcedure(connect(procedure, args));
    }
    case 'deleteTransition':
      return withProcedure(deleteTransition(procedure, command.ref));
    case 'retarget':
      return withProcedure(retarget(procedure, command.ref, command.targetIndex, command.target));
    case 'updateTransition':
      return withProcedure(updateTransition(procedure, command.ref, command.patch));
    case 'changeEvent':
      return withProcedure(changeEvent(procedure, command.ref, command.event, command.eventName));
    case 'reorderAlternative':
      return withProcedure(reorderAlternative(procedure, command.ref, command.delta));
    case 'updateProcedure': {
      const next = { ...procedure } as Record<string, unknown>;
      for (const [k, v] of Object.entries(command.patch)) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      return { procedure: next as Procedure, layout };
    }
    case 'moveNodes': {
      const model = toCanvas(procedure);
      const geometry = computeGeometry(model, layout);
      const positions = settleMoves(geometry, command.positions);
      return { procedure, layout: normalize(procedure, { positions }) };
    }
    case 'setLayout':
      return { procedure, layout: command.layout };
    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}

function placeAll(doc: DesignDoc, paths: readonly string[], nearX?: number): DesignDoc {
  return { procedure: doc.procedure, layout: placeNew(doc, paths, nearX) };
}

/** The lane a new step with this unit goes to. */
export function laneForUnit(unit: string | undefined, final = false): string {
  if (final) return LANE_END;
  return unit ? unitLane(unit) : LANE_NONE;
}

/** Whether a path is inside any of the given paths. */
export function insideAny(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => isWithin(path, r));
}

/** The key a pasted copy of a state gets under `parent`. */
export function pasteKey(procedure: Procedure, parent: string, key: string): string {
  const siblings = new Set(Object.keys(getState(procedure.machine, parent)?.states ?? {}));
  const base = lastKey(key).replace(/\d+$/, '') || 'buoc';
  for (let i = 2; ; i++) if (!siblings.has(`${base}${i}`)) return `${base}${i}`;
}
