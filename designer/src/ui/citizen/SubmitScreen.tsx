import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { citizenApi, citizenPdfUrl, newUploadKey, type Submitted } from '../../api/citizen.ts';
import { formatDate } from '../../i18n/format.ts';
import { fill } from '../../i18n/strings.ts';
import { usePageTitle } from '../a11y/pageTitle.ts';
import { ErrorAlert } from '../controls.tsx';
import { FORM_WIDGETS } from '../forms/DateInput.tsx';
import { useI18n } from '../I18n.tsx';
import { localizeFormErrors } from '../office/formErrors.ts';
import { solvePow } from '../office/solveChallenge.ts';
import { navigate } from '../useRoute.ts';
import { AppLink } from './CitizenApp.tsx';
import { CitizenDocuments, type CitizenUpload } from './CitizenDocuments.tsx';
import { usePublicProcedure } from './citizenQueries.ts';

type Step = 0 | 1 | 2 | 3;

interface Contact {
  name: string;
  phone: string;
  email: string;
  idNumber: string;
  address: string;
}

const PHONE = /^(0|\+84)[0-9]{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The server's 422 problems as "field: message" lines. */
function problemText(error: ApiError): string {
  const problems =
    (error.details as { problems?: { path: string; message: string }[] } | undefined)?.problems ??
    [];
  return problems.map((p) => `${p.path.replace(/^\/(data\/)?/, '')}: ${p.message}`).join('; ');
}

/**
 * Online submission (nộp hồ sơ trực tuyến) on a phone: the e-form (the desk's JSON Schema and
 * form components), the documents, the contact, a review; then a proof of work solved in the
 * browser and the submission. The code and the secret are shown once, with the PDF proof.
 */
export function SubmitScreen({ id }: { id: string }) {
  const { s, t, lang } = useI18n();
  const procedure = usePublicProcedure(id);
  const p = procedure.data;
  const [step, setStep] = useState<Step>(0);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [uploads, setUploads] = useState<CitizenUpload[]>([]);
  const [contact, setContact] = useState<Contact>({
    name: '',
    phone: '',
    email: '',
    idNumber: '',
    address: '',
  });
  const [touched, setTouched] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState<'checking' | 'sending' | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<Submitted | undefined>(undefined);
  const [uploadKey] = useState(newUploadKey);
  const formRef = useRef<Form>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(p ? fill(s.submitTitle, { name: t(p.name) }) : s.procedureSubmitOnline);

  useEffect(() => headingRef.current?.focus(), [step, done]);

  // Every document may be uploaded; a declaration (tờ khai) the e-form fills is not required as
  // a file (a signed scan may still be attached).
  const toUpload = useMemo(
    () =>
      p?.documents.map((d) => (d.kind === 'form' && p.form ? { ...d, required: false } : d)) ?? [],
    [p],
  );
  const missing = toUpload.filter((d) => d.required && !uploads.some((u) => u.document === d.id));
  const contactErrors = {
    name: contact.name.trim().length < 2,
    phone: !PHONE.test(contact.phone.trim()),
    email: !EMAIL.test(contact.email.trim()),
    idNumber: contact.idNumber.trim() !== '' && !/^[0-9]{12}$/.test(contact.idNumber.trim()),
  };
  const contactOk = !Object.values(contactErrors).some(Boolean);

  if (!p)
    return (
      <main className="citizen-main">
        {procedure.error ? (
          <ErrorAlert message={procedure.error.message} />
        ) : (
          <p className="muted">{s.loading}</p>
        )}
      </main>
    );
  if (p.onlineService === 'none')
    return (
      <main className="citizen-main">
        <h1>{t(p.name)}</h1>
        <p className="alert alert-error">{s.submitNotOnline}</p>
      </main>
    );

  if (done)
    return (
      <main className="citizen-main" aria-labelledby="done-title">
        <h1 id="done-title" ref={headingRef} tabIndex={-1}>
          {s.submitDone}
        </h1>
        <p>{s.submitDoneIntro}</p>
        <dl className="facts citizen-facts big">
          <dt>{s.submitCode}</dt>
          <dd className="code" data-testid="submitted-code">
            {done.code}
          </dd>
          <dt>{s.submitSecret}</dt>
          <dd className="code" data-testid="submitted-secret">
            {done.secret}
          </dd>
        </dl>
        <p className="alert alert-warn" role="note">
          {s.submitSecretOnce}
        </p>
        <a
          className="btn btn-primary btn-block"
          href={citizenPdfUrl(done.code, 'submission', done.secret)}
          download
        >
          {s.submitReceipt}
        </a>
        <button
          type="button"
          className="btn btn-block"
          onClick={() => {
            history.pushState(null, '', `/ho-so-truc-tuyen?code=${encodeURIComponent(done.code)}`);
            dispatchEvent(new PopStateEvent('popstate'));
          }}
        >
          {s.submitFollow}
        </button>
      </main>
    );

  const steps = [s.submitStepForm, s.submitStepDocuments, s.submitStepContact, s.submitStepReview];
  const next = () => {
    setError(undefined);
    if (step === 0 && formRef.current && !formRef.current.validateForm()) return;
    if (step === 1 && missing.length > 0) {
      setError(fill(s.submitMissingDocuments, { names: missing.map((d) => t(d.name)).join(', ') }));
      return;
    }
    if (step === 2 && !contactOk) {
      setTouched(true);
      return;
    }
    setStep((step + 1) as Step);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed) return;
    setError(undefined);
    try {
      setBusy('checking');
      const altcha = await solvePow(await citizenApi.challenge());
      if (!altcha) throw new Error(s.submitRateLimited);
      setBusy('sending');
      const c = contact;
      setDone(
        await citizenApi.submit({
          procedureId: p.id,
          applicant: {
            name: c.name.trim(),
            phone: c.phone.trim(),
            email: c.email.trim(),
            ...(c.idNumber.trim() ? { idNumber: c.idNumber.trim() } : {}),
            ...(c.address.trim() ? { address: c.address.trim() } : {}),
          },
          data,
          uploads: uploads.map((u) => ({ uploadId: u.uploadId, document: u.document })),
          uploadKey,
          altcha,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(s.submitRateLimited);
      else if (err instanceof ApiError && err.status === 422)
        setError(fill(s.submitInvalid, { fields: problemText(err) || err.message }));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(undefined);
    }
  };

  const input = (key: keyof Contact, label: string, type = 'text', required = true) => (
    <div className="field">
      <label htmlFor={`contact-${key}`}>{label}</label>
      <input
        id={`contact-${key}`}
        type={type}
        value={contact[key]}
        required={required}
        autoComplete={
          key === 'name' ? 'name' : key === 'phone' ? 'tel' : key === 'email' ? 'email' : 'off'
        }
        inputMode={key === 'phone' || key === 'idNumber' ? 'numeric' : undefined}
        aria-invalid={touched && key in contactErrors && contactErrors[key as 'name']}
        onChange={(e) => setContact({ ...contact, [key]: e.target.value })}
      />
    </div>
  );

  return (
    <main className="citizen-main" aria-labelledby="submit-title">
      <p>
        <AppLink to={{ name: 'publicProcedure', id: p.id }}>← {t(p.name)}</AppLink>
      </p>
      <h1 id="submit-title" ref={headingRef} tabIndex={-1}>
        {fill(s.submitTitle, { name: t(p.name) })}
      </h1>
      <p className="citizen-progress">
        {fill(s.submitProgress, { n: step + 1, step: steps[step]! })}
      </p>
      <progress max={4} value={step + 1} aria-hidden="true" className="citizen-progressbar" />
      {step === 0 && p.form ? (
        <section className="card eform citizen-eform" aria-label={t(p.form.title)}>
          <h2>{t(p.form.title)}</h2>
          <Form
            ref={formRef}
            schema={p.form.schema as RJSFSchema}
            validator={validator}
            widgets={FORM_WIDGETS}
            formData={data}
            onChange={(e) => setData((e.formData ?? {}) as Record<string, unknown>)}
            showErrorList={false}
            noHtml5Validate
            transformErrors={(errors) => localizeFormErrors(errors, s)}
          >
            <></>
          </Form>
        </section>
      ) : null}
      {step === 1 ? (
        <section aria-label={s.submitStepDocuments}>
          <p className="muted">{s.submitDocumentsHint}</p>
          <CitizenDocuments
            documents={toUpload}
            uploads={uploads}
            uploadKey={uploadKey}
            onChange={setUploads}
          />
        </section>
      ) : null}
      {step === 2 ? (
        <section className="card" aria-label={s.submitStepContact}>
          <p className="muted">{s.submitContactHint}</p>
          {input('name', s.submitName)}
          {input('phone', s.submitPhone, 'tel')}
          {input('email', s.submitEmail, 'email')}
          {input('idNumber', s.submitIdNumber, 'text', false)}
          {input('address', s.submitAddress, 'text', false)}
          {touched && !contactOk ? (
            <p className="alert alert-error" role="alert">
              {fill(s.submitInvalid, {
                fields: [
                  contactErrors.name ? s.submitName : '',
                  contactErrors.phone ? s.submitPhone : '',
                  contactErrors.email ? s.submitEmail : '',
                  contactErrors.idNumber ? s.submitIdNumber : '',
                ]
                  .filter(Boolean)
                  .join(', '),
              })}
            </p>
          ) : null}
        </section>
      ) : null}
      {step === 3 ? (
        <form className="card" onSubmit={submit} aria-label={s.submitStepReview}>
          <dl className="facts citizen-facts">
            {p.form
              ? Object.entries(data)
                  .filter(([, v]) => v !== undefined && v !== '')
                  .map(([k, v]) => (
                    <div key={k} className="fact">
                      <dt>
                        {(p.form!.schema.properties[k] as { title?: string } | undefined)?.title ??
                          k}
                      </dt>
                      <dd>
                        {(p.form!.schema.properties[k] as { format?: string } | undefined)
                          ?.format === 'date' && typeof v === 'string'
                          ? formatDate(v, lang)
                          : String(v)}
                      </dd>
                    </div>
                  ))
              : null}
            <div className="fact">
              <dt>{s.submitStepDocuments}</dt>
              <dd>
                <ul className="plain">
                  {uploads.map((u) => (
                    <li key={u.document}>
                      {t(p.documents.find((d) => d.id === u.document)?.name)}: {u.name}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div className="fact">
              <dt>{s.submitStepContact}</dt>
              <dd>
                {contact.name} · {contact.phone} · {contact.email}
              </dd>
            </div>
          </dl>
          <label className="check">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />{' '}
            {s.submitConfirm}
          </label>
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={!confirmed || busy !== undefined}
          >
            {busy === 'checking' ? s.submitChecking : busy === 'sending' ? s.working : s.submitSend}
          </button>
        </form>
      ) : null}
      <ErrorAlert message={error} />
      <div className="citizen-step-buttons">
        {step > 0 ? (
          <button
            type="button"
            className="btn"
            disabled={busy !== undefined}
            onClick={() => {
              setError(undefined);
              setStep((step - 1) as Step);
            }}
          >
            {s.submitBack}
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => navigate({ name: 'publicProcedure', id: p.id })}
          >
            {s.submitBack}
          </button>
        )}
        {step < 3 ? (
          <button type="button" className="btn btn-primary" onClick={next}>
            {s.submitNext}
          </button>
        ) : null}
      </div>
    </main>
  );
}
