import type { Procedure, StateNodeConfig } from '../format/procedureSchema.ts';
import { sortedJson } from '../canonical/procedureVersion.ts';
import { alternatives, buildMachineGraph, type GraphNode } from '../validate/machineGraph.ts';
import {
  procedureMetrics,
  type MetricParams,
  type ProcedureMetrics,
} from '../metrics/procedureMetrics.ts';

/** A change of one named thing between two versions. */
export type Change<T = unknown> =
  | { readonly kind: 'added'; readonly key: string; readonly after: T }
  | { readonly kind: 'removed'; readonly key: string; readonly before: T }
  | {
      readonly kind: 'changed';
      readonly key: string;
      readonly before: T;
      readonly after: T;
      readonly fields: readonly string[];
    };

/** One metric before and after, with the change in percent (negative is a cut). */
export interface MetricDelta {
  readonly before: number;
  readonly after: number;
  readonly deltaPercent: number | null;
}

/** The semantic difference of two versions of a procedure. */
export interface ProcedureDiff {
  readonly identity: readonly Change[];
  readonly deadline: Change | undefined;
  readonly steps: readonly Change<StepSummary>[];
  readonly transitions: readonly Change<TransitionSummary>[];
  readonly units: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly documents: readonly Change[];
  readonly fees: readonly Change[];
  readonly forms: readonly Change[];
  readonly metrics: Readonly<Record<MetricName, MetricDelta>>;
  /** Whether anything but layout-free formatting differs. */
  readonly changed: boolean;
}

/** The metrics a simplification proposal reports and compares, in the order officers read them. */
export const SIMPLIFICATION_METRICS = [
  'steps',
  'units',
  'handOffs',
  'legalHours',
  'criticalPathHours',
  'citizenVisits',
  'documents',
  'feesVnd',
  'costPerDossierVnd',
  'costPerYearVnd',
] as const satisfies readonly (keyof ProcedureMetrics)[];
/** A metric compared between two versions. */
export type MetricName = (typeof SIMPLIFICATION_METRICS)[number];

/** What a diff shows of a step. */
export interface StepSummary {
  readonly name?: string;
  readonly kind: string;
  readonly unit?: string;
  readonly role?: string;
  readonly duration?: unknown;
  readonly clock?: string;
  readonly form?: string;
  readonly documents?: readonly string[];
  readonly outcome?: string;
}

/** What a diff shows of a transition. */
export interface TransitionSummary {
  readonly from: string;
  readonly event: string;
  readonly targets: readonly string[];
  readonly guard?: unknown;
  readonly actions?: unknown;
}

function summarizeStep(n: GraphNode): StepSummary {
  const m = n.config.meta;
  return {
    kind: n.kind,
    ...(m?.name ? { name: m.name.vi } : {}),
    ...(m?.unit ? { unit: m.unit } : {}),
    ...(m?.role ? { role: m.role } : {}),
    ...(m?.duration ? { duration: m.duration } : {}),
    ...(m?.clock ? { clock: m.clock } : {}),
    ...(m?.form ? { form: m.form } : {}),
    ...(m?.documents ? { documents: m.documents } : {}),
    ...(m?.outcome ? { outcome: m.outcome } : {}),
  };
}

function compareMaps<T>(before: Map<string, T>, after: Map<string, T>): Change<T>[] {
  const out: Change<T>[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (a === undefined) out.push({ kind: 'removed', key, before: b });
    else if (sortedJson(a) !== sortedJson(b)) {
      const fields = [
        ...new Set([...Object.keys(b as object), ...Object.keys(a as object)]),
      ].filter(
        (f) =>
          sortedJson((b as Record<string, unknown>)[f]) !==
          sortedJson((a as Record<string, unknown>)[f]),
      );
      out.push({ kind: 'changed', key, before: b, after: a, fields });
    }
  }
  for (const [key, a] of after) if (!before.has(key)) out.push({ kind: 'added', key, after: a });
  return out;
}

function stepsOf(p: Procedure): Map<string, StepSummary> {
  const g = buildMachineGraph(p.machine);
  return new Map(g.nodes.filter((n) => n.parent).map((n) => [n.path.join('.'), summarizeStep(n)]));
}

function transitionsOf(p: Procedure): Map<string, TransitionSummary> {
  const g = buildMachineGraph(p.machine);
  const out = new Map<string, TransitionSummary>();
  for (const e of g.edges) {
    const from = e.source.path.join('.') || '(root)';
    const event = e.kind === 'on' ? e.event : e.kind === 'after' ? `after ${e.event}` : e.kind;
    const siblings = alternatives(
      e.kind === 'on'
        ? e.source.config.on?.[e.event]
        : e.kind === 'after'
          ? e.source.config.after?.[e.event]
          : (e.source.config as StateNodeConfig)[e.kind],
    );
    const index = siblings.indexOf(e.transition);
    const key = `${from} —${event}${siblings.length > 1 ? `[${index}]` : ''}→`;
    out.set(key, {
      from,
      event,
      targets: e.targets.map((t) => t.path.join('.')),
      ...(e.transition.guard ? { guard: e.transition.guard } : {}),
      ...(e.transition.actions ? { actions: e.transition.actions } : {}),
    });
  }
  return out;
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function percent(before: number, after: number): number | null {
  if (before === 0) return after === 0 ? 0 : null;
  return Math.round(((after - before) / before) * 10_000) / 100;
}

/**
 * The semantic diff of two versions of a procedure (for code review and the simplification
 * proposal): identity, deadline, steps, transitions, units, documents, fees and forms added,
 * removed or changed, with the metric deltas in percent.
 */
export function diffProcedures(
  a: Procedure,
  b: Procedure,
  params: MetricParams = {},
): ProcedureDiff {
  const identity = compareMaps(
    new Map(
      [
        'id',
        'code',
        'name',
        'field',
        'level',
        'agency',
        'legalBasis',
        'onlineService',
        'supplementPolicy',
        'result',
        'note',
      ]
        .filter((k) => (a as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, (a as Record<string, unknown>)[k]]),
    ),
    new Map(
      [
        'id',
        'code',
        'name',
        'field',
        'level',
        'agency',
        'legalBasis',
        'onlineService',
        'supplementPolicy',
        'result',
        'note',
      ]
        .filter((k) => (b as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, (b as Record<string, unknown>)[k]]),
    ),
  );
  const deadline =
    sortedJson(a.deadline) === sortedJson(b.deadline)
      ? undefined
      : ({
          kind: 'changed',
          key: 'deadline',
          before: a.deadline,
          after: b.deadline,
          fields: ['deadline'],
        } as const);
  const ma = procedureMetrics(a, params);
  const mb = procedureMetrics(b, params);
  const metrics = Object.fromEntries(
    SIMPLIFICATION_METRICS.map((m) => [
      m,
      { before: ma[m], after: mb[m], deltaPercent: percent(ma[m], mb[m]) },
    ]),
  ) as Record<MetricName, MetricDelta>;
  const steps = compareMaps(stepsOf(a), stepsOf(b));
  const transitions = compareMaps(transitionsOf(a), transitionsOf(b));
  const documents = compareMaps(byId(a.documents), byId(b.documents));
  const fees = compareMaps(
    new Map(a.fees.map((f) => [f.name.vi, f])),
    new Map(b.fees.map((f) => [f.name.vi, f])),
  );
  const forms = compareMaps(byId(a.forms), byId(b.forms));
  const units = {
    added: mb.unitIds.filter((u) => !ma.unitIds.includes(u)),
    removed: ma.unitIds.filter((u) => !mb.unitIds.includes(u)),
  };
  const changed =
    identity.length +
      steps.length +
      transitions.length +
      documents.length +
      fees.length +
      forms.length >
      0 ||
    deadline !== undefined ||
    sortedJson({ ...a, $schema: undefined }) !== sortedJson({ ...b, $schema: undefined });
  return {
    identity,
    deadline,
    steps,
    transitions,
    units,
    documents,
    fees,
    forms,
    metrics,
    changed,
  };
}
