import { beforeAll, describe, expect, it } from 'vitest';
import type { Procedure } from '../../engine/index.ts';
import { autoLayout } from '../../designer/src/layout/autoLayout.ts';
import { estimateLabel, routeEdges, type Rect } from '../../designer/src/layout/edgeRoutes.ts';
import { computeGeometry, overlaps, type Geometry } from '../../designer/src/layout/geometry.ts';
import { LANE_END, unitLane } from '../../designer/src/layout/lanes.ts';
import { toCanvas } from '../../designer/src/model/canvasModel.ts';
import type { Layout } from '../../designer/src/model/designDoc.ts';
import { isWithin } from '../../designer/src/model/statePaths.ts';
import { allProcedures } from './fixtures.ts';

const laid = new Map<string, { procedure: Procedure; layout: Layout; geometry: Geometry }>();

beforeAll(async () => {
  for (const [id, procedure] of allProcedures()) {
    const layout = await autoLayout(procedure);
    laid.set(id, { procedure, layout, geometry: computeGeometry(toCanvas(procedure), layout) });
  }
});

/** Whether an axis-aligned segment crosses a rectangle's inside. */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect): boolean {
  return (
    Math.max(a.x, b.x) > r.x + 1 &&
    Math.min(a.x, b.x) < r.x + r.w - 1 &&
    Math.max(a.y, b.y) > r.y + 1 &&
    Math.min(a.y, b.y) < r.y + r.h - 1
  );
}

describe('automatic layout (ELK, left to right, in lanes)', () => {
  it.each(allProcedures().map(([id]) => id))('%s: every box placed, none overlapping', (id) => {
    const { procedure, layout, geometry } = laid.get(id)!;
    const model = toCanvas(procedure);
    const leaves = model.states.filter((s) => s.children.length === 0);
    expect(Object.keys(layout.positions).sort()).toEqual(leaves.map((s) => s.path).sort());
    const boxes = [...geometry.boxes.values()];
    for (const a of boxes)
      for (const b of boxes)
        if (a.path < b.path) expect(overlaps(a, b, 4), `${a.path} / ${b.path}`).toBe(false);
    // Lanes are stacked without overlap and every box lies inside its lane.
    for (let i = 1; i < geometry.lanes.length; i++) {
      expect(geometry.lanes[i]!.top).toBe(
        geometry.lanes[i - 1]!.top + geometry.lanes[i - 1]!.height,
      );
    }
    for (const box of boxes) {
      const lane = geometry.lanes.find((l) => l.key === box.lane)!;
      expect(box.y).toBeGreaterThanOrEqual(lane.top);
      expect(box.y + box.h).toBeLessThanOrEqual(lane.top + lane.height);
    }
    // A group container covers its own steps and no other step.
    for (const g of geometry.groups) {
      for (const box of boxes) {
        const inside = isWithin(box.path, g.path);
        const covered =
          box.x >= g.x && box.x + box.w <= g.x + g.w && box.y >= g.y && box.y + box.h <= g.y + g.h;
        if (inside) expect(covered, `${box.path} in ${g.path}`).toBe(true);
        else if (!g.region) expect(overlaps(box, g, 0), `${box.path} under ${g.path}`).toBe(false);
      }
    }
    // The stored layout is exactly what is drawn.
    expect(geometry.positions).toEqual(layout.positions);
  });

  it('puts steps in the lane of their unit and outcomes at the end, flowing left to right', () => {
    const { geometry } = laid.get('dang-ky-khai-sinh')!;
    expect(geometry.boxes.get('tiepNhan')!.lane).toBe(unitLane('mot-cua-xa'));
    expect(geometry.boxes.get('kyDuyet')!.lane).toBe(unitLane('ubnd-xa'));
    expect(geometry.boxes.get('daCap')!.lane).toBe(LANE_END);
    expect(geometry.lanes[0]!.key).toBe(unitLane('cong-dan'));
    expect(geometry.lanes.at(-1)!.key).toBe(LANE_END);
    const x = (p: string) => geometry.boxes.get(p)!.x;
    expect(x('tiepNhan')).toBeLessThan(x('thamTra'));
    expect(x('thamTra')).toBeLessThan(x('kyDuyet'));
    expect(x('kyDuyet')).toBeLessThan(x('traKetQua'));
    expect(x('traKetQua')).toBeLessThan(x('daCap'));
  });

  it('draws a parallel inter-agency group as a container of its branches', () => {
    const { geometry } = laid.get('fixture:lien-thong')!;
    const group = geometry.groups.find((g) => g.path === 'lienThong')!;
    expect(group.kind).toBe('parallel');
    expect(geometry.groups.filter((g) => g.region).map((g) => g.path)).toEqual([
      'lienThong.hoTich',
      'lienThong.cuTru',
      'lienThong.baoHiem',
    ]);
  });

  it('routes every arrow around the boxes it does not connect', () => {
    for (const [id, { procedure, geometry }] of laid) {
      const model = toCanvas(procedure);
      const boxes = [...geometry.boxes.values()];
      const rect = (p: string): Rect =>
        geometry.boxes.get(p === '' ? '__any' : p) ?? geometry.groups.find((g) => g.path === p)!;
      const requests = model.edges.map((e) => ({
        id: e.id,
        source: rect(e.source),
        target: rect(e.target),
        label: estimateLabel([e.ref.event]),
        self: e.source === e.target,
      }));
      const routes = routeEdges(requests, boxes);
      for (const e of model.edges) {
        const route = routes.get(e.id)!;
        const others = boxes.filter(
          (b) =>
            b !== rect(e.source) &&
            b !== rect(e.target) &&
            !isWithin(b.path, e.source) &&
            !isWithin(b.path, e.target),
        );
        for (let i = 1; i < route.points.length; i++) {
          for (const b of others) {
            expect(
              crosses(route.points[i - 1]!, route.points[i]!, b),
              `${id}: ${e.id} crosses ${b.path}`,
            ).toBe(false);
          }
        }
      }
    }
  });
});
