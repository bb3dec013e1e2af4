import type { Edge, Node } from '@xyflow/react';
import type { Outcome, Procedure, UnitCatalog } from '../../../../engine/index.ts';
import { formatWorkingTime } from '../../i18n/format.ts';
import { fill, localized, type Lang, type Strings } from '../../i18n/strings.ts';
import type { Geometry } from '../../layout/geometry.ts';
import { ANY_NODE, LANE_END, LANE_NONE, laneUnit } from '../../layout/lanes.ts';
import type { CanvasModel, CanvasState } from '../../model/canvasModel.ts';
import type { Selection } from '../../model/selection.ts';
import { buildEdges } from './buildEdges.ts';

/** How a node is marked: active in the simulation, or changed in a comparison. */
export type Highlight = 'active' | 'visited' | 'added' | 'changed' | 'removed';

/** Problem counts of a step. */
export interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

/** Data of a step box. */
export interface StepData extends Record<string, unknown> {
  readonly path: string;
  readonly name: string;
  readonly unitName?: string;
  readonly roleName?: string;
  readonly duration?: string;
  readonly clockPaused: boolean;
  readonly citizenVisit: boolean;
  readonly documents: number;
  readonly form?: string;
  readonly initial: boolean;
  readonly counts: Counts;
  readonly highlight?: Highlight;
  readonly ghost?: boolean;
  readonly aria: string;
}

/** Data of an outcome box. */
export interface FinalData extends Record<string, unknown> {
  readonly path: string;
  readonly name: string;
  readonly outcome?: Outcome;
  readonly outcomeLabel: string;
  /** The end of a branch of a group, not of the dossier. */
  readonly nested?: boolean;
  readonly counts: Counts;
  readonly highlight?: Highlight;
  readonly ghost?: boolean;
  readonly aria: string;
}

/** Data of a lane band. */
export interface LaneData extends Record<string, unknown> {
  readonly title: string;
  readonly subtitle?: string;
  readonly count: string;
  readonly index: number;
  readonly tone: 'unit' | 'none' | 'end' | 'citizen';
  readonly width: number;
  readonly height: number;
}

/** Data of a group container. */
export interface GroupData extends Record<string, unknown> {
  readonly path: string;
  readonly name: string;
  readonly tag: string;
  readonly kind: 'parallel' | 'compound';
  readonly region: boolean;
  readonly counts: Counts;
  readonly highlight?: Highlight;
}

/** Data of a transition arrow. */
export interface EdgeData extends Record<string, unknown> {
  readonly label: string;
  readonly guard?: string;
  readonly slips: readonly string[];
  readonly tone: 'main' | 'back' | 'exit' | 'any';
  readonly highlight?: 'added' | 'changed';
  readonly selfLoop: boolean;
  /** The routed polyline and label centre (absent: React Flow's own smooth-step path). */
  readonly points?: readonly { x: number; y: number }[];
  readonly labelAt?: { x: number; y: number };
  /** Drawn as a short connector: the name of the outcome it leads to. */
  readonly stubTarget?: string;
}

/** Everything the flow builder needs besides the model and geometry. */
export interface FlowContext {
  readonly procedure: Procedure;
  readonly catalog: UnitCatalog;
  readonly s: Strings;
  readonly lang: Lang;
  readonly counts: ReadonlyMap<string, Counts>;
  readonly selection: Selection;
  readonly multi: { readonly steps: readonly string[]; readonly transitions: readonly string[] };
  readonly highlights: ReadonlyMap<string, Highlight>;
  readonly edgeHighlights: ReadonlyMap<string, 'added' | 'changed'>;
  /** Steps removed in a comparison, drawn as ghosts at these boxes. */
  readonly ghosts: readonly { state: CanvasState; x: number; y: number }[];
  readonly readOnly: boolean;
}

const NONE: Counts = { errors: 0, warnings: 0 };

/** Build React Flow nodes and edges from the canvas model laid out in lanes. */
export function buildFlow(
  model: CanvasModel,
  geometry: Geometry,
  ctx: FlowContext,
): { nodes: Node[]; edges: Edge[] } {
  const { s, lang, catalog, procedure } = ctx;
  const unitName = (id?: string) =>
    id ? localized(catalog.units.find((u) => u.id === id)?.name, lang, id) : undefined;
  const roleName = (id?: string) =>
    id ? localized(catalog.roles.find((r) => r.id === id)?.name, lang, id) : undefined;
  const many = ctx.multi.steps.length + ctx.multi.transitions.length > 1;
  const selectedStep = (path: string) =>
    many
      ? ctx.multi.steps.includes(path)
      : ctx.selection.kind === 'step' && ctx.selection.path === path;
  const nodes: Node[] = [];
  const citizenRoles = new Set(catalog.roles.filter((r) => r.citizen).map((r) => r.id));

  geometry.lanes.forEach((lane, index) => {
    const unit = laneUnit(lane.key);
    const info = unit ? catalog.units.find((u) => u.id === unit) : undefined;
    const members = [...geometry.boxes.values()].filter((b) => b.lane === lane.key);
    const citizen =
      members.length > 0 &&
      members.every((b) =>
        citizenRoles.has(model.states.find((x) => x.path === b.path)?.own.meta?.role ?? ''),
      );
    nodes.push({
      id: `lane:${lane.key}`,
      type: 'lane',
      position: { x: 0, y: lane.top },
      width: geometry.width,
      height: lane.height,
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: -2,
      data: {
        title: unit ? unitName(unit)! : lane.key === LANE_NONE ? s.laneUnassigned : s.laneEnd,
        ...(info?.code ? { subtitle: info.code } : {}),
        count:
          lane.key === LANE_END
            ? ''
            : lane.count === 1
              ? s.laneStep1
              : fill(s.laneSteps, { n: lane.count }),
        index,
        tone:
          lane.key === LANE_END
            ? 'end'
            : lane.key === LANE_NONE
              ? 'none'
              : citizen
                ? 'citizen'
                : 'unit',
        width: geometry.width,
        height: lane.height,
      } satisfies LaneData,
    });
  });

  for (const g of geometry.groups) {
    const state = model.states.find((x) => x.path === g.path)!;
    nodes.push({
      id: g.path,
      type: 'container',
      position: { x: g.x, y: g.y },
      width: g.w,
      height: g.h,
      draggable: false,
      selectable: true,
      connectable: !ctx.readOnly,
      selected: selectedStep(g.path),
      zIndex: -1,
      ariaLabel: `${g.kind === 'parallel' ? s.parallelGroup : g.region ? s.region : s.compoundGroup}: ${localized(state.own.meta?.name, lang, state.key)}`,
      data: {
        path: g.path,
        name: localized(state.own.meta?.name, lang, state.key),
        tag: g.kind === 'parallel' ? s.parallelGroup : g.region ? s.region : s.compoundGroup,
        kind: g.kind,
        region: g.region,
        counts: ctx.counts.get(g.path) ?? NONE,
        ...(ctx.highlights.has(g.path) ? { highlight: ctx.highlights.get(g.path) } : {}),
      } satisfies GroupData,
    });
  }

  const initialOf = new Set(
    model.states
      .filter((st) => {
        const parentInitial =
          st.parent === ''
            ? model.machine.initial
            : model.states.find((p) => p.path === st.parent)?.own.initial;
        return parentInitial === st.key && st.parent === '';
      })
      .map((st) => st.path),
  );

  const stepNode = (state: CanvasState, x: number, y: number, ghostIn = false): Node => {
    let ghost = ghostIn;
    const meta = state.own.meta;
    const highlight = ghostIn ? 'removed' : ctx.highlights.get(state.path);
    // A step removed since the compared version is drawn as a ghost where it was.
    ghost = ghost || highlight === 'removed';
    const name = localized(meta?.name, lang, state.key);
    if (state.kind === 'final') {
      const outcome = meta?.outcome;
      // A final state inside a group only completes its branch: it has no outcome of its own.
      const nested = state.parent !== '';
      const outcomeLabel = nested
        ? s.branchDone
        : outcome
          ? s[`outcomeShort_${outcome}`]
          : s.outcome_none;
      return {
        id: ghostIn ? `ghost:${state.path}` : state.path,
        type: 'final',
        position: { x, y },
        width: geometry.boxes.get(state.path)?.w ?? 184,
        height: geometry.boxes.get(state.path)?.h ?? 64,
        draggable: !ctx.readOnly && !ghost,
        connectable: false,
        selectable: !ghost,
        selected: !ghost && selectedStep(state.path),
        zIndex: 1,
        ariaLabel: fill(s.finalAria, { name, outcome: outcomeLabel }),
        data: {
          path: state.path,
          name,
          ...(outcome ? { outcome } : {}),
          ...(nested ? { nested } : {}),
          outcomeLabel,
          counts: ctx.counts.get(state.path) ?? NONE,
          ...(highlight ? { highlight } : {}),
          ghost,
          aria: fill(s.finalAria, { name, outcome: outcomeLabel }),
        } satisfies FinalData,
      };
    }
    const unit = unitName(meta?.unit);
    const duration = meta?.duration ? formatWorkingTime(meta.duration, s, lang) : undefined;
    const aria = fill(s.stepAria, {
      name,
      unit: unit ?? s.noUnit,
      duration: duration ?? s.noDuration,
    });
    return {
      id: ghostIn ? `ghost:${state.path}` : state.path,
      type: 'step',
      position: { x, y },
      width: 200,
      height: 92,
      draggable: !ctx.readOnly && !ghost,
      connectable: !ctx.readOnly && !ghost,
      selectable: !ghost,
      selected: !ghost && selectedStep(state.path),
      zIndex: 1,
      ariaLabel: aria,
      data: {
        path: state.path,
        name,
        ...(unit ? { unitName: unit } : {}),
        ...(roleName(meta?.role) ? { roleName: roleName(meta?.role) } : {}),
        ...(duration ? { duration } : {}),
        clockPaused: meta?.clock === 'paused',
        citizenVisit: !!meta?.citizenVisit,
        documents: meta?.documents?.length ?? 0,
        ...(meta?.form ? { form: meta.form } : {}),
        initial: initialOf.has(state.path),
        counts: ctx.counts.get(state.path) ?? NONE,
        ...(highlight ? { highlight } : {}),
        ghost,
        aria,
      } satisfies StepData,
    };
  };

  for (const state of model.states) {
    const box = geometry.boxes.get(state.path);
    if (box) nodes.push(stepNode(state, box.x, box.y));
  }
  for (const ghost of ctx.ghosts) nodes.push(stepNode(ghost.state, ghost.x, ghost.y, true));
  const any = geometry.boxes.get(ANY_NODE);
  if (any) {
    nodes.push({
      id: ANY_NODE,
      type: 'any',
      position: { x: any.x, y: any.y },
      width: any.w,
      height: any.h,
      draggable: false,
      connectable: !ctx.readOnly,
      selectable: false,
      zIndex: 1,
      ariaLabel: s.anyStepHint,
      data: {},
    });
  }

  const edges = buildEdges(model, geometry, ctx);
  return { nodes, edges };
}
