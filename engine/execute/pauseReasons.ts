import type { LocalizedText, PauseReason } from '../format/primitives.ts';
import type { DossierSnapshot } from './dossierSnapshot.ts';

/** What a dossier paused for each reason reads, to officers and in the citizen's lookup. */
export const pauseStatusText: Record<PauseReason, LocalizedText & { en: string }> = {
  supplement: { vi: 'Chờ bổ sung hồ sơ', en: 'Waiting for a supplement' },
  payment: {
    vi: 'Chờ thực hiện nghĩa vụ tài chính',
    en: 'Waiting for the financial obligation to be paid',
  },
  fixing: {
    vi: 'Chờ khắc phục theo yêu cầu sau kiểm tra',
    en: 'Waiting for fixes after the inspection',
  },
  collect: { vi: 'Chờ công dân nhận kết quả', en: 'Waiting for the citizen to collect the result' },
  other: { vi: 'Tạm dừng tính thời hạn theo quy định', en: 'Legal clock paused as the law allows' },
};

/** What the citizen's lookup says the dossier waits for (what they must do). */
export const pauseLookupText: Record<PauseReason, LocalizedText & { en: string }> = {
  supplement: {
    vi: 'Hồ sơ cần bổ sung, hoàn thiện theo phiếu yêu cầu',
    en: 'The dossier needs the supplement named in the request',
  },
  payment: {
    vi: 'Đề nghị thực hiện nghĩa vụ tài chính (phí, lệ phí, thuế) theo thông báo',
    en: 'Please pay the fee, levy or tax as notified',
  },
  fixing: {
    vi: 'Đề nghị khắc phục các nội dung theo biên bản kiểm tra',
    en: 'Please fix what the inspection report lists',
  },
  collect: {
    vi: 'Kết quả đã có, đề nghị đến nhận',
    en: 'The result is ready to be collected',
  },
  other: {
    vi: 'Hồ sơ tạm dừng tính thời hạn theo quy định',
    en: 'The legal time is paused as the law allows',
  },
};

/**
 * Why an active dossier waits for the citizen, or undefined when it does not: the reason of a
 * waiting step, else of the clock's pause. A wait with no declared reason is a supplement.
 */
export function pauseReasonOf(snapshot: DossierSnapshot): PauseReason | undefined {
  if (snapshot.status !== 'active') return undefined;
  const waiting = Object.values(snapshot.steps).find((s) => s.waiting);
  if (waiting) return waiting.pause ?? 'supplement';
  if (snapshot.clock.status === 'paused')
    return snapshot.clock.pauses.at(-1)?.reason ?? 'supplement';
  return undefined;
}
