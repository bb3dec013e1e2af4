/**
 * The working-time calendar (lịch làm việc): Vietnamese lunar calendar, public holidays by rule,
 * official yearly schedules, office hours, and legal deadline arithmetic.
 */
export { appointmentDate, resumeDeadline } from './appointmentDate.ts';
export type { LegalTime, SupplementPause, SupplementPolicy } from './appointmentDate.ts';
export { CalendarError, SUPPORTED_YEARS } from './calendarError.ts';
export type { CalendarErrorCode } from './calendarError.ts';
export { parseCalendarFile } from './calendarFile.ts';
export type {
  CalendarFileOptions,
  CalendarFileResult,
  CalendarSchedule,
  ScheduleDocument,
} from './calendarFile.ts';
export { classifyTimeliness } from './classifyTimeliness.ts';
export type {
  OpenTimeliness,
  ResolvedTimeliness,
  Timeliness,
  TimelinessInput,
} from './classifyTimeliness.ts';
export { dayInfo, isWorkingDay, specialDays } from './dayInfo.ts';
export type { DayInfo, DayOffInfo, WorkingDayInfo } from './dayInfo.ts';
export type { DayOff, DayOffKind, SwappedWorkingDay } from './dayOff.ts';
export { DEFAULT_WORK_WEEK, forecastDaysOff, nationalDayAdjacent } from './holidays.ts';
export type { ForecastDayOff } from './holidays.ts';
export { localDateOf } from './localDate.ts';
export type { ClockTime, LocalDate } from './localDate.ts';
export { lunarToSolar, solarToLunar } from './lunar.ts';
export type { LunarDate } from './lunar.ts';
export { DEFAULT_OFFICE_HOURS } from './officeHours.ts';
export type { OfficePeriod } from './officeHours.ts';
export { createCalendar } from './workingCalendar.ts';
export type { CalendarOptions, WorkingCalendar } from './workingCalendar.ts';
export {
  addCalendarDays,
  addWorkingTime,
  nextWorkingInstant,
  workingTimeBetween,
} from './workingTime.ts';
export type { WorkingTime } from './workingTime.ts';
