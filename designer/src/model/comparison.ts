import {
  diffProcedures,
  type Procedure,
  type ProcedureDiff,
  type StateNodeConfig,
} from '../../../engine/index.ts';
import { computeGeometry, placeInLane, type Geometry } from '../layout/geometry.ts';
import { assignLanes, LANE_END } from '../layout/lanes.ts';
import { toCanvas, type CanvasModel } from './canvasModel.ts';
import type { DesignDoc, Layout } from './designDoc.ts';
import { getState, isWithin, lastKey, parentPath } from './statePaths.ts';
import { insertState } from './stepCommands.ts';
import { asList, entryOf, refKey, type TransitionRef } from './transitionRefs.ts';

/** How a step or transition changed between the two versions. */
export type ChangeMark = 'added' | 'changed' | 'removed';

/** A before/after comparison ready to draw: the diff, and the canvas with removed steps as ghosts. */
export interface Comparison {
  readonly diff: ProcedureDiff;
  readonly model: CanvasModel;
  readonly geometry: Geometry;
  readonly steps: ReadonlyMap<string, ChangeMark>;
  readonly transitions: ReadonlyMap<string, 'added' | 'changed'>;
}

/** The key `diffProcedures` gives a transition (`thamTra —PROPOSE→`, `a —REFUSE[1]→`). */
export function diffKey(procedure: Procedure, ref: TransitionRef): string {
  const from = ref.source === '' ? '(root)' : ref.source;
  const event =
    ref.kind === 'on' ? ref.event : ref.kind === 'after' ? `after ${ref.event}` : ref.kind;
  const node = getState(procedure.machine, ref.source);
  const siblings = node ? asList(entryOf(node, ref.kind, ref.event)).length : 1;
  return `${from} —${event}${siblings > 1 ? `[${ref.index ?? 0}]` : ''}→`;
}

/** A state without its transitions (a ghost only shows where a removed step was). */
function ghostOf(state: StateNodeConfig): StateNodeConfig {
  const { on: _o, after: _a, always: _al, onDone: _d, states, ...own } = state;
  return {
    ...own,
    ...(states
      ? { states: Object.fromEntries(Object.entries(states).map(([k, s]) => [k, ghostOf(s)])) }
      : {}),
  };
}

/**
 * Compare a version (`before`) with the doc being edited: the engine's semantic diff, the marks
 * of added, changed and removed steps, and a canvas where removed steps reappear as ghosts in
 * their lanes, near where they were, without overlapping anything.
 */
export function compareDesign(
  before: Procedure,
  beforeLayout: Layout | null,
  after: DesignDoc,
): Comparison {
  const diff = diffProcedures(before, after.procedure);
  const steps = new Map<string, ChangeMark>();
  for (const c of diff.steps) steps.set(c.key, c.kind);
  const removed = diff.steps.filter((c) => c.kind === 'removed').map((c) => c.key);
  const roots = removed.filter((p) => !removed.some((o) => o !== p && isWithin(p, o)));
  let merged = after.procedure;
  for (const path of roots) {
    const state = getState(before.machine, path);
    if (!state || !getState(merged.machine, parentPath(path))) continue;
    merged = insertState(merged, parentPath(path), lastKey(path), ghostOf(state));
  }
  const model = toCanvas(merged);
  const lanes = assignLanes(model);
  let layout = after.layout;
  for (const s of model.states) {
    if (s.children.length > 0 || !steps.has(s.path) || steps.get(s.path) !== 'removed') continue;
    const geometry = computeGeometry(model, layout);
    const at = placeInLane(
      geometry,
      lanes.get(s.path) ?? LANE_END,
      s.kind === 'final' ? 'final' : 'step',
      beforeLayout?.positions[s.path]?.x,
    );
    layout = { positions: { ...geometry.positions, [s.path]: at } };
  }
  const marks = new Map<string, 'added' | 'changed'>();
  const changedKeys = new Map(
    diff.transitions.flatMap((c) => (c.kind === 'removed' ? [] : [[c.key, c.kind] as const])),
  );
  for (const t of model.transitions) {
    const mark = changedKeys.get(diffKey(after.procedure, t.ref));
    if (mark) marks.set(refKey(t.ref), mark);
  }
  return { diff, model, geometry: computeGeometry(model, layout), steps, transitions: marks };
}
