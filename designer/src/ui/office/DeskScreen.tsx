import Form from '@rjsf/core';
import type {
  CustomValidator,
  ErrorSchema,
  FieldValidation,
  RJSFSchema,
  RJSFValidationError,
} from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  MAX_DATE_KEYWORD,
  notAfterTodayFields,
  receptionForm,
  type Channel,
  type Procedure,
  type UnitCatalog,
} from '../../../../engine/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { dossierApi, newIdempotencyKey, type Received } from '../../api/dossiers.ts';
import { formatDateTime, formatVnd, formatWorkingTime } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';
import { ErrorAlert } from '../controls.tsx';
import { navigate } from '../useRoute.ts';
import { DocumentChecklist } from './DocumentChecklist.tsx';
import { DeskFiles } from './files/DeskFiles.tsx';
import type { FileLink } from '../../api/files.ts';
import { localizeFormErrors } from './formErrors.ts';
import { OfficePage, type OfficeScreenProps } from './OfficePage.tsx';
import { documentKind, unitName, vnToday } from './officeText.ts';
import { rememberSecret } from './secrets.ts';
import { useProcedureSearch } from './useProcedureList.ts';
import { FORM_WIDGETS } from '../forms/DateInput.tsx';

type Decision = 'accept' | 'supplement' | 'refuse';

interface Applicant {
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

const EMPTY: Applicant = { name: '', idNumber: '', phone: '', email: '', address: '' };

type ApplicantErrors = Partial<Record<keyof Applicant, string>>;

/** Field problems of the applicant block, checked as the server checks them. */
function applicantProblems(a: Applicant, s: ReturnType<typeof useI18n>['s']): ApplicantErrors {
  const out: ApplicantErrors = {};
  if (!a.name.trim()) out.name = s.applicantNameRequired;
  else if (a.name.trim().length > 200) out.name = s.applicantNameTooLong;
  if (a.idNumber.trim() && !/^[0-9]{12}$/.test(a.idNumber.trim())) out.idNumber = s.idNumberInvalid;
  if (a.phone.trim() && !/^(0|\+84)[0-9]{9}$/.test(a.phone.trim())) out.phone = s.phoneInvalid;
  const email = a.email.trim();
  if (email && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    out.email = s.emailInvalid;
  if (a.address.trim().length > 500) out.address = s.addressTooLong;
  return out;
}

/**
 * The server's problems (`/applicant/name`, `/data/ngaySinh`…) on the desk's own fields, in the
 * officer's language: the applicant's by the desk's own rule for that field, the e-form's by the
 * field's title; anything else as the server said it.
 */
function serverProblems(
  list: readonly { path: string; message: string; keyword?: string }[],
  applicant: Applicant,
  s: ReturnType<typeof useI18n>['s'],
): { applicant: ApplicantErrors; data: Record<string, string>; other: string[] } {
  const own = applicantProblems(applicant, s);
  const out = {
    applicant: {} as ApplicantErrors,
    data: {} as Record<string, string>,
    other: [] as string[],
  };
  for (const p of list) {
    const a = /^\/applicant\/(name|idNumber|phone|email|address)\b/.exec(p.path);
    const d = /^\/data\/([^/]+)/.exec(p.path);
    if (a) out.applicant[a[1] as keyof Applicant] = own[a[1] as keyof Applicant] ?? s.fieldInvalid;
    // A date after today: the message the desk's own check gives on that field.
    else if (d)
      out.data[d[1]!] = p.keyword === MAX_DATE_KEYWORD ? s.dateAfterToday : s.fieldInvalid;
    else out.other.push(p.message);
  }
  return out;
}

/**
 * E-form fields (top level) that may not be after today, as the form declares them
 * (`"x-maxDate": "today"`); the server refuses the same dates with the same message.
 */
function notAfterToday(schema: RJSFSchema | undefined): string[] {
  return notAfterTodayFields(schema as Parameters<typeof notAfterTodayFields>[0])
    .map((f) => f.path.slice(1))
    .filter((k) => !k.includes('/'));
}

/** One line of the error summary: what is wrong, linked to the field to fix. */
interface SummaryItem {
  readonly target: string;
  readonly text: string;
}

/**
 * Reception at the one-stop desk (tiếp nhận): choose the procedure, fill the e-form for the
 * citizen ("công dân không viết"), tick the documents received, then receive it with an
 * appointment date — or issue a request to supplement, or a refusal, each with its slip.
 */
export function DeskScreen({ user, catalog, onSignOut }: OfficeScreenProps) {
  const { s, t, lang } = useI18n();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<{ received: Received; decision: Decision } | undefined>();

  // The procedures this desk receives, searched and paged on the server (a provincial centre
  // receives hundreds); an officer without a unit receives none.
  const noDesk = !user.isAdmin && !user.unitId;
  const found = useProcedureSearch({
    q: search.trim(),
    valid: true,
    ...(user.isAdmin ? {} : { unit: user.unitId ?? '' }),
  });
  const procedures = found.page ? found.items : found.error ? [] : undefined;
  const receivable = noDesk ? [] : (procedures ?? []);

  // The procedure picked, read afresh each time it is picked (not when the window regains focus:
  // the form being filled keeps the version it shows).
  const opened = useQuery({
    queryKey: ['desk', 'procedure', picked],
    queryFn: () => api.procedure(picked!).then((r) => r.procedure),
    enabled: picked !== undefined,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
  const chosen: Procedure | undefined = picked === undefined ? undefined : opened.data;
  const error = opened.error
    ? opened.error instanceof ApiError
      ? opened.error.message
      : String(opened.error)
    : undefined;
  // Picking again the procedure that failed to open asks for it again.
  const choose = (id: string) => (id === picked ? void opened.refetch() : setPicked(id));

  let body: ReactNode;
  if (done) {
    body = (
      <ReceivedPanel
        received={done.received}
        decision={done.decision}
        onAnother={() => {
          setDone(undefined);
          setPicked(undefined);
        }}
      />
    );
  } else if (chosen) {
    body = (
      <ReceptionForm
        key={chosen.id}
        procedure={chosen}
        catalog={catalog}
        onBack={() => setPicked(undefined)}
        onDone={(received, decision) => setDone({ received, decision })}
      />
    );
  } else {
    body = (
      <section aria-labelledby="desk-pick">
        <h2 id="desk-pick">{s.chooseProcedure}</h2>
        <div className="filters" role="search">
          <div className="field grow">
            <label htmlFor="desk-search">{s.procedureSearch}</label>
            <input
              id="desk-search"
              type="search"
              value={search}
              placeholder={s.searchPlaceholder}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
        </div>
        {procedures === undefined ? <p>{s.loading}</p> : null}
        <ul className="procedure-picks">
          {receivable.map((p) => (
            <li key={p.id}>
              <button type="button" className="pick" onClick={() => choose(p.id)}>
                <span className="pick-name">{t(p.name)}</span>
                <span className="muted small">
                  {p.field} · {s.legalDeadline}: {formatWorkingTime(p.deadline, s, lang, true)}
                  {p.code ? ` · ${s.code} ${p.code}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {found.more && !noDesk ? (
          <p>
            <button type="button" className="btn" onClick={found.more}>
              {s.loadMore}
            </button>
          </p>
        ) : null}
        {procedures !== undefined && receivable.length === 0 ? (
          <p className="empty">{s.noReceivable}</p>
        ) : null}
      </section>
    );
  }

  return (
    <OfficePage
      user={user}
      onSignOut={onSignOut}
      title={s.deskTitle}
      intro={`${s.deskIntro}${user.unitId ? ` · ${unitName(catalog, user.unitId, t)}` : ''}`}
    >
      <ErrorAlert message={error} />
      {/* Always present, so that the reception's outcome is announced when it fills. */}
      <p className="sr-only" role="status" aria-live="polite">
        {done
          ? `${done.decision === 'accept' ? s.received : done.decision === 'supplement' ? s.receivedSupplement : s.receivedRefused}: ${done.received.code}`
          : ''}
      </p>
      {body}
    </OfficePage>
  );
}

/** The reception form of one procedure. */
function ReceptionForm({
  procedure,
  catalog,
  onBack,
  onDone,
}: {
  procedure: Procedure;
  catalog: UnitCatalog;
  onBack: () => void;
  onDone: (received: Received, decision: Decision) => void;
}) {
  const { s, f, t, lang } = useI18n();
  const form = receptionForm(procedure);
  const formRef = useRef<Form>(null);
  const [applicant, setApplicant] = useState<Applicant>(EMPTY);
  const [channel, setChannel] = useState<Channel>('desk');
  const [data, setData] = useState<Record<string, unknown>>({});
  const [docs, setDocs] = useState<ReadonlySet<string>>(new Set());
  const [uploads, setUploads] = useState<FileLink[]>([]);
  // undefined until the officer writes their own: the suggestion shows meanwhile.
  const [reason, setReason] = useState<string | undefined>(undefined);
  const [decision, setDecision] = useState<Decision | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [serverErrors, setServerErrors] = useState<ApplicantErrors>({});
  const [dataErrors, setDataErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // One key per reception: a retry after a lost answer never creates a second dossier.
  const keys = useRef({ receive: newIdempotencyKey(), event: newIdempotencyKey() });

  const applicantErrors: ApplicantErrors = {
    ...serverErrors,
    ...(touched ? applicantProblems(applicant, s) : {}),
  };
  const missing = procedure.documents.filter((d) => d.required && !docs.has(d.id));
  const schema = useMemo(
    () => (form ? ({ ...form.schema, title: t(form.title) } as RJSFSchema) : undefined),
    [form, t],
  );
  const birthFields = useMemo(() => notAfterToday(schema), [schema]);
  /** What plain JSON Schema cannot say: a date declared not after today, on its field. */
  const customValidate: CustomValidator = (formData, errors) => {
    const today = vnToday();
    for (const k of birthFields) {
      const v = (formData as Record<string, unknown> | undefined)?.[k];
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v > today)
        (errors as unknown as Record<string, FieldValidation | undefined>)[k]?.addError(
          s.dateAfterToday,
        );
    }
    return errors;
  };
  // The reason is suggested from the missing documents until the officer writes their own.
  const suggestion =
    missing.length > 0
      ? f(s.suggestedReason, { list: missing.map((d) => t(d.name)).join('; ') })
      : '';
  const shownReason = reason ?? suggestion;

  /** Show the summary of what to fix and move focus to it. */
  const showSummary = (items: SummaryItem[], other: string[] = []) => {
    setSummary(items);
    setProblems(other);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (chosen: Decision) => {
    setTouched(true);
    setDecision(chosen);
    setProblems([]);
    setSummary([]);
    setServerErrors({});
    setDataErrors({});
    const formOk = formRef.current ? formRef.current.validateForm() : true;
    const own = applicantProblems(applicant, s);
    if (!formOk || Object.keys(own).length > 0) {
      const labels: Record<keyof Applicant, string> = {
        name: s.applicantName,
        idNumber: s.idNumber,
        phone: s.phone,
        email: s.email,
        address: s.address,
      };
      const items: SummaryItem[] = (Object.keys(own) as (keyof Applicant)[]).map((k) => ({
        target: `desk-${k}`,
        text: `${labels[k]}: ${own[k]}`,
      }));
      const formErrors: RJSFValidationError[] = schema
        ? validator.validateFormData(data, schema, customValidate, (e) =>
            localizeFormErrors(e, s, lang),
          ).errors
        : [];
      for (const e of formErrors) {
        const key = (e.property ?? '').replace(/^\./, '').split('.')[0] ?? '';
        items.push({
          target: key ? `root_${key}` : 'desk-form',
          text: `${fieldTitle(form?.schema, `/data/${key}`)}: ${e.message ?? ''}`,
        });
      }
      showSummary(items, items.length === 0 ? [s.fixErrors] : []);
      return;
    }
    if (chosen === 'accept' && missing.length > 0) {
      setProblems([f(s.missingRequired, { list: missing.map((d) => t(d.name)).join('; ') })]);
      return;
    }
    if (chosen !== 'accept' && !shownReason.trim()) {
      showSummary([{ target: 'desk-reason', text: `${s.reasonLabel}: ${s.reasonRequired}` }]);
      return;
    }
    setBusy(true);
    try {
      const trimmed = Object.fromEntries(
        Object.entries(applicant)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v !== ''),
      ) as unknown as Applicant;
      const received = await dossierApi.receive(
        {
          procedureId: procedure.id,
          applicant: trimmed,
          channel,
          data,
          documents: [...docs],
          accept: chosen === 'accept',
          ...(uploads.length > 0 ? { uploads } : {}),
        },
        keys.current.receive,
      );
      if (received.secret) rememberSecret(received.id, received.secret);
      if (chosen !== 'accept') {
        await dossierApi.send(
          received.id,
          {
            type: chosen === 'supplement' ? 'REQUEST_SUPPLEMENT' : 'REFUSE',
            note: shownReason.trim(),
            expectedVersion: received.version,
          },
          keys.current.event,
        );
      }
      onDone(received, chosen);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const list = (
          err.details as
            { problems?: { path: string; message: string; keyword?: string }[] } | undefined
        )?.problems;
        if (list && list.length > 0) {
          const found = serverProblems(list, applicant, s);
          setServerErrors(found.applicant);
          setDataErrors(found.data);
          showSummary(
            [
              ...Object.entries(found.applicant).map(([k, m]) => ({
                target: `desk-${k}`,
                text: m,
              })),
              ...Object.entries(found.data).map(([k, m]) => ({
                target: `root_${k}`,
                text: `${fieldTitle(form?.schema, `/data/${k}`)}: ${m}`,
              })),
            ],
            found.other,
          );
        } else setProblems([err.message]);
      } else {
        setProblems([err instanceof Error ? err.message : String(err)]);
      }
    } finally {
      setBusy(false);
    }
  };

  const input = (key: keyof Applicant, label: string, props: Record<string, string> = {}) => (
    <div className="field">
      <label htmlFor={`desk-${key}`}>{label}</label>
      <input
        id={`desk-${key}`}
        value={applicant[key]}
        aria-invalid={!!applicantErrors[key]}
        aria-describedby={applicantErrors[key] ? `desk-${key}-error` : undefined}
        onChange={(e) => {
          setServerErrors(({ [key]: _gone, ...rest }) => rest);
          setApplicant({ ...applicant, [key]: e.target.value });
        }}
        {...props}
      />
      {applicantErrors[key] ? (
        <div className="hint hint-error" id={`desk-${key}-error`}>
          {applicantErrors[key]}
        </div>
      ) : null}
    </div>
  );

  return (
    <div className="desk-grid">
      <div className="desk-main">
        <div className="card">
          <div className="card-head">
            <h2>{t(procedure.name)}</h2>
            <button type="button" className="btn btn-small btn-ghost" onClick={onBack}>
              {s.changeProcedure}
            </button>
          </div>
          <p className="muted small">
            {procedure.code ? `${s.code} ${procedure.code} · ` : ''}
            {s.legalDeadline}: {formatWorkingTime(procedure.deadline, s, lang, true)} ·{' '}
            {s.feesLabel}:{' '}
            {procedure.fees.length === 0
              ? s.noFees
              : procedure.fees
                  .map((x) => `${t(x.name)} ${formatVnd(x.amountVnd, s, lang)}`)
                  .join('; ')}
          </p>
        </div>

        <section className="card" aria-labelledby="desk-applicant">
          <h2 id="desk-applicant">{s.applicant}</h2>
          <div className="grid-2">
            {input('name', s.applicantName, { autoComplete: 'off' })}
            {input('idNumber', s.idNumber, { inputMode: 'numeric', maxLength: '12' })}
            {input('phone', s.phone, { inputMode: 'tel' })}
            {input('email', s.email, { type: 'email' })}
          </div>
          {input('address', s.address)}
          <fieldset className="radio-group">
            <legend>{s.channelLabel}</legend>
            {(['desk', 'online', 'post'] as const).map((c) => (
              <label key={c}>
                <input
                  type="radio"
                  name="desk-channel"
                  checked={channel === c}
                  onChange={() => setChannel(c)}
                />{' '}
                {s[`ch_${c}`]}
              </label>
            ))}
          </fieldset>
        </section>

        <section className="card eform" aria-labelledby="desk-form">
          <h2 id="desk-form">{s.eForm}</h2>
          {schema ? (
            <Form
              ref={formRef}
              schema={schema}
              validator={validator}
              widgets={FORM_WIDGETS}
              formData={data}
              onChange={(e) => setData((e.formData ?? {}) as Record<string, unknown>)}
              showErrorList={false}
              noHtml5Validate
              transformErrors={(errors) => localizeFormErrors(errors, s, lang)}
              customValidate={customValidate}
              extraErrors={
                Object.fromEntries(
                  Object.entries(dataErrors).map(([k, m]) => [k, { __errors: [m] }]),
                ) as ErrorSchema
              }
              liveValidate={touched ? 'onChange' : false}
              uiSchema={{
                'ui:submitButtonOptions': { norender: true },
                ...Object.fromEntries(birthFields.map((k) => [k, { 'ui:help': s.birthDateHelp }])),
              }}
            />
          ) : (
            <p className="muted">{s.noForm}</p>
          )}
        </section>
      </div>

      <aside className="desk-side">
        <section className="card" aria-labelledby="desk-docs">
          <h2 id="desk-docs">{s.documentsChecklist}</h2>
          <p className="muted small">{s.documentsHint}</p>
          <div className="checks">
            <DocumentChecklist
              documents={procedure.documents}
              checked={docs}
              onChange={setDocs}
              detail={(d) =>
                `${documentKind(d.kind, s)} · ${f(s.copiesCount, { n: d.copies })}${d.required ? ` · ${s.requiredMark}` : ''}`
              }
            />
          </div>
        </section>

        <DeskFiles
          procedure={procedure}
          citizenId={applicant.idNumber}
          ticked={docs}
          onChange={setUploads}
          onTick={(id) => setDocs((d) => new Set([...d, id]))}
        />

        <section className="card" aria-labelledby="desk-decide">
          <h2 id="desk-decide">{s.actions}</h2>
          <div className="field">
            <label htmlFor="desk-reason">
              {s.reasonLabel} ({s.requestSupplement.toLowerCase()} / {s.refuseDossier.toLowerCase()}
              )
            </label>
            <textarea
              id="desk-reason"
              rows={3}
              value={shownReason}
              aria-describedby={reason === undefined && suggestion ? 'desk-reason-hint' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
            {reason === undefined && suggestion ? (
              <div className="hint" id="desk-reason-hint">
                {s.reasonSuggestedHint}
              </div>
            ) : null}
          </div>
          {summary.length > 0 ? (
            <div
              className="alert alert-error error-summary"
              role="alert"
              tabIndex={-1}
              ref={summaryRef}
              aria-labelledby="desk-summary-title"
            >
              <p id="desk-summary-title">{f(s.errorSummary, { n: summary.length })}</p>
              <ul>
                {summary.map((p) => (
                  <li key={`${p.target}:${p.text}`}>
                    <a
                      href={`#${p.target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        const el = document.getElementById(p.target);
                        el?.scrollIntoView({ block: 'center' });
                        el?.focus();
                      }}
                    >
                      {p.text}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {problems.length > 0 ? (
            <div className="alert alert-error" role="alert">
              <ul className="plain">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="decide-buttons">
            <button
              type="button"
              className="btn btn-primary btn-block"
              disabled={busy}
              onClick={() => void submit('accept')}
            >
              {busy && decision === 'accept' ? s.working : s.acceptDossier}
            </button>
            <button
              type="button"
              className="btn btn-block"
              disabled={busy}
              onClick={() => void submit('supplement')}
            >
              {busy && decision === 'supplement' ? s.working : s.requestSupplement}
            </button>
            <button
              type="button"
              className="btn btn-danger btn-block"
              disabled={busy}
              onClick={() => void submit('refuse')}
            >
              {busy && decision === 'refuse' ? s.working : s.refuseDossier}
            </button>
          </div>
        </section>
      </aside>
    </div>
  );
}

/** The title of the e-form field a server problem points at (`/data/hoTenTre`). */
function fieldTitle(
  schema: { properties?: Record<string, { title?: string }> } | undefined,
  path: string,
) {
  const m = /^\/data\/([^/]+)/.exec(path);
  if (m) return schema?.properties?.[m[1]!]?.title ?? m[1]!;
  return path;
}

/** What the desk sees after receiving: the code, the secret, the appointment, the slip to print. */
function ReceivedPanel({
  received,
  decision,
  onAnother,
}: {
  received: Received;
  decision: Decision;
  onAnother: () => void;
}) {
  const { s, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const slip =
    decision === 'accept' ? 'receipt' : decision === 'supplement' ? 'supplementRequest' : 'refusal';
  return (
    <section className="card received-panel" aria-labelledby="received-title">
      <h2 id="received-title" tabIndex={-1} ref={heading}>
        {decision === 'accept'
          ? s.received
          : decision === 'supplement'
            ? s.receivedSupplement
            : s.receivedRefused}
      </h2>
      <dl className="facts big">
        <dt>{s.dossierCode}</dt>
        <dd className="code">{received.code}</dd>
        <dt>{s.secret}</dt>
        <dd className="code">{received.secret}</dd>
        {decision === 'accept' && received.appointmentDate ? (
          <>
            <dt>{s.appointmentDate}</dt>
            <dd>{formatDateTime(received.appointmentDate, lang)}</dd>
          </>
        ) : null}
      </dl>
      <p className="hint">{s.secretHint}</p>
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate({ name: 'print', id: received.id, slip })}
        >
          {decision === 'accept' ? s.printReceipt : s.printSlip}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => navigate({ name: 'dossier', id: received.id })}
        >
          {s.openDossier}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onAnother}>
          {s.receiveAnother}
        </button>
      </div>
    </section>
  );
}
