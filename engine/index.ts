/**
 * The motcua engine: pure functions over procedure definitions and dossier snapshots. No I/O, no
 * clock (`now` is always a parameter). The designer and the server import only this module.
 */
export { validateProcedure, hasErrors } from './validate/validateProcedure.ts';
export { problem, pointer, parsePointer, type Problem, type Severity } from './validate/problem.ts';
export { parseJson, lineColumn } from './validate/parseJson.ts';
export { legalHours, formFields, type ValidationContext } from './validate/semantic.ts';
export {
  buildMachineGraph,
  type MachineGraph,
  type GraphNode,
  type GraphEdge,
} from './validate/machineGraph.ts';
export { criticalPath, reachableNodes } from './validate/machineAnalysis.ts';
export { createAjv, ajvProblems } from './validate/structural.ts';
export {
  compileProcedure,
  type CompiledProcedure,
  type DossierContext,
  type DossierEvent,
} from './compile/compileProcedure.ts';
export {
  startDossier,
  applyEvent,
  acceptedEvents,
  eventOffers,
  isApplicantEvent,
  eventName,
  procedureGraph,
  type DossierInput,
  type ExecutorOptions,
} from './execute/executor.ts';
export type {
  DossierSnapshot,
  Effect,
  Transition,
  ClockState,
  ActiveStep,
} from './execute/dossierSnapshot.ts';
export { EngineError } from './errors.ts';
export { pauseReasonOf, pauseStatusText, pauseLookupText } from './execute/pauseReasons.ts';
export {
  computeFees,
  formatVnd,
  type FeeItem,
  type FeeRule,
  type FeeSummary,
} from './fees/computeFees.ts';
export {
  procedureMetrics,
  type MetricParams,
  type ProcedureMetrics,
} from './metrics/procedureMetrics.ts';
export {
  diffProcedures,
  SIMPLIFICATION_METRICS,
  type Change,
  type MetricName,
  type ProcedureDiff,
} from './diff/diffProcedures.ts';
export { formatProcedure } from './canonical/formatProcedure.ts';
export { procedureVersion, sortedJson } from './canonical/procedureVersion.ts';
export {
  procedureJsonSchema,
  type Procedure,
  type StateNodeConfig,
  type MachineConfig,
  type TransitionConfig,
  type StepMeta,
  type Fee,
  type FeeCompute,
} from './format/procedureSchema.ts';
export { UnitCatalogSchema, type UnitCatalog } from './format/unitCatalog.ts';
export { validateUnitCatalog, unitSubtree } from './validate/validateUnitCatalog.ts';
export type {
  LocalizedText,
  WorkingTime,
  Channel,
  Outcome,
  PauseReason,
} from './format/primitives.ts';
export { standardEvents, isStandardEvent, reasonRequiredEvents } from './registry/events.ts';
export { needsReason, checkEventData, formProblems } from './execute/eventData.ts';
export { guardLabels, guardParamSchemas, evaluateGuard, type Guard } from './registry/guards.ts';
export { describeGuard } from './registry/describeGuard.ts';
export { actionLabels, slipTitles, type Action, type SlipKind } from './registry/actions.ts';
export * from './calendar/index.ts';
export {
  replayScenario,
  replayScenarioFile,
  validateScenarioFile,
  type ScenarioFailure,
} from './scenarios/replayScenario.ts';
export {
  ScenarioFileSchema,
  type Scenario,
  type ScenarioFile,
} from './scenarios/scenarioSchema.ts';
export { locatePointer } from './validate/locate.ts';
export {
  procedureTemplate,
  templateUnits,
  type TemplateOptions,
} from './format/procedureTemplate.ts';
export { receptionForm, resultDeliveryOf, type ResultDelivery } from './format/receptionForm.ts';
export { formatNumber } from './format/numbers.ts';
export {
  DATE_AFTER_TODAY_VI,
  dateLimitProblems,
  MAX_DATE_KEYWORD,
  notAfterTodayFields,
  vietnamDate,
  type DateLimitProblem,
} from './format/dateLimits.ts';
export type { ResultDocumentSpec, ResultField } from './format/resultDocument.ts';
export { foldDiacritics } from './text/foldDiacritics.ts';
