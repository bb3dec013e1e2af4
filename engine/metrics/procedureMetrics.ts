import type { Procedure } from '../format/procedureSchema.ts';
import { buildMachineGraph, type GraphNode } from '../validate/machineGraph.ts';
import { criticalPath, reachableNodes } from '../validate/machineAnalysis.ts';
import { legalHours } from '../validate/semantic.ts';
import type { LocalizedText } from '../format/primitives.ts';
import { mainPath as findMainPath } from './mainPath.ts';

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
  /**
   * Working hours of the main path (the normal flow, see `mainPath.ts`); a parallel step lasts
   * as long as its longest region.
   */
  readonly criticalPathHours: number;
  /** Working hours of the longest path to any result, exception routes included. */
  readonly longestPathHours: number;
  /** The main path: every step a normal dossier visits, parallel regions included. */
  readonly mainPath: readonly {
    /** The step's path in the statechart (`lienThong.thue.xacDinhNghiaVu` inside a group). */
    readonly step: string;
    readonly unit?: string;
    readonly hours: number;
    /** The parallel region the step runs in, beside the others. */
    readonly region?: string;
  }[];
  /** Visits to an office on the main path (every region of a parallel step counts). */
  readonly citizenVisits: number;
  /** Which steps those visits are, by name. */
  readonly visits: readonly { readonly step: string; readonly name?: LocalizedText }[];
  /** What the applicant's one contact is when the procedure is fully online and needs no visit. */
  readonly onlineVisit?: LocalizedText;
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
  const main = findMainPath(graph, hoursPerDay);
  const longest = criticalPath(graph, hoursPerDay);
  const mainPath = main.steps.map((s) => ({
    step: s.node.path.join('.'),
    ...(s.node.config.meta?.unit ? { unit: s.node.config.meta.unit } : {}),
    hours: s.hours,
    ...(s.region ? { region: s.region } : {}),
  }));
  // A hand-off is a change of unit from one step to the next; the steps of parallel regions
  // each receive the dossier from the step before the parallel group.
  let handOffs = 0;
  let previous: string | undefined;
  let beforeGroup: string | undefined;
  let group: string | undefined;
  for (const [i, s] of mainPath.entries()) {
    const regionStart = s.region !== undefined && s.region !== mainPath[i - 1]?.region;
    if (s.region !== undefined && group === undefined) {
      group = s.region;
      beforeGroup = previous;
    }
    if (s.region === undefined) group = undefined;
    const from = regionStart ? beforeGroup : previous;
    if (i > 0 && s.unit !== from) handOffs++;
    previous = s.unit;
  }
  const onMain = main.steps.map((s) => s.node);
  const visitNodes = onMain.filter((n) => n.config.meta?.citizenVisit);
  const citizenVisits = visitNodes.length;
  const visits = visitNodes.map((n) => ({
    step: n.path.join('.'),
    ...(n.config.meta?.name ? { name: n.config.meta.name } : {}),
  }));
  const onlineVisit: LocalizedText | undefined =
    procedure.onlineService === 'full' && citizenVisits === 0
      ? {
          vi: 'Toàn trình: nộp hồ sơ, nộp phí và nhận kết quả trực tuyến, không phải đến cơ quan',
          en: 'Fully online: the dossier, the fees and the result all go through the portal, with no visit',
        }
      : undefined;
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
    longestPathHours: longest.hours,
    mainPath,
    citizenVisits,
    visits,
    ...(onlineVisit ? { onlineVisit } : {}),
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
