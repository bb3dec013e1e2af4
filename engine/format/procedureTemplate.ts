import type { Procedure } from './procedureSchema.ts';
import type { LocalizedText } from './primitives.ts';
import type { UnitCatalog } from './unitCatalog.ts';

/** Choices for a new procedure made from the template. */
export interface TemplateOptions {
  readonly name?: string;
  readonly level?: string;
  /** Units of the one-stop desk, the competent specialist and the signing leader. */
  readonly units?: { readonly desk: string; readonly specialist: string; readonly leader: string };
  /** The competent agency (the signing leader's unit). */
  readonly agency?: LocalizedText;
}

/**
 * Units of a level for the template, from the catalog: its one-stop desk, the leader (the unit
 * the desk belongs to, e.g. the People's Committee) and a specialist unit under the leader, with
 * the leader's name as the agency. Undefined when the level has no one-stop desk.
 */
export function templateUnits(
  catalog: UnitCatalog,
  level: string,
): Pick<TemplateOptions, 'units' | 'agency'> | undefined {
  const atLevel = catalog.units.filter((u) => u.level === level);
  const desk = atLevel.find((u) => u.oneStop);
  const others = atLevel.filter((u) => !u.oneStop && u.id !== 'cong-dan');
  if (!desk || others.length === 0) return undefined;
  // The leader is the People's Committee the desk belongs to; the specialist a unit under it.
  const leader =
    others.find((u) => u.id === desk.parent) ??
    others.find((u) => !u.parent || !atLevel.some((a) => a.id === u.parent)) ??
    others[others.length - 1]!;
  const specialist =
    others.find((u) => u !== leader && u.parent === leader.id) ??
    others.find((u) => u !== leader) ??
    leader;
  return {
    units: { desk: desk.id, specialist: specialist.id, leader: leader.id },
    agency: leader.name,
  };
}

const withdraw = {
  vi: 'Hồ sơ đã được rút theo đề nghị của người nộp.',
  en: 'The dossier was withdrawn at the applicant’s request.',
};

/**
 * A new procedure that validates as it is: reception at the one-stop desk, specialist review,
 * signing leader, return of the result, with a supplement loop, refusal and withdrawal, and 5
 * working days split across the steps. Officers rename and refine it in the designer.
 */
export function procedureTemplate(id: string, options: TemplateOptions = {}): Procedure {
  const units = options.units ?? {
    desk: 'mot-cua-xa',
    specialist: 'tu-phap-xa',
    leader: 'ubnd-xa',
  };
  const refuse = {
    target: 'tuChoi',
    actions: [{ type: 'issueSlip' as const, params: { slip: 'refusal' as const } }],
  };
  return {
    $schema: './procedure.schema.json',
    id,
    name: { vi: options.name ?? 'Thủ tục mới', en: 'New procedure' },
    ...(options.agency ? { agency: options.agency } : {}),
    field: 'Chưa phân loại',
    level: options.level ?? 'commune',
    legalBasis: [],
    deadline: { workingDays: 5 },
    supplementPolicy: 'resume',
    fees: [],
    documents: [
      {
        id: 'donDeNghi',
        name: { vi: 'Đơn đề nghị', en: 'Application' },
        kind: 'form',
        copies: 1,
        required: true,
      },
    ],
    forms: [
      {
        id: 'donDeNghi',
        title: { vi: 'Đơn đề nghị', en: 'Application' },
        schema: {
          type: 'object',
          required: ['hoTen', 'soDinhDanh'],
          properties: {
            hoTen: { type: 'string', title: 'Họ, chữ đệm, tên người nộp', minLength: 2 },
            soDinhDanh: { type: 'string', title: 'Số định danh cá nhân', pattern: '^[0-9]{12}$' },
            soDienThoai: { type: 'string', title: 'Số điện thoại', pattern: '^(0|\\+84)[0-9]{9}$' },
          },
        },
      },
    ],
    onlineService: 'partial',
    machine: {
      id,
      initial: 'tiepNhan',
      on: {
        WITHDRAW: {
          target: `#${id}.rutHoSo`,
          actions: [{ type: 'notifyApplicant', params: { message: withdraw } }],
        },
      },
      states: {
        tiepNhan: {
          meta: {
            name: { vi: 'Tiếp nhận, kiểm tra hồ sơ', en: 'Receive and check' },
            unit: units.desk,
            role: 'reception',
            duration: { workingHours: 4 },
            form: 'donDeNghi',
            documents: ['donDeNghi'],
            citizenVisit: true,
            citizenHours: 1,
          },
          on: {
            ACCEPT: {
              target: 'xuLy',
              actions: [{ type: 'startClock' }, { type: 'issueSlip', params: { slip: 'receipt' } }],
            },
            REQUEST_SUPPLEMENT: {
              target: 'choBoSung',
              actions: [{ type: 'issueSlip', params: { slip: 'supplementRequest' } }],
            },
            REFUSE: refuse,
          },
        },
        choBoSung: {
          meta: {
            name: { vi: 'Chờ bổ sung hồ sơ', en: 'Waiting for a supplement' },
            unit: 'cong-dan',
            role: 'applicant',
            duration: { workingDays: 5 },
            clock: 'paused',
            citizenVisit: true,
            citizenHours: 1,
          },
          on: { SUPPLEMENT: { target: 'tiepNhan', actions: [{ type: 'recordSubmission' }] } },
        },
        xuLy: {
          meta: {
            name: { vi: 'Thẩm định hồ sơ', en: 'Review' },
            unit: units.specialist,
            role: 'specialist',
            duration: { workingDays: 3 },
          },
          on: { PROPOSE: { target: 'kyDuyet' }, REFUSE: refuse },
        },
        kyDuyet: {
          meta: {
            name: { vi: 'Lãnh đạo ký duyệt', en: 'Leader signs' },
            unit: units.leader,
            role: 'leader',
            duration: { workingDays: 1 },
          },
          on: { SIGN: { target: 'traKetQua' }, SEND_BACK: { target: 'xuLy' } },
        },
        traKetQua: {
          meta: {
            name: { vi: 'Trả kết quả', en: 'Return the result' },
            unit: units.desk,
            role: 'reception',
            duration: { workingHours: 4 },
            citizenVisit: true,
            citizenHours: 0.5,
          },
          on: {
            RETURN_RESULT: {
              target: 'hoanThanh',
              actions: [{ type: 'issueSlip', params: { slip: 'result' } }],
            },
          },
        },
        hoanThanh: {
          type: 'final',
          meta: { name: { vi: 'Đã trả kết quả', en: 'Result returned' }, outcome: 'approved' },
        },
        tuChoi: {
          type: 'final',
          meta: { name: { vi: 'Từ chối', en: 'Refused' }, outcome: 'refused' },
        },
        rutHoSo: {
          type: 'final',
          meta: { name: { vi: 'Rút hồ sơ', en: 'Withdrawn' }, outcome: 'withdrawn' },
        },
      },
    },
  };
}
