import { citizenApi, type PaymentRecord, type PaymentStatus } from '../../api/citizen.ts';
import { formatDateTime, formatVnd } from '../../i18n/format.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { useCitizenPayment } from './citizenQueries.ts';
import './citizen.css';

/** The fees of a dossier, what is paid, and what is left (shared by the citizen and the desk). */
export function FeeTable({ status }: { status: PaymentStatus }) {
  const { s, t, lang } = useI18n();
  const vnd = (n: number) => formatVnd(n, s, lang);
  return (
    <table className="fee-table">
      <thead>
        <tr>
          <th scope="col">{s.payItem}</th>
          <th scope="col" className="num">
            {s.payAmount}
          </th>
        </tr>
      </thead>
      <tbody>
        {status.fees.items.map((item, i) => (
          <tr key={i}>
            <td>
              {t(item.name)}
              <div className="muted small">{lang === 'en' ? item.basis.en : item.basis.vi}</div>
            </td>
            <td className="num">
              {item.amountVnd === null ? s.payUndetermined : vnd(item.amountVnd)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{s.payTotal}</th>
          <td className="num">{vnd(status.fees.totalVnd)}</td>
        </tr>
        {status.paidVnd > 0 ? (
          <tr>
            <th scope="row">{s.payPaid}</th>
            <td className="num">{vnd(status.paidVnd)}</td>
          </tr>
        ) : null}
        <tr className="fee-due">
          <th scope="row">{s.payDue}</th>
          <td className="num">
            <strong>{vnd(status.dueVnd)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The method of a payment in words. */
export function methodText(method: PaymentRecord['method'], s: ReturnType<typeof useI18n>['s']) {
  return method === 'desk'
    ? s.payMethodDesk
    : method === 'transfer'
      ? s.payMethodTransfer
      : s.payMethodProvider;
}

/**
 * The citizen's fees (phí, lệ phí) on the lookup page: the amount due computed from the form,
 * the VietQR code to pay by bank transfer while the dossier waits for the fee, and the receipts
 * (biên lai) to download. Hidden for a procedure without fees or payments.
 */
export function PaymentPanel({ code, secret }: { code: string; secret: string }) {
  const { s, f, lang } = useI18n();
  const { data: status, isError, refetch, isRefetching: busy } = useCitizenPayment(code, secret);
  const refresh = () => void refetch();

  if (isError) return <ErrorAlert message={s.payLoadError} />;
  if (!status || (status.fees.items.length === 0 && status.payments.length === 0)) return null;
  const transfer = status.transfer;
  return (
    <section className="card citizen-card" aria-labelledby="pay-title">
      <h2 id="pay-title">{s.payTitle}</h2>
      {status.waiting ? <p className="alert alert-wait">{s.payWaiting}</p> : null}
      <FeeTable status={status} />
      {status.waiting && transfer && status.qrSvg ? (
        <div className="vietqr">
          <h3>{s.payQrTitle}</h3>
          <img
            className="vietqr-code"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(status.qrSvg)}`}
            alt={f(s.payQrAlt, {
              amount: formatVnd(transfer.amountVnd, s, lang),
              account: transfer.accountNumber,
            })}
            width={240}
            height={240}
          />
          <p className="muted small">{s.payQrHelp}</p>
          <dl className="facts">
            <dt>{s.payAccountName}</dt>
            <dd>{transfer.accountName || '—'}</dd>
            <dt>{s.payAccount}</dt>
            <dd className="code">{transfer.accountNumber}</dd>
            <dt>{s.payBank}</dt>
            <dd className="code">{transfer.bankBin}</dd>
            <dt>{s.payAmount}</dt>
            <dd>
              <strong>{formatVnd(transfer.amountVnd, s, lang)}</strong>
            </dd>
            <dt>{s.payPurpose}</dt>
            <dd className="code">{transfer.purpose}</dd>
          </dl>
          <button type="button" className="btn btn-block" disabled={busy} onClick={refresh}>
            {busy ? s.working : s.payRefresh}
          </button>
        </div>
      ) : status.waiting ? (
        <p>{s.payNoTransfer}</p>
      ) : null}
      {status.payments.length > 0 ? (
        <>
          <h3>{s.payReceipts}</h3>
          <ul className="receipts">
            {status.payments.map((p) => (
              <li key={p.id}>
                <a href={citizenApi.receiptUrl(code, p.receiptNo, secret)} download>
                  {f(s.payReceiptDownload, { no: p.receiptNo })}
                </a>
                <div className="muted small">
                  {formatVnd(p.amountVnd, s, lang)} · {methodText(p.method, s)} ·{' '}
                  {formatDateTime(p.paidAt, lang)}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
