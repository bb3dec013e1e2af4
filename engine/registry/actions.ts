import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  Key,
  LocalizedText,
  Outcome,
  PauseReason,
  StringEnum,
  WorkingTime,
} from '../format/primitives.ts';

/** The slips (phiếu) the one-stop system issues, after TT 03/2025/TT-VPCP. */
export const SlipKind = StringEnum([
  'receipt',
  'supplementRequest',
  'refusal',
  'apology',
  'stopNotice',
  'control',
  'result',
  'reappointment',
]);
export type SlipKind = Static<typeof SlipKind>;

/** Vietnamese titles of the slips, as printed. */
export const slipTitles: Record<SlipKind, LocalizedText> = {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt and appointment' },
  supplementRequest: {
    vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    en: 'Request to supplement the dossier',
  },
  refusal: { vi: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ', en: 'Refusal' },
  apology: { vi: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
  stopNotice: { vi: 'Thông báo dừng xử lý hồ sơ', en: 'Notice to stop processing' },
  control: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Control slip' },
  result: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Result of the procedure' },
  reappointment: { vi: 'Phiếu hẹn trả kết quả mới', en: 'New appointment slip' },
};

/** Parameters of each action type: the registry of effects a procedure may request. */
export const actionParamSchemas = {
  issueSlip: Type.Object({ slip: SlipKind }, { additionalProperties: false }),
  notifyApplicant: Type.Object({ message: LocalizedText }, { additionalProperties: false }),
  notifyUnit: Type.Object(
    {
      unit: Type.String({ minLength: 1, maxLength: 100, description: 'The unit to notify' }),
      role: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      message: LocalizedText,
    },
    {
      additionalProperties: false,
      description: 'A notice to a unit (its bell), e.g. an escalation',
    },
  ),
  startClock: Type.Object({}, { additionalProperties: false }),
  pauseClock: Type.Object({ reason: Type.Optional(PauseReason) }, { additionalProperties: false }),
  resumeClock: Type.Object(
    { policy: Type.Optional(Type.Union([Type.Literal('resume'), Type.Literal('restart')])) },
    { additionalProperties: false },
  ),
  extendDeadline: Type.Object({ by: Type.Optional(WorkingTime) }, { additionalProperties: false }),
  extendLegalDeadline: Type.Object(
    { extension: Key },
    {
      additionalProperties: false,
      description: 'Apply a lawful extension declared in `lawfulExtensions` (not late)',
    },
  ),
  setOutcome: Type.Object({ outcome: Outcome }, { additionalProperties: false }),
  recordSubmission: Type.Object({}, { additionalProperties: false }),
} satisfies Record<string, TSchema>;

/** An action type name from the registry. */
export type ActionType = keyof typeof actionParamSchemas;

/** Human names of the action types, for the designer. */
export const actionLabels: Record<ActionType, LocalizedText> = {
  issueSlip: { vi: 'Phát hành phiếu', en: 'Issue a slip' },
  notifyApplicant: { vi: 'Thông báo cho người nộp', en: 'Notify the applicant' },
  notifyUnit: { vi: 'Thông báo cho đơn vị', en: 'Notify a unit' },
  startClock: { vi: 'Bắt đầu tính thời hạn', en: 'Start the legal clock' },
  pauseClock: { vi: 'Tạm dừng tính thời hạn', en: 'Pause the legal clock' },
  resumeClock: { vi: 'Tiếp tục tính thời hạn', en: 'Resume the legal clock' },
  extendDeadline: { vi: 'Gia hạn (xin lỗi, hẹn lại)', en: 'Extend (apology, new date)' },
  extendLegalDeadline: { vi: 'Gia hạn theo luật định', en: 'Lawful extension' },
  setOutcome: { vi: 'Ghi nhận kết quả', en: 'Set the outcome' },
  recordSubmission: { vi: 'Ghi nhận dữ liệu, giấy tờ nộp thêm', en: 'Record submitted data' },
};

/** An action on a transition or on entry/exit of a step, as data. */
export type Action = {
  [K in ActionType]: {
    readonly type: K;
    readonly params?: Static<(typeof actionParamSchemas)[K]>;
  };
}[ActionType];

/** The action definition placed in the schema's `$defs`: one branch per registered type. */
export const ActionSchema = Type.Unsafe<Action>({
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: Object.entries(actionParamSchemas).map(([type, params]) =>
    Type.Object(
      { type: Type.Literal(type), params: Type.Optional(params) },
      { additionalProperties: false },
    ),
  ),
});

/** Reference to an action definition in the procedure schema's `$defs`. */
export const ActionRef = Type.Unsafe<Action>({ $ref: '#/$defs/action' });

/** Actions whose params are required (the others may omit `params`). */
export const actionsRequiringParams: ReadonlySet<ActionType> = new Set([
  'issueSlip',
  'notifyApplicant',
  'notifyUnit',
  'setOutcome',
  'extendLegalDeadline',
]);
