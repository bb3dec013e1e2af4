import { useMemo } from 'react';
import type { Procedure } from '../../../../engine/index.ts';
import type { Geometry } from '../../layout/geometry.ts';
import type { CanvasModel } from '../../model/canvasModel.ts';
import { compareDesign, type Comparison } from '../../model/comparison.ts';
import type { DesignDoc, Layout } from '../../model/designDoc.ts';
import type { Highlight } from '../canvas/buildFlow.ts';

/** The version compared with: what it is, for the labels. */
export interface Baseline {
  readonly procedure: Procedure;
  readonly layout: Layout | null;
  /** `saved` for the saved version of the procedure being edited, else another procedure's id. */
  readonly source: 'saved' | string;
  /** How the proposal names it (a published version, a git revision); else from `source`. */
  readonly label?: string;
}

/** What the editor draws in simplify mode. */
export interface ComparisonView {
  readonly baseline: Baseline | undefined;
  readonly comparison: Comparison | undefined;
  /** The canvas with ghosts of removed steps (only while comparing). */
  readonly model: CanvasModel | undefined;
  readonly geometry: Geometry | undefined;
  readonly highlights: ReadonlyMap<string, Highlight>;
  readonly edgeHighlights: ReadonlyMap<string, 'added' | 'changed'>;
}

/** Compare the doc with a baseline (only computed while the simplify mode is shown). */
export function useComparison(
  baseline: Baseline | undefined,
  doc: DesignDoc,
  enabled: boolean,
): ComparisonView {
  return useMemo(() => {
    if (!enabled || !baseline) {
      return {
        baseline,
        comparison: undefined,
        model: undefined,
        geometry: undefined,
        highlights: new Map(),
        edgeHighlights: new Map(),
      };
    }
    const comparison = compareDesign(baseline.procedure, baseline.layout, doc);
    return {
      baseline,
      comparison,
      model: comparison.model,
      geometry: comparison.geometry,
      highlights: comparison.steps,
      edgeHighlights: comparison.transitions,
    };
  }, [baseline, doc, enabled]);
}
