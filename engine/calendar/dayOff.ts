import type { LocalizedText } from '../format/primitives.ts';
import type { LocalDate } from './localDate.ts';

/**
 * Why a day that would be worked is off:
 * - `holiday`: a public holiday (ngày nghỉ lễ, Tết) of Labour Code 2019 Art. 112;
 * - `compensatory`: a compensatory day off (nghỉ bù) for a holiday that fell on a weekend;
 * - `swapped`: a working day given off in exchange for a weekend day worked (hoán đổi, làm bù).
 */
export type DayOffKind = 'holiday' | 'compensatory' | 'swapped';

/** One day off in a yearly schedule, official or forecast. */
export interface DayOff {
  readonly date: LocalDate;
  readonly kind: DayOffKind;
  readonly name: LocalizedText;
}

/** A weekend day worked (ngày làm bù) to pay for a swapped day off. */
export interface SwappedWorkingDay {
  readonly date: LocalDate;
  /** The working day given off in exchange. */
  readonly replaces: LocalDate;
  readonly name: LocalizedText;
}
