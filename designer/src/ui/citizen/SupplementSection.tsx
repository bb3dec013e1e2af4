import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { citizenApi, newUploadKey } from '../../api/citizen.ts';
import { fill } from '../../i18n/strings.ts';
import { ErrorAlert } from '../controls.tsx';
import { FORM_WIDGETS } from '../forms/DateInput.tsx';
import { useI18n } from '../I18n.tsx';
import { localizeFormErrors } from '../office/formErrors.ts';
import { CitizenDocuments, type CitizenUpload } from './CitizenDocuments.tsx';
import type { DossierSectionProps } from './dossierSections.tsx';

/** Only the fields the citizen changed (the server merges them into the dossier's data). */
function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v)),
  );
}

/**
 * The online supplement: the missing documents and corrected fields of the declaration, checked
 * by the server as any event's data; the dossier then returns to the step the procedure says.
 */
export function SupplementSection({ dossier, code, secret, onChanged }: DossierSectionProps) {
  const { s, t } = useI18n();
  const sup = dossier.supplement!;
  const [data, setData] = useState<Record<string, unknown>>(sup.data);
  const [uploads, setUploads] = useState<CitizenUpload[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [uploadKey] = useState(newUploadKey);
  const formRef = useRef<Form>(null);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (formRef.current && !formRef.current.validateForm()) return;
    setBusy(true);
    setError(undefined);
    try {
      const diff = changed(sup.data, data);
      onChanged(
        await citizenApi.supplement(code, {
          secret,
          ...(Object.keys(diff).length > 0 ? { data: diff } : {}),
          uploads: uploads.map((u) => ({ uploadId: u.uploadId, document: u.document })),
          uploadKey,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const problems =
          (err.details as { problems?: { path: string; message: string }[] } | undefined)
            ?.problems ?? [];
        setError(
          fill(s.submitInvalid, {
            fields: problems.map((p) => `${p.path}: ${p.message}`).join('; ') || err.message,
          }),
        );
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card citizen-supplement" aria-labelledby="dossier-supplement">
      <h2 id="dossier-supplement">{s.dossierSupplement}</h2>
      {sup.reason ? (
        <p className="alert alert-warn">
          {s.dossierReason}: {sup.reason}
        </p>
      ) : null}
      <p className="muted">{s.dossierSupplementIntro}</p>
      <ul className="plain">
        {sup.documents.map((d) => (
          <li key={d.id}>
            {t(d.name)}:{' '}
            <span className={d.present ? 'upload-ok' : 'upload-missing'}>
              {d.present ? s.dossierPresent : s.dossierMissing}
            </span>
          </li>
        ))}
      </ul>
      <CitizenDocuments
        documents={sup.documents.map((d) => ({ ...d, required: d.required && !d.present }))}
        uploads={uploads}
        uploadKey={uploadKey}
        onChange={setUploads}
      />
      <form onSubmit={send}>
        {sup.form ? (
          <div className="eform citizen-eform">
            <h3>{t(sup.form.title)}</h3>
            <Form
              ref={formRef}
              schema={sup.form.schema as RJSFSchema}
              validator={validator}
              widgets={FORM_WIDGETS}
              formData={data}
              onChange={(ev) => setData((ev.formData ?? {}) as Record<string, unknown>)}
              showErrorList={false}
              noHtml5Validate
              transformErrors={(errors) => localizeFormErrors(errors, s)}
              tagName="div"
            >
              <></>
            </Form>
          </div>
        ) : null}
        <ErrorAlert message={error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? s.working : s.dossierSupplementSend}
        </button>
      </form>
    </section>
  );
}
