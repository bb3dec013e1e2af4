import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import type { Procedure } from '../../../../engine/index.ts';
import { ApiError, apiErrorText } from '../../api/client.ts';
import {
  dossierApi,
  newIdempotencyKey,
  type AvailableEvent,
  type DossierDetail,
  type EventRequest,
} from '../../api/dossiers.ts';
import { guardFields } from '../../model/guardFields.ts';
import { Dialog, DialogButtons, ErrorAlert } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { DocumentChecklist } from './DocumentChecklist.tsx';

/**
 * Events whose slip or record must say why (a refusal, a supplement request, a send-back, a stop,
 * an apology): the officer cannot send them without a reason.
 */
const REASON_REQUIRED: ReadonlySet<string> = new Set([
  'REFUSE',
  'REQUEST_SUPPLEMENT',
  'SEND_BACK',
  'STOP',
  'EXTEND',
]);

/** A typed value from what an officer typed: numbers and yes/no as the conditions compare them. */
function typed(text: string): unknown {
  const v = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

/** What an event needs, asked before it is sent: a reason, the documents brought, its data. */
export function EventDialog({
  dossier,
  event,
  onClose,
  onSent,
}: {
  dossier: DossierDetail;
  event: AvailableEvent;
  onClose: () => void;
  /** Called after the server applied the event (`conflict` when the dossier had moved on). */
  onSent: (outcome: { ok: true } | { ok: false; message: string }) => void;
}) {
  const { s, t, lang } = useI18n();
  const procedure: Procedure = dossier.definition;
  // One key per opening of the dialog: a retry after a network failure is applied once.
  const [key] = useState(newIdempotencyKey);
  const [note, setNote] = useState('');
  const [docs, setDocs] = useState<ReadonlySet<string>>(new Set());
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>(undefined);
  const queryClient = useQueryClient();
  const sending = useMutation({
    mutationFn: (body: EventRequest) => dossierApi.send(dossier.id, body, key),
    onSuccess: () => {
      // The inbox's rows (step, due time, status) moved with the dossier.
      void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
      onSent({ ok: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && (err.code === 'version-conflict' || err.status === 409)) {
        onSent({
          ok: false,
          message: err.code === 'version-conflict' ? s.staleVersion : apiErrorText(err, lang),
        });
      } else if (err instanceof ApiError && err.status === 403) {
        setError(s.forbiddenEvent);
      } else {
        setError(apiErrorText(err, lang));
      }
    },
  });
  const busy = sending.isPending;
  const [touched, setTouched] = useState(false);

  const needsReason = REASON_REQUIRED.has(event.type);
  const missingDocs = useMemo(
    () =>
      event.type === 'SUPPLEMENT'
        ? procedure.documents.filter((d) => !dossier.documents.includes(d.id))
        : [],
    [event.type, procedure, dossier.documents],
  );
  const dataFields = useMemo(
    () => guardFields(procedure).event.get(event.type) ?? [],
    [procedure, event.type],
  );
  const reasonMissing = needsReason && note.trim() === '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (reasonMissing) return;
    setError(undefined);
    const data = Object.fromEntries(
      dataFields.filter((f) => fields[f]?.trim()).map((f) => [f, typed(fields[f]!)]),
    );
    sending.mutate({
      type: event.type,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(docs.size > 0 ? { documents: [...docs] } : {}),
      ...(Object.keys(data).length > 0 ? { data } : {}),
      expectedVersion: dossier.version,
    });
  };

  const formId = `event-form-${event.type}`;
  return (
    <Dialog
      title={t(event.name)}
      onClose={onClose}
      actions={<DialogButtons label={t(event.name)} busy={busy} onCancel={onClose} form={formId} />}
    >
      <form id={formId} onSubmit={submit} noValidate>
        <p className="muted small">
          {dossier.code} · {dossier.applicant.name}
        </p>
        {missingDocs.length > 0 ? (
          <fieldset className="checks">
            <legend>{s.supplementDocs}</legend>
            <DocumentChecklist documents={missingDocs} checked={docs} onChange={setDocs} />
          </fieldset>
        ) : null}
        {dataFields.length > 0 ? (
          <fieldset>
            <legend>{s.eventDetails}</legend>
            {dataFields.map((f) => (
              <div className="field" key={f}>
                <label htmlFor={`${formId}-${f}`}>{f}</label>
                <input
                  id={`${formId}-${f}`}
                  value={fields[f] ?? ''}
                  onChange={(e) => setFields({ ...fields, [f]: e.target.value })}
                />
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor={`${formId}-note`}>
            {event.type === 'REQUEST_SUPPLEMENT'
              ? s.supplementWhat
              : needsReason
                ? s.reasonLabel
                : s.noteOptional}
          </label>
          <textarea
            id={`${formId}-note`}
            rows={4}
            value={note}
            aria-invalid={touched && reasonMissing}
            onChange={(e) => setNote(e.target.value)}
          />
          {touched && reasonMissing ? (
            <div className="hint hint-error">{s.reasonRequired}</div>
          ) : null}
        </div>
        <ErrorAlert message={error} />
      </form>
    </Dialog>
  );
}
