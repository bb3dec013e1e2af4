import type { CanvasModel, CanvasState } from '../model/canvasModel.ts';

/**
 * Swimlanes: every step sits in the lane of its responsible unit. Final states of the whole
 * procedure share the "end of the dossier" lane; a final state inside a branch joins the lane of
 * the step that leads to it. Steps without a unit get a lane of their own, so they stand out.
 */

/** The lane of steps without a unit. */
export const LANE_NONE = '__none';
/** The lane of the procedure's outcomes and of the "at any step" marker. */
export const LANE_END = '__end';
/** Canvas id of the marker that carries the root's transitions ("at any step"). */
export const ANY_NODE = '__any';

/** The lane key of a unit. */
export function unitLane(unit: string): string {
  return `unit:${unit}`;
}

/** The unit of a lane key, if it is a unit lane. */
export function laneUnit(lane: string): string | undefined {
  return lane.startsWith('unit:') ? lane.slice(5) : undefined;
}

/** Whether a state is drawn as a box (a leaf) rather than a group container. */
export function isLeaf(state: CanvasState): boolean {
  return state.children.length === 0;
}

/** Whether a step waits for the applicant (citizen lanes go on top, as in BPMN). */
export function isCitizenStep(state: CanvasState): boolean {
  return state.own.meta?.role === 'applicant' || state.own.meta?.clock === 'paused';
}

/** The lane of every leaf (and of the "any step" marker when the root has transitions). */
export function assignLanes(model: CanvasModel): Map<string, string> {
  const lanes = new Map<string, string>();
  const leaves = model.states.filter(isLeaf);
  for (const s of leaves) {
    if (s.kind === 'final') continue;
    lanes.set(s.path, s.own.meta?.unit ? unitLane(s.own.meta.unit) : LANE_NONE);
  }
  for (const s of leaves) {
    if (s.kind !== 'final') continue;
    if (s.parent === '') {
      lanes.set(s.path, LANE_END);
      continue;
    }
    const feeder = model.edges.find((e) => e.target === s.path && lanes.has(e.source));
    const sibling = leaves.find(
      (o) => o.parent === s.parent && o.kind !== 'final' && lanes.has(o.path),
    );
    lanes.set(s.path, lanes.get(feeder?.source ?? sibling?.path ?? '') ?? LANE_END);
  }
  if (model.transitions.some((t) => t.ref.source === '')) lanes.set(ANY_NODE, LANE_END);
  return lanes;
}
