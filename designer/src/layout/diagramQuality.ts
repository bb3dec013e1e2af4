import type { Edge } from '@xyflow/react';
import type { Geometry } from './geometry.ts';
import { estimateLabel } from './routeLabels.ts';

/** How readable a laid-out diagram is: arrows crossing each other, labels lying on boxes. */
export interface DiagramQuality {
  /** Pairs of arrow segments (of different arrows) that cross. */
  readonly crossings: number;
  /** Arrow labels overlapping a step or an outcome box. */
  readonly labelsOnNodes: number;
}

type XY = { readonly x: number; readonly y: number };

interface EdgeShape {
  readonly points?: readonly XY[];
  readonly labelAt?: XY;
  readonly label?: string;
  readonly guard?: string;
  readonly stubTarget?: string;
  readonly slips?: readonly string[];
}

/** Whether two segments cross at a point inside both (touching ends do not count). */
function cross(a1: XY, a2: XY, b1: XY, b2: XY): boolean {
  const d = (p: XY, q: XY, r: XY) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const d1 = d(b1, b2, a1);
  const d2 = d(b1, b2, a2);
  const d3 = d(a1, a2, b1);
  const d4 = d(a1, a2, b2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/**
 * Count arrow crossings and labels on boxes of routed edges (as `buildEdges` returns them), the
 * figures the layout and the router are judged by (`test/designer/diagramQuality.test.ts`, and
 * `npm run bench -- designer`).
 */
export function diagramQuality(edges: readonly Edge[], geometry: Geometry): DiagramQuality {
  const shapes = edges.map((e) => e.data as EdgeShape);
  const segments = shapes.map((d) => {
    const pts = d.points ?? [];
    return pts.slice(1).map((p, i) => [pts[i]!, p] as const);
  });
  let crossings = 0;
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++)
      for (const [a1, a2] of segments[i]!)
        for (const [b1, b2] of segments[j]!) if (cross(a1, a2, b1, b2)) crossings++;
  const boxes = [...geometry.boxes.values()];
  let labelsOnNodes = 0;
  for (const d of shapes) {
    if (!d.labelAt || !d.label) continue;
    const size = estimateLabel([
      `${d.label}${(d.slips?.length ?? 0) > 0 ? '   ' : ''}`,
      ...(d.guard ? [d.guard] : []),
      ...(d.stubTarget ? [d.stubTarget] : []),
    ]);
    const l = { x: d.labelAt.x - size.w / 2, y: d.labelAt.y - size.h / 2, w: size.w, h: size.h };
    if (boxes.some((b) => l.x < b.x + b.w && b.x < l.x + l.w && l.y < b.y + b.h && b.y < l.y + l.h))
      labelsOnNodes++;
  }
  return { crossings, labelsOnNodes };
}
