import { slipTitles } from '../../engine/index.ts';
import type { AppDeps } from '../http/context.ts';
import type { PDFDocument } from 'pdf-lib';
import { DocumentWriter } from './documentWriter.ts';
import { pdfFileName } from './issueResult.ts';
import { signPdf } from './signPdf.ts';
import { renderSlip, type DossierDetail, type PdfSlipKind } from './slipPdf.ts';
import { placeDate, placeOf, vnDateTime, vnWorkingTime } from './vnText.ts';

/** The Vietnamese name of a unit by id, read from the database. */
async function unitNames(deps: AppDeps): Promise<(id: string | null) => string> {
  const units = new Map(
    (await deps.db.selectFrom('units').select(['id', 'name_vi']).execute()).map((u) => [
      u.id,
      u.name_vi,
    ]),
  );
  return (u) => (u ? (units.get(u) ?? u) : '');
}

/** Sign a document with the unit's key when it has one (else save it unsigned). */
async function sealed(
  deps: AppDeps,
  doc: PDFDocument,
  d: DossierDetail,
  title: string,
  unitName: (id: string | null) => string,
  now: number,
): Promise<Uint8Array> {
  const unitKey = deps.signing.forUnit(d.unit);
  return unitKey
    ? await signPdf(
        doc,
        unitKey.signer,
        {
          name: unitKey.name,
          reason: `${title} — hồ sơ ${d.code}`,
          location: unitName(d.unit),
          contactInfo: deps.config.publicUrl,
        },
        new Date(now),
      )
    : await doc.save({ useObjectStreams: false });
}

/**
 * A slip of a dossier as a PDF file, signed with the unit's key when it has one; the receipt
 * prints the lookup secret only when the caller checked it.
 */
export async function slipPdfFile(
  deps: AppDeps,
  d: DossierDetail,
  slip: PdfSlipKind,
  secret: string | undefined,
  now: number,
): Promise<{ bytes: Uint8Array; name: string }> {
  const unitName = await unitNames(deps);
  const doc = await renderSlip(d, slip, {
    unitName,
    lookupUrl: `${deps.config.publicUrl}/tra-cuu`,
    ...(secret ? { secret } : {}),
    now,
  });
  const title = slipTitles[slip].vi;
  return {
    bytes: await sealed(deps, doc, d, title, unitName, now),
    name: pdfFileName(title, d.code),
  };
}

/** Title of the proof of an online submission (not yet the desk's receipt). */
export const SUBMISSION_RECEIPT_TITLE = 'Giấy xác nhận nộp hồ sơ trực tuyến';

/**
 * The proof of an online submission: what was sent and when, that the dossier waits for the
 * desk's acceptance (the legal clock starts then), and how to follow it with code and secret.
 */
export async function submissionReceiptFile(
  deps: AppDeps,
  d: DossierDetail,
  secret: string,
  now: number,
): Promise<{ bytes: Uint8Array; name: string }> {
  const unitName = await unitNames(deps);
  const unit = unitName(d.unit);
  const lookupUrl = `${deps.config.publicUrl}/tra-cuu`;
  const w = await DocumentWriter.create({
    title: SUBMISSION_RECEIPT_TITLE,
    dossierCode: d.code,
    kind: 'submission',
    author: unit,
    created: new Date(now),
  });
  w.heading(unit, `Mã hồ sơ: ${d.code}`, placeDate(placeOf(unit), d.receivedAt ?? now));
  w.title(SUBMISSION_RECEIPT_TITLE);
  w.paragraph(`${unit} đã nhận hồ sơ nộp trực tuyến của:`);
  w.paragraph(`Ông/Bà: ${d.applicant.name}`);
  if (d.applicant.phone) w.paragraph(`Số điện thoại: ${d.applicant.phone}`);
  if (d.applicant.email) w.paragraph(`Thư điện tử: ${d.applicant.email}`);
  w.paragraph(`Nội dung yêu cầu giải quyết: ${d.procedure.name.vi}`);
  w.paragraph(`Thời điểm nộp: ${vnDateTime(d.receivedAt)}`);
  const docs = d.definition.documents.filter((doc) => d.documents.includes(doc.id));
  if (docs.length > 0) {
    w.paragraph('Thành phần hồ sơ đã gửi:');
    docs.forEach((doc, i) => w.paragraph(`${i + 1}. ${doc.name.vi}`, { indent: 14 }));
  }
  w.paragraph(
    `Hồ sơ đang chờ bộ phận một cửa kiểm tra và tiếp nhận. Thời hạn giải quyết (${vnWorkingTime(d.definition.deadline)}) tính từ khi hồ sơ được tiếp nhận; hồ sơ nộp ngoài giờ hành chính hoặc ngày nghỉ được tính từ ngày làm việc tiếp theo.`,
  );
  w.paragraph(
    `Tra cứu, bổ sung hồ sơ và nhận kết quả tại ${lookupUrl} với mã hồ sơ ${d.code} và mã bí mật ${secret}. Giữ kín mã bí mật.`,
    { face: 'bold' },
  );
  w.qr(`${lookupUrl}?code=${encodeURIComponent(d.code)}`, `Tra cứu hồ sơ ${d.code}`);
  const doc = w.finish();
  return {
    bytes: await sealed(deps, doc, d, SUBMISSION_RECEIPT_TITLE, unitName, now),
    name: pdfFileName(SUBMISSION_RECEIPT_TITLE, d.code),
  };
}
