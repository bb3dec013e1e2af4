import { Fragment, type ReactNode } from 'react';
import { slipTitles, type SlipKind, type UnitCatalog } from '../../../../engine/index.ts';
import type { DossierDetail } from '../../api/dossiers.ts';
import { formatDateTime, formatWorkingTime, vnParts } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';
import { navigate } from '../useRoute.ts';
import { ControlSlipTable } from './DossierScreen.tsx';
import { documentKind, unitName } from './officeText.ts';
import { recallSecret } from './secrets.ts';
import { usePageTitle } from '../a11y/pageTitle.ts';
import { useDossier } from './useDossier.ts';

/** Fill `{name}` placeholders with nodes: a code printed on a slip must not break at its dashes. */
function fillNodes(template: string, params: Readonly<Record<string, ReactNode>>): ReactNode[] {
  return template
    .split(/(\{\w+\})/)
    .map((part, i) => (
      <Fragment key={i}>{/^\{\w+\}$/.test(part) ? params[part.slice(1, -1)] : part}</Fragment>
    ));
}

/**
 * Where and how the citizen looks the dossier up: with the secret while this tab still holds it
 * (the receipt or slip printed at reception), else the code and a pointer to the first receipt.
 */
function lookupLine(id: string, code: string, withSecret: string, without: string): ReactNode[] {
  const secret = recallSecret(id);
  const url = `${location.origin}/tra-cuu`;
  const codeNode = <span className="nowrap">{code}</span>;
  return secret
    ? fillNodes(withSecret, {
        url,
        code: codeNode,
        secret: <span className="nowrap">{secret}</span>,
      })
    : fillNodes(without, { url, code: codeNode });
}

/** The event whose note gives a slip its reason. */
const REASON_EVENT: Partial<Record<SlipKind, string>> = {
  supplementRequest: 'REQUEST_SUPPLEMENT',
  refusal: 'REFUSE',
  apology: 'EXTEND',
  stopNotice: 'STOP',
};

/** The officer's note of the latest event of a type. */
function latestNote(dossier: DossierDetail, type: string | undefined): string | undefined {
  if (!type) return undefined;
  const event = [...dossier.history].reverse().find((h) => h.type === type);
  const note = (event?.payload as { note?: unknown } | undefined)?.note;
  return typeof note === 'string' && note.trim() ? note : undefined;
}

/**
 * A slip as printed on A4 (the forms of TT 03/2025/TT-VPCP, in their usual layout): the agency
 * and the national heading, the title, the facts of the dossier, the signatures. The buttons do
 * not print.
 */
export function SlipPage({
  id,
  slip,
  catalog,
}: {
  id: string;
  slip: SlipKind;
  catalog: UnitCatalog;
}) {
  const { s, f, t, lang } = useI18n();
  const { dossier, error } = useDossier(id, slip);
  usePageTitle(`${t(slipTitles[slip])}${dossier ? ` ${dossier.code}` : ''}`);

  const toolbar = (
    <div className="slip-toolbar">
      <button type="button" className="btn" onClick={() => navigate({ name: 'dossier', id })}>
        ← {s.back}
      </button>
      <button type="button" className="btn btn-primary" onClick={() => print()} disabled={!dossier}>
        {s.print}
      </button>
    </div>
  );
  if (error || !dossier)
    return (
      <div className="slip-screen">
        {toolbar}
        <p role={error ? 'alert' : undefined}>{error ?? s.loading}</p>
      </div>
    );

  const d = dossier;
  const unit = unitName(catalog, d.unit, t);
  const issued = [...d.slips].reverse().find((x) => x.kind === slip);
  if (slip !== 'control' && (!issued || slip === 'result'))
    return (
      <div className="slip-screen">
        {toolbar}
        <p className="alert alert-error">{s.slipNotIssued}</p>
      </div>
    );
  const at = issued?.issuedAt ?? new Date().toISOString();
  const p = vnParts(at);
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, lang) : '—');
  const reason = issued?.reason ?? latestNote(d, REASON_EVENT[slip]);
  const officer = issued?.issuedByName ?? d.receivedBy ?? '';
  const byOfficer = slip === 'receipt' || slip === 'supplementRequest' || slip === 'refusal';
  const documents = d.definition.documents.filter((doc) => d.documents.includes(doc.id));

  let content: ReactNode;
  switch (slip) {
    case 'receipt': {
      content = (
        <>
          <p>{f(s.slipReceiptBody, { unit })}</p>
          <p>{f(s.slipApplicant, { name: d.applicant.name })}</p>
          {d.applicant.idNumber ? <p>{f(s.slipIdNumber, { id: d.applicant.idNumber })}</p> : null}
          {d.applicant.phone ? <p>{f(s.slipPhone, { phone: d.applicant.phone })}</p> : null}
          {d.applicant.address ? <p>{f(s.slipAddress, { address: d.applicant.address })}</p> : null}
          <p>{f(s.slipProcedure, { procedure: t(d.procedure.name) })}</p>
          <p>{s.slipDocuments}</p>
          <ol>
            {documents.map((doc) => (
              <li key={doc.id}>
                {t(doc.name)} ({documentKind(doc.kind, s)}, {f(s.copiesCount, { n: doc.copies })})
              </li>
            ))}
          </ol>
          <p>{s.slipDocCount}</p>
          <p>
            {f(s.slipDeadline, {
              deadline:
                formatWorkingTime(d.deadline.legal, s, lang, true) +
                (d.deadline.variant ? ` (${t(d.deadline.variant.name)})` : ''),
            })}
          </p>
          <p>{f(s.slipReceivedAt, { time: when(d.clock.acceptedAt ?? d.receivedAt) })}</p>
          <p>
            <strong>
              {f(s.slipAppointment, { time: when(d.clock.originalDue ?? d.appointmentDate) })}
            </strong>
          </p>
          <p>{f(s.slipReturnAt, { unit })}</p>
          <p className="slip-lookup">{lookupLine(d.id, d.code, s.slipLookup, s.slipSecretGone)}</p>
        </>
      );
      break;
    }
    case 'supplementRequest': {
      const missing = d.definition.documents.filter(
        (doc) => doc.required && !d.documents.includes(doc.id),
      );
      content = (
        <>
          <p>{f(s.slipApplicant, { name: d.applicant.name })}</p>
          <p>{f(s.slipProcedure, { procedure: t(d.procedure.name) })}</p>
          <p>{s.slipSupplementBody}</p>
          <ol>
            {reason ? <li className="pre">{reason}</li> : null}
            {missing.map((doc) => (
              <li key={doc.id}>{t(doc.name)}</li>
            ))}
          </ol>
          <p>{f(s.slipSupplementClose, { unit })}</p>
          <p className="slip-lookup">{lookupLine(d.id, d.code, s.slipLookup, s.slipSecretGone)}</p>
        </>
      );
      break;
    }
    case 'refusal':
    case 'stopNotice':
      content = (
        <>
          <p>{f(s.slipApplicant, { name: d.applicant.name })}</p>
          <p>{f(s.slipProcedure, { procedure: t(d.procedure.name) })}</p>
          <p>{f(slip === 'refusal' ? s.slipRefusalBody : s.slipStopBody, { unit })}</p>
          <p className="pre slip-reason">{reason ?? s.slipNoReason}</p>
        </>
      );
      break;
    case 'apology':
      content = (
        <>
          <p>{f(s.slipApplicant, { name: d.applicant.name })}</p>
          <p>{f(s.slipProcedure, { procedure: t(d.procedure.name) })}</p>
          <p>
            {f(s.slipApologyBody, {
              unit,
              received: when(d.clock.acceptedAt ?? d.receivedAt),
              due: when(d.clock.originalDue ?? null),
              newDue: when(issued?.due ?? d.appointmentDate),
            })}
          </p>
          <p className="pre slip-reason">{reason ?? s.slipNoReason}</p>
        </>
      );
      break;
    case 'reappointment':
      content = (
        <>
          <p>{f(s.slipApplicant, { name: d.applicant.name })}</p>
          <p>{f(s.slipProcedure, { procedure: t(d.procedure.name) })}</p>
          <p>
            {f(s.slipReappointmentBody, {
              unit,
              received: when(d.clock.acceptedAt ?? d.receivedAt),
            })}
          </p>
          <p>
            <strong>{when(issued?.due ?? d.appointmentDate)}</strong>
          </p>
          <p className="pre slip-reason">{issued?.reason ?? s.slipNoReason}</p>
        </>
      );
      break;
    case 'control':
      content = (
        <>
          <p>{f(s.slipControlIntro, { code: d.code, name: d.applicant.name })}</p>
          <p>{f(s.slipProcedure, { procedure: t(d.procedure.name) })}</p>
          <p>
            {s.receivedOn}: {when(d.receivedAt)} · {s.appointmentDate}: {when(d.appointmentDate)}
          </p>
          <ControlSlipTable dossier={d} catalog={catalog} />
        </>
      );
      break;
    default: {
      const never: never = slip;
      throw new Error(`unknown slip ${String(never)}`);
    }
  }

  return (
    <main className="slip-screen">
      {toolbar}
      <article className={`slip slip-${slip}`} aria-label={t(slipTitles[slip])}>
        <header className="slip-head">
          <div className="slip-agency">
            <div className="slip-agency-name">{unit.toUpperCase()}</div>
            <div className="slip-rule" />
            <div>{f(s.slipNumber, { code: d.code })}</div>
          </div>
          <div className="slip-nation">
            <div className="slip-national">{s.nationalTitle}</div>
            <div className="slip-motto">{s.nationalMotto}</div>
            <div className="slip-date">
              {f(s.slipPlaceDate, { place: unit, d: p.day, m: p.month, y: p.year })}
            </div>
          </div>
        </header>
        <h1 className="slip-title">{t(slipTitles[slip]).toUpperCase()}</h1>
        <div className="slip-body">{content}</div>
        <footer className="slip-signs">
          {slip === 'receipt' ? (
            <div>
              <strong>{s.slipApplicantSign}</strong>
              <div className="slip-sign-hint">{s.slipSignHint}</div>
              <div className="slip-sign-name">{d.applicant.name}</div>
            </div>
          ) : (
            <div />
          )}
          {/* The desk signs what it issues at reception; the agency signs apologies and stops. */}
          <div>
            <strong>{byOfficer ? s.slipOfficerSign : s.slipUnitHead}</strong>
            <div className="slip-sign-hint">{s.slipSignHint}</div>
            <div className="slip-sign-name">{byOfficer ? officer : ''}</div>
          </div>
        </footer>
      </article>
    </main>
  );
}
