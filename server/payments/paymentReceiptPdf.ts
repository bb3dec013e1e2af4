import { formatVnd, type FeeSummary } from '../../engine/index.ts';
import { DocumentWriter } from '../pdf/documentWriter.ts';
import { placeDate, placeOf, vnDateTime } from '../pdf/vnText.ts';
import type { PaymentView } from './paymentService.ts';

/** The Vietnamese title of the payment receipt. */
export const RECEIPT_TITLE = 'BIÊN LAI THU PHÍ, LỆ PHÍ';

const METHOD: Record<PaymentView['method'], string> = {
  desk: 'Nộp trực tiếp tại bộ phận một cửa',
  transfer: 'Chuyển khoản (cán bộ xác nhận)',
  provider: 'Chuyển khoản (VietQR, ngân hàng xác nhận)',
};

/**
 * The payment receipt (biên lai thu phí, lệ phí) of one payment as an A4 PDF: who paid what for
 * which dossier, the fees it settles and how, with a QR code to the citizen's lookup.
 */
export async function renderPaymentReceipt(input: {
  readonly unitName: string;
  readonly code: string;
  readonly applicant: string;
  readonly procedure: string;
  readonly payment: PaymentView;
  readonly fees: FeeSummary;
  readonly lookupUrl: string;
  readonly now: number;
}) {
  const { payment } = input;
  const w = await DocumentWriter.create({
    title: RECEIPT_TITLE,
    dossierCode: input.code,
    kind: 'paymentReceipt',
    author: input.unitName,
    created: new Date(input.now),
  });
  w.heading(
    input.unitName,
    `Số: ${payment.receiptNo}`,
    placeDate(placeOf(input.unitName), payment.paidAt),
  );
  w.title(RECEIPT_TITLE);
  w.field('Họ tên người nộp', input.applicant);
  w.field('Mã hồ sơ', input.code);
  w.field('Thủ tục', input.procedure);
  w.paragraph('Các khoản phí, lệ phí của hồ sơ:');
  w.table(
    [
      { title: 'Khoản thu', share: 4 },
      { title: 'Căn cứ tính', share: 4 },
      { title: 'Số tiền', share: 2 },
    ],
    input.fees.items.map((i) => [
      i.name.vi,
      i.basis.vi,
      i.amountVnd === null ? 'chưa xác định' : formatVnd(i.amountVnd),
    ]),
  );
  w.field('Số tiền đã nộp', formatVnd(payment.amountVnd));
  w.field('Hình thức', METHOD[payment.method]);
  if (payment.transactionId) w.field('Mã giao dịch', payment.transactionId);
  w.field('Thời điểm nộp', vnDateTime(payment.paidAt));
  w.space(10);
  w.signatures([
    { title: 'NGƯỜI NỘP TIỀN', hint: '(Ký và ghi rõ họ tên)', name: input.applicant },
    { title: 'ĐƠN VỊ THU', hint: '(Ký và ghi rõ họ tên)' },
  ]);
  const lookup = `${input.lookupUrl}?code=${encodeURIComponent(input.code)}`;
  w.qr(lookup, `Tra cứu hồ sơ ${input.code}: quét mã QR hoặc truy cập ${input.lookupUrl}`);
  return w.finish();
}
