import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { paymentApi, type PaymentStatus } from '../../api/citizen.ts';
import { ApiError } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/dossiers.ts';
import { formatDateTime, formatVnd } from '../../i18n/format.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { FeeTable, methodText } from './PaymentPanel.tsx';
import './citizen.css';

/**
 * The desk's view of a dossier's fees on the dossier page: the amount due computed from the
 * e-form, the receipts, and — while the dossier waits for the fee — recording the payment, which
 * ends the pause. Hidden for a procedure without fees or payments.
 */
export function OfficePaymentPanel({
  dossierId,
  version,
  onChanged,
}: {
  dossierId: string;
  /** The dossier's version: the panel reloads when the dossier moves. */
  version: number;
  onChanged: () => void;
}) {
  const { s, f, lang } = useI18n();
  const [status, setStatus] = useState<PaymentStatus | undefined>(undefined);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<'desk' | 'transfer'>('desk');
  const [transaction, setTransaction] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const key = useRef(newIdempotencyKey());
  // setState only after the answer (never synchronously inside the effect).
  const fetchStatus = useCallback(
    () =>
      paymentApi.status(dossierId).then(
        (next) => {
          setStatus(next);
          setAmount(next.dueVnd > 0 ? String(next.dueVnd) : '');
        },
        () => setError(s.payLoadError),
      ),
    [dossierId, s.payLoadError],
  );
  useEffect(() => {
    void fetchStatus();
  }, [fetchStatus, version]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await paymentApi.record(
        dossierId,
        {
          amountVnd: Number(amount),
          method,
          ...(transaction.trim() ? { transactionId: transaction.trim() } : {}),
        },
        key.current,
      );
      key.current = newIdempotencyKey();
      setMessage(f(s.payRecorded, { no: r.payment.receiptNo }));
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!status || (status.fees.items.length === 0 && status.payments.length === 0))
    return error ? <ErrorAlert message={error} /> : null;
  return (
    <section className="card office-payment" aria-labelledby="sec-payment">
      <h2 id="sec-payment">{s.payTitle}</h2>
      <FeeTable status={status} />
      {message ? (
        <p className="alert alert-ok" role="status">
          {message}
        </p>
      ) : null}
      {status.payments.length > 0 ? (
        <ul className="receipts">
          {status.payments.map((p) => (
            <li key={p.id}>
              <a href={paymentApi.receiptUrl(dossierId, p.id)} download>
                {f(s.payReceiptDownload, { no: p.receiptNo })}
              </a>
              <div className="muted small">
                {formatVnd(p.amountVnd, s, lang)} · {methodText(p.method, s)} ·{' '}
                {formatDateTime(p.paidAt, lang)}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {status.waiting ? (
        <form onSubmit={submit}>
          <h3>{s.payRecordTitle}</h3>
          <div className="field">
            <label htmlFor="pay-amount">{s.payRecordAmount}</label>
            <input
              id="pay-amount"
              type="number"
              min={1}
              step={1}
              required
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="pay-method">{s.payRecordMethod}</label>
            <select
              id="pay-method"
              value={method}
              onChange={(e) => setMethod(e.target.value as 'desk' | 'transfer')}
            >
              <option value="desk">{s.payMethodDesk}</option>
              <option value="transfer">{s.payMethodTransfer}</option>
            </select>
          </div>
          {method === 'transfer' ? (
            <div className="field">
              <label htmlFor="pay-transaction">{s.payRecordTransaction}</label>
              <input
                id="pay-transaction"
                value={transaction}
                maxLength={100}
                onChange={(e) => setTransaction(e.target.value)}
              />
            </div>
          ) : null}
          <ErrorAlert message={error} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? s.working : s.payRecordSubmit}
          </button>
        </form>
      ) : null}
    </section>
  );
}
