import type { Edge } from '@xyflow/react';
import { eventName, slipTitles } from '../../../../engine/index.ts';
import { fill, localized } from '../../i18n/strings.ts';
import {
  estimateLabel,
  routeEdges,
  type Rect,
  type RouteRequest,
} from '../../layout/edgeRoutes.ts';
import type { Geometry } from '../../layout/geometry.ts';
import { ANY_NODE } from '../../layout/lanes.ts';
import type { CanvasModel } from '../../model/canvasModel.ts';
import { guardText } from '../../model/guardText.ts';
import { lastKey } from '../../model/statePaths.ts';
import { refKey } from '../../model/transitionRefs.ts';
import type { EdgeData, FlowContext } from './buildFlow.ts';

const routeCache = new WeakMap<Geometry, { key: string; routes: ReturnType<typeof routeEdges> }>();

/**
 * The arrows: one per target of each transition, labelled with the event's name (engine
 * `eventName`), its condition in words and the slips it issues, routed around the boxes. Long
 * arrows to a refusal, withdrawal or stop become short connectors naming the outcome.
 */
export function buildEdges(
  model: CanvasModel,
  geometry: Geometry,
  ctx: FlowContext & { readOnly: boolean },
): Edge[] {
  const { s, lang, procedure } = ctx;
  const many = ctx.multi.steps.length + ctx.multi.transitions.length > 1;
  const rectOf = (path: string): Rect | undefined => {
    const b = geometry.boxes.get(path === '' ? ANY_NODE : path);
    if (b) return b;
    const g = geometry.groups.find((x) => x.path === path);
    return g ? { x: g.x, y: g.y, w: g.w, h: g.h } : undefined;
  };
  const pending: { edge: Edge; request: RouteRequest; order: number }[] = [];
  for (const e of model.edges) {
    const source = rectOf(e.source);
    const target = rectOf(e.target);
    if (!source || !target) continue;
    const self = e.source === e.target;
    const label =
      e.ref.kind === 'on'
        ? localized(eventName(procedure, e.ref.event), lang)
        : e.ref.kind === 'after'
          ? fill(s.kind_after, { delay: e.ref.event })
          : e.ref.kind === 'always'
            ? s.kind_always
            : s.kind_onDone;
    const targetState = model.states.find((x) => x.path === e.target);
    const outcome = targetState?.kind === 'final' ? targetState.own.meta?.outcome : undefined;
    const backwards = target.x + target.w <= source.x + 4;
    const tone: EdgeData['tone'] =
      e.source === ''
        ? 'any'
        : outcome && outcome !== 'approved'
          ? 'exit'
          : backwards
            ? 'back'
            : 'main';
    const slips = (e.transition.actions ?? []).flatMap((a) =>
      a.type === 'issueSlip' && a.params ? [localized(slipTitles[a.params.slip], lang)] : [],
    );
    const guard = e.transition.guard
      ? `${s.when} ${guardText(e.transition.guard, procedure, s, lang)}`
      : undefined;
    const selected = many
      ? ctx.multi.transitions.includes(e.id)
      : ctx.selection.kind === 'transition' && refKey(ctx.selection.ref) === e.transitionId;
    const highlight = ctx.edgeHighlights.get(e.transitionId);
    // A long arrow to a refusal/withdrawal/stop outcome becomes a short connector naming it.
    const far = Math.abs(target.y - source.y) > 300 || Math.abs(target.x - source.x) > 760;
    const targetName = localized(targetState?.own.meta?.name, lang, lastKey(e.target));
    const stubTarget =
      tone === 'exit' && far && !self
        ? `→ ${targetName === label ? s.laneEnd.toLowerCase() : targetName}`
        : undefined;
    const size = estimateLabel([
      `${label}${slips.length > 0 ? '   ' : ''}`,
      ...(guard ? [guard] : []),
      ...(stubTarget ? [stubTarget] : []),
    ]);
    pending.push({
      order: tone === 'main' ? 0 : tone === 'back' ? 1 : tone === 'exit' ? 2 : 3,
      request: {
        id: e.id,
        source,
        target,
        label: size,
        self,
        ...(stubTarget ? { stub: true } : {}),
      },
      edge: {
        id: e.id,
        source: e.source === '' ? ANY_NODE : e.source,
        target: e.target,
        type: 'transition',
        selected,
        zIndex: 0,
        reconnectable: ctx.readOnly ? false : 'target',
        ariaLabel: fill(s.edgeAria, {
          event: label,
          from:
            e.source === ''
              ? s.anyStep
              : localized(
                  model.states.find((x) => x.path === e.source)?.own.meta?.name,
                  lang,
                  lastKey(e.source),
                ),
          to: localized(targetState?.own.meta?.name, lang, lastKey(e.target)),
        }),
        data: {
          label,
          ...(guard ? { guard } : {}),
          slips,
          tone,
          ...(highlight ? { highlight } : {}),
          ...(stubTarget ? { stubTarget } : {}),
          selfLoop: self,
        } satisfies EdgeData,
      },
    });
  }
  pending.sort((a, b) => a.order - b.order);
  const obstacles: Rect[] = [...geometry.boxes.values()];
  const requests = pending.map((p) => p.request);
  // Routing is the costly part and rarely changes with the rest (a problem count, a selection):
  // reuse the routes computed for the same geometry and the same arrows.
  const key = JSON.stringify(requests);
  const cached = routeCache.get(geometry);
  const routes = cached?.key === key ? cached.routes : routeEdges(requests, obstacles);
  routeCache.set(geometry, { key, routes });
  const edges: Edge[] = pending.map(({ edge }) => {
    const route = routes.get(edge.id);
    if (!route) return edge;
    return {
      ...edge,
      sourceHandle: route.sourceSide,
      targetHandle: route.targetSide,
      data: { ...(edge.data as EdgeData), points: route.points, labelAt: route.label },
    };
  });
  return edges;
}
