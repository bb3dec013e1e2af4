import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { paymentApi } from '../../api/citizen.ts';
import { newIdempotencyKey } from '../../api/dossiers.ts';
import { formatDateTime, formatVnd } from '../../i18n/format.ts';
import { ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { useDossierPayment } from './citizenQueries.ts';
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
  const { data: status, isError } = useDossierPayment(dossierId, version);
  // The amount the officer typed; until then (and after each record) the amount due.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const [method, setMethod] = useState<'desk' | 'transfer'>('desk');
  const [transaction, setTransaction] = useState('');
  const [message, setMessage] = useState<string | undefined>(undefined);
  const key = useRef(newIdempotencyKey());
  const amount = typed ?? (status && status.dueVnd > 0 ? String(status.dueVnd) : '');
  const record = useMutation({
    mutationFn: () =>
      paymentApi.record(
        dossierId,
        {
          amountVnd: Number(amount),
          method,
          ...(transaction.trim() ? { transactionId: transaction.trim() } : {}),
        },
        key.current,
      ),
    onSuccess: (r) => {
      key.current = newIdempotencyKey();
      setTyped(undefined);
      setMessage(f(s.payRecorded, { no: r.payment.receiptNo }));
      // The dossier moves: its page reloads, and this panel with the new version.
      onChanged();
    },
  });
  const busy = record.isPending;
  const error = isError ? s.payLoadError : record.error ? record.error.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
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
              onChange={(e) => setTyped(e.target.value)}
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
