import type { Procedure, UnitCatalog } from '../engine/index.ts';
import { buildEdges } from '../designer/src/ui/canvas/buildEdges.ts';
import { vi } from '../designer/src/i18n/strings.ts';
import { autoLayout } from '../designer/src/layout/autoLayout.ts';
import { diagramQuality, type DiagramQuality } from '../designer/src/layout/diagramQuality.ts';
import { computeGeometry } from '../designer/src/layout/geometry.ts';
import { toCanvas } from '../designer/src/model/canvasModel.ts';

/**
 * Lay a procedure out as the editor does when it has no layout (ELK, then the lanes), route its
 * arrows as the canvas does, and count arrow crossings and labels lying on boxes.
 */
export async function measureDiagram(
  procedure: Procedure,
  catalog: UnitCatalog,
): Promise<DiagramQuality & { steps: number; arrows: number }> {
  const model = toCanvas(procedure);
  const geometry = computeGeometry(model, await autoLayout(procedure));
  const edges = buildEdges(model, geometry, {
    procedure,
    catalog,
    s: vi,
    lang: 'vi',
    counts: new Map(),
    selection: { kind: 'none' },
    multi: { steps: [], transitions: [] },
    highlights: new Map(),
    edgeHighlights: new Map(),
    ghosts: [],
    readOnly: false,
  });
  return {
    ...diagramQuality(edges, geometry),
    steps: geometry.boxes.size,
    arrows: edges.length,
  };
}
