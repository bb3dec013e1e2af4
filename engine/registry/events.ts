import type { LocalizedText } from '../format/primitives.ts';

/**
 * The standard events of the one-stop workflow, with their Vietnamese names. A procedure may
 * declare more in its `events` map; every event used in the machine must be one or the other.
 */
export const standardEvents = {
  ACCEPT: { vi: 'Tiếp nhận hồ sơ', en: 'Accept the dossier' },
  REQUEST_SUPPLEMENT: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  SUPPLEMENT: { vi: 'Nộp bổ sung hồ sơ', en: 'Supplement submitted' },
  REFUSE: { vi: 'Từ chối giải quyết', en: 'Refuse' },
  FORWARD: { vi: 'Chuyển xử lý', en: 'Forward' },
  PROPOSE: { vi: 'Trình phê duyệt', en: 'Submit for approval' },
  APPROVE: { vi: 'Phê duyệt', en: 'Approve' },
  SEND_BACK: { vi: 'Trả lại xử lý lại', en: 'Send back' },
  SIGN: { vi: 'Ký duyệt', en: 'Sign' },
  ISSUE: { vi: 'Vào sổ, đóng dấu, phát hành', en: 'Register, stamp and issue' },
  RETURN_RESULT: { vi: 'Trả kết quả', en: 'Return the result' },
  WITHDRAW: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  STOP: { vi: 'Dừng xử lý', en: 'Stop processing' },
  EXTEND: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apologise and extend' },
  TRANSFER: { vi: 'Chuyển liên thông', en: 'Transfer to another agency' },
  COMPLETE: { vi: 'Hoàn thành', en: 'Complete' },
} as const satisfies Record<string, LocalizedText>;

/** A standard event name. */
export type StandardEvent = keyof typeof standardEvents;

/** Whether a name is one of the standard events. */
export function isStandardEvent(name: string): name is StandardEvent {
  return Object.prototype.hasOwnProperty.call(standardEvents, name);
}

/**
 * Standard events that must carry a reason (the officer's note): the law asks the agency to say
 * why it refuses, sends back, stops, asks for a supplement or apologises, and the slip says it.
 */
export const reasonRequiredEvents: ReadonlySet<string> = new Set([
  'REQUEST_SUPPLEMENT',
  'REFUSE',
  'SEND_BACK',
  'STOP',
  'EXTEND',
]);
