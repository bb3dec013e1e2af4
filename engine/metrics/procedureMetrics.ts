import type { Procedure } from '../format/procedureSchema.ts';
import { buildMachineGraph, isTopLevelFinal, type GraphNode } from '../validate/machineGraph.ts';
import { criticalPath, reachableNodes } from '../validate/machineAnalysis.ts';
import { legalHours } from '../validate/semantic.ts';

/** Parameters of the Standard Cost Model (DOMAIN.md); every one has a documented default. */
export interface MetricParams {
  /** Average income per capita per year, VND (default 114,000,000: GSO figure for 2024 — check). */
  readonly perCapitaIncomeVnd?: number;
  /** Hourly income, VND; default per-capita income ÷ 12 ÷ 22 ÷ 8. */
  readonly hourlyIncomeVnd?: number;
  /** Applicants per year; default the procedure's `cost.applicantsPerYear`, else 0. */
  readonly applicantsPerYear?: number;
  /** Working hours in a day (default 8). */
  readonly hoursPerDay?: number;
}

/** The simplification metrics of a procedure (chỉ số đơn giản hóa). */
export interface ProcedureMetrics {
  readonly steps: number;
  readonly units: number;
  readonly unitIds: readonly string[];
  /** Hand-offs between units on the main path to an approved result. */
  readonly handOffs: number;
  readonly legalHours: number;
  readonly criticalPathHours: number;
  readonly mainPath: readonly {
    readonly step: string;
    readonly unit?: string;
    readonly hours: number;
  }[];
  readonly citizenVisits: number;
  readonly documents: number;
  readonly documentCopies: number;
  readonly feesVnd: number;
  readonly citizenHours: number;
  readonly hourlyIncomeVnd: number;
  readonly costPerDossierVnd: number;
  readonly applicantsPerYear: number;
  readonly costPerYearVnd: number;
}

const DEFAULT_PER_CAPITA_INCOME_VND = 114_000_000;

function isStep(n: GraphNode): boolean {
  return n.parent !== undefined && n.kind === 'atomic';
}

/**
 * Compute the metrics a reform officer reports when simplifying a procedure: steps, units,
 * hand-offs, legal vs critical-path time, citizen visits, documents and the compliance cost by
 * the Standard Cost Model (hours × hourly income + fees + other costs, per dossier and per year).
 */
export function procedureMetrics(
  procedure: Procedure,
  params: MetricParams = {},
): ProcedureMetrics {
  const hoursPerDay = params.hoursPerDay ?? 8;
  const graph = buildMachineGraph(procedure.machine);
  const reached = reachableNodes(graph);
  const steps = graph.nodes.filter((n) => isStep(n) && reached.has(n));
  const citizen = (n: GraphNode) =>
    n.config.meta?.role === 'applicant' || n.config.meta?.clock === 'paused';
  const agencySteps = steps.filter((n) => !citizen(n));
  const unitIds = [
    ...new Set(agencySteps.map((n) => n.config.meta?.unit).filter((u): u is string => !!u)),
  ];
  const hasApproved = graph.nodes.some(
    (n) => isTopLevelFinal(n) && n.config.meta?.outcome === 'approved',
  );
  const main = criticalPath(
    graph,
    hoursPerDay,
    (f) => !hasApproved || f.config.meta?.outcome === 'approved',
  );
  const mainPath = main.path.map((s) => ({
    step: s.node.key,
    ...(s.node.config.meta?.unit ? { unit: s.node.config.meta.unit } : {}),
    hours: s.hours,
  }));
  let handOffs = 0;
  for (let i = 1; i < mainPath.length; i++) {
    if (mainPath[i]!.unit !== mainPath[i - 1]!.unit) handOffs++;
  }
  const onMain = main.path.map((s) => s.node);
  const citizenVisits = onMain.filter((n) => n.config.meta?.citizenVisit).length;
  const citizenHours =
    (procedure.cost?.preparationHours ?? 0) +
    onMain.reduce((sum, n) => sum + (n.config.meta?.citizenHours ?? 0), 0);
  const required = procedure.documents.filter((d) => d.required);
  const feesVnd = procedure.fees.reduce((sum, f) => sum + f.amountVnd, 0);
  const hourlyIncomeVnd =
    params.hourlyIncomeVnd ??
    (params.perCapitaIncomeVnd ?? DEFAULT_PER_CAPITA_INCOME_VND) / 12 / 22 / 8;
  const costPerDossierVnd = Math.round(
    citizenHours * hourlyIncomeVnd + feesVnd + (procedure.cost?.otherCostsVnd ?? 0),
  );
  const applicantsPerYear = params.applicantsPerYear ?? procedure.cost?.applicantsPerYear ?? 0;
  return {
    steps: agencySteps.length,
    units: unitIds.length,
    unitIds,
    handOffs,
    legalHours: legalHours(procedure.deadline, { hoursPerDay }),
    criticalPathHours: main.hours,
    mainPath,
    citizenVisits,
    documents: required.length,
    documentCopies: required.reduce((sum, d) => sum + d.copies, 0),
    feesVnd,
    citizenHours,
    hourlyIncomeVnd: Math.round(hourlyIncomeVnd),
    costPerDossierVnd,
    applicantsPerYear,
    costPerYearVnd: costPerDossierVnd * applicantsPerYear,
  };
}
