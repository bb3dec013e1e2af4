import {
  SIMPLIFICATION_METRICS,
  type MetricName,
  type ProcedureMetrics,
} from '../../../../engine/index.ts';
import { formatHours, formatNumber, formatVnd } from '../../i18n/format.ts';
import type { Lang, Strings } from '../../i18n/strings.ts';

/** The metrics a simplification proposal reports: the engine's list, which its diff compares. */
export const METRICS = SIMPLIFICATION_METRICS;

export type { MetricName };

/** A metric's value as officers write it (days and hours, đồng, counts). */
export function formatMetric(
  name: MetricName | 'citizenHours' | 'hourlyIncomeVnd' | 'applicantsPerYear',
  value: number,
  s: Strings,
  lang: Lang,
): string {
  switch (name) {
    case 'legalHours':
    case 'criticalPathHours':
      return formatHours(value, s, lang);
    case 'citizenHours':
      return s.hoursShort.replace('{n}', formatNumber(value, lang));
    case 'feesVnd':
    case 'costPerDossierVnd':
    case 'costPerYearVnd':
    case 'hourlyIncomeVnd':
      return formatVnd(value, s, lang);
    default:
      return formatNumber(value, lang);
  }
}

/** The label of a metric. */
export function metricLabel(
  name: MetricName | 'citizenHours' | 'hourlyIncomeVnd' | 'applicantsPerYear',
  s: Strings,
): string {
  return s[`metric_${name}`];
}

/** The value of a metric in a metrics object. */
export function metricValue(m: ProcedureMetrics, name: MetricName): number {
  return m[name];
}
