import { slipTitles, type SlipKind } from '../../engine/index.ts';
import type { dossierView } from '../http/dossierView.ts';
import { DocumentWriter } from './documentWriter.ts';
import { placeDate, placeOf, vnDateTime, vnWorkingTime } from './vnText.ts';

/** The dossier as the dossier page reads it. */
export type DossierDetail = Awaited<ReturnType<typeof dossierView>>;

/** The slips rendered as PDF (every kind but `result`, which has its own template). */
export type PdfSlipKind = Exclude<SlipKind, 'result'>;
export const PDF_SLIP_KINDS: readonly PdfSlipKind[] = [
  'receipt',
  'supplementRequest',
  'refusal',
  'apology',
  'stopNotice',
  'control',
  'reappointment',
];

/** What a slip needs besides the dossier. */
export interface SlipContext {
  /** Vietnamese name of a unit by id. */
  readonly unitName: (id: string | null) => string;
  /** The citizen's lookup page, e.g. `https://motcua.example.vn/tra-cuu`. */
  readonly lookupUrl: string;
  /** The receipt secret, when the desk printing the receipt still has it (checked by the caller). */
  readonly secret?: string;
  /** When the document is produced (server clock). */
  readonly now: number;
}

/** The event whose note gives a slip its reason. */
const REASON_EVENT: Partial<Record<SlipKind, string>> = {
  supplementRequest: 'REQUEST_SUPPLEMENT',
  refusal: 'REFUSE',
  apology: 'EXTEND',
  stopNotice: 'STOP',
};

const DOCUMENT_KIND: Record<string, string> = {
  original: 'bản chính',
  copy: 'bản sao',
  'certified-copy': 'bản sao chứng thực',
  'original-or-certified-copy': 'bản chính hoặc bản sao chứng thực',
  form: 'tờ khai',
};

function latestNote(d: DossierDetail, type: string | undefined): string | undefined {
  if (!type) return undefined;
  const event = [...d.history].reverse().find((h) => h.type === type);
  const note = (event?.payload as { note?: unknown } | undefined)?.note;
  return typeof note === 'string' && note.trim() ? note : undefined;
}

/** The latest slip of a kind issued for the dossier, if any (the control slip always exists). */
export function issuedSlip(d: DossierDetail, kind: PdfSlipKind) {
  return [...d.slips].reverse().find((x) => x.kind === kind);
}

/**
 * A one-stop slip as an A4 PDF (the forms of TT 03/2025/TT-VPCP, as the printed page shows them):
 * heading, title, the facts of the dossier, signatures, and a QR code to the citizen's lookup.
 */
export async function renderSlip(d: DossierDetail, slip: PdfSlipKind, ctx: SlipContext) {
  const issued = issuedSlip(d, slip);
  const at = issued?.issuedAt ?? new Date(ctx.now).toISOString();
  const unit = ctx.unitName(d.unit);
  const title = slipTitles[slip].vi;
  const w = await DocumentWriter.create({
    title,
    dossierCode: d.code,
    kind: slip,
    author: unit,
    created: new Date(ctx.now),
  });
  w.heading(unit, `Số: ${d.code}`, placeDate(placeOf(unit), at));
  w.title(title);
  const reason = issued?.reason ?? latestNote(d, REASON_EVENT[slip]);
  const procedure = d.procedure.name.vi;
  const applicant = () => w.paragraph(`Ông/Bà: ${d.applicant.name}`);
  switch (slip) {
    case 'receipt': {
      w.paragraph(`${unit} đã tiếp nhận hồ sơ của:`);
      applicant();
      if (d.applicant.idNumber) w.paragraph(`Số định danh cá nhân: ${d.applicant.idNumber}`);
      if (d.applicant.phone) w.paragraph(`Số điện thoại: ${d.applicant.phone}`);
      if (d.applicant.address) w.paragraph(`Địa chỉ: ${d.applicant.address}`);
      w.paragraph(`Nội dung yêu cầu giải quyết: ${procedure}`);
      w.paragraph('Thành phần hồ sơ nộp gồm:');
      const docs = d.definition.documents.filter((doc) => d.documents.includes(doc.id));
      docs.forEach((doc, i) =>
        w.paragraph(
          `${i + 1}. ${doc.name.vi} (${DOCUMENT_KIND[doc.kind] ?? doc.kind}, ${doc.copies} bản)`,
          { indent: 14 },
        ),
      );
      w.paragraph('Số lượng hồ sơ: 01 bộ');
      w.paragraph(
        `Thời gian giải quyết hồ sơ theo quy định là: ${vnWorkingTime(d.deadline.legal)}${d.deadline.variant ? ` (${d.deadline.variant.name.vi})` : ''}`,
      );
      w.paragraph(`Thời gian nhận hồ sơ: ${vnDateTime(d.clock.acceptedAt ?? d.receivedAt)}`);
      w.paragraph(
        `Thời gian trả kết quả giải quyết hồ sơ: ${vnDateTime(d.clock.originalDue ?? d.appointmentDate)}`,
        { face: 'bold' },
      );
      w.paragraph(`Nhận kết quả tại: ${unit}`);
      w.paragraph(
        ctx.secret
          ? `Tra cứu tình trạng hồ sơ tại ${ctx.lookupUrl} với mã hồ sơ ${d.code} và mã bí mật ${ctx.secret}.`
          : 'Mã bí mật tra cứu chỉ in trên giấy tiếp nhận lần đầu; bản in lại không có mã bí mật.',
        { face: 'italic', size: 12 },
      );
      break;
    }
    case 'supplementRequest': {
      applicant();
      w.paragraph(`Nội dung yêu cầu giải quyết: ${procedure}`);
      w.paragraph(
        'Sau khi xem xét thành phần hồ sơ của Ông/Bà, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      );
      const missing = d.definition.documents.filter(
        (doc) => doc.required && !d.documents.includes(doc.id),
      );
      const items = [...(reason ? [reason] : []), ...missing.map((doc) => doc.name.vi)];
      items.forEach((text, i) => w.paragraph(`${i + 1}. ${text}`, { indent: 14 }));
      w.paragraph(
        `Lý do: hồ sơ chưa đủ thành phần theo quy định. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${unit} để được hướng dẫn.`,
      );
      break;
    }
    case 'refusal':
    case 'stopNotice':
      applicant();
      w.paragraph(`Nội dung yêu cầu giải quyết: ${procedure}`);
      w.paragraph(
        slip === 'refusal'
          ? `Qua xem xét, ${unit} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do:`
          : `${unit} thông báo dừng xử lý hồ sơ của Ông/Bà với lý do:`,
      );
      w.paragraph(reason ?? '(không ghi lý do)', { indent: 14 });
      break;
    case 'apology':
      applicant();
      w.paragraph(`Nội dung yêu cầu giải quyết: ${procedure}`);
      w.paragraph(
        `Hồ sơ của Ông/Bà được tiếp nhận ngày ${vnDateTime(d.clock.acceptedAt ?? d.receivedAt)}, hẹn trả kết quả ngày ${vnDateTime(d.clock.originalDue ?? null)}. Vì lý do dưới đây, việc giải quyết hồ sơ quá thời hạn quy định. ${unit} xin lỗi Ông/Bà và hẹn trả kết quả vào ngày ${vnDateTime(issued?.due ?? d.appointmentDate)}.`,
      );
      w.paragraph(reason ?? '(không ghi lý do)', { indent: 14 });
      break;
    case 'reappointment':
      applicant();
      w.paragraph(`Nội dung yêu cầu giải quyết: ${procedure}`);
      w.paragraph(
        `Hồ sơ của Ông/Bà được tiếp nhận ngày ${vnDateTime(d.clock.acceptedAt ?? d.receivedAt)}. Ngày hẹn trả kết quả được điều chỉnh vì lý do dưới đây; ${unit} hẹn trả kết quả vào ngày:`,
      );
      w.paragraph(vnDateTime(issued?.due ?? d.appointmentDate), { face: 'bold', indent: 14 });
      w.paragraph(issued?.reason ?? '(không ghi lý do)', { indent: 14 });
      break;
    case 'control':
      w.paragraph(`Mã hồ sơ: ${d.code} · Người nộp: ${d.applicant.name}`);
      w.paragraph(`Nội dung yêu cầu giải quyết: ${procedure}`);
      w.paragraph(
        `Ngày nhận: ${vnDateTime(d.receivedAt)} · Hẹn trả: ${vnDateTime(d.appointmentDate)}`,
      );
      w.table(
        [
          { title: 'Bước', share: 3 },
          { title: 'Đơn vị', share: 2.2 },
          { title: 'Người thực hiện', share: 2 },
          { title: 'Nhận lúc', share: 1.6 },
          { title: 'Chuyển lúc', share: 1.6 },
          { title: 'Kết quả', share: 1.2 },
        ],
        d.controlSlip.map((r) => [
          r.name.vi,
          ctx.unitName(r.unit),
          r.actorName ?? r.actor ?? '',
          shortTime(r.from),
          shortTime(r.to),
          r.late ? 'Quá hạn' : 'Đúng hạn',
        ]),
      );
      break;
    default: {
      const never: never = slip;
      throw new Error(`unknown slip ${String(never)}`);
    }
  }
  w.space(10);
  const byOfficer = slip === 'receipt' || slip === 'supplementRequest' || slip === 'refusal';
  const officer = issued?.issuedByName ?? d.receivedBy ?? '';
  w.signatures([
    slip === 'receipt'
      ? { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: d.applicant.name }
      : null,
    {
      title: byOfficer ? 'NGƯỜI TIẾP NHẬN HỒ SƠ' : 'ĐẠI DIỆN CƠ QUAN',
      hint: '(Ký và ghi rõ họ tên)',
      ...(byOfficer ? { name: officer } : {}),
    },
  ]);
  const lookup = `${ctx.lookupUrl}?code=${encodeURIComponent(d.code)}`;
  w.qr(lookup, `Tra cứu tình trạng hồ sơ ${d.code}: quét mã QR hoặc truy cập ${ctx.lookupUrl}`);
  return w.finish();
}

/** "02/03 09:10" in Vietnam time, for the control slip's narrow columns. */
function shortTime(iso: string | null): string {
  if (!iso) return '—';
  return vnDateTime(iso).replace(
    /^(\d\d) giờ (\d\d) phút, [^,]+, ngày (\d\d\/\d\d)\/\d{4}$/,
    '$3 $1:$2',
  );
}
