import { useState } from 'react';
import { DossierPdfLinks } from '../verify/DossierPdfLinks.tsx';
import { procedureGraph, slipTitles, type UnitCatalog } from '../../../../engine/index.ts';
import type { AvailableEvent, DossierDetail } from '../../api/dossiers.ts';
import { formatDateTime, formatWorkingTime } from '../../i18n/format.ts';
import { useI18n } from '../I18n.tsx';
import { ErrorAlert } from '../controls.tsx';
import { navigate } from '../useRoute.ts';
import { EventDialog } from './EventDialog.tsx';
import { DossierFilesPanel } from './files/DossierFilesPanel.tsx';
import { OfficePaymentPanel } from '../citizen/OfficePaymentPanel.tsx';
import { FormDataList } from './FormDataList.tsx';
import { OfficePage, type OfficeScreenProps } from './OfficePage.tsx';
import { historyEventName, isWarningEvent, roleName, unitName } from './officeText.ts';
import { TableScroll } from './TableScroll.tsx';
import { TimelinessBadge } from './TimelinessBadge.tsx';
import { useDossier } from './useDossier.ts';

/** The note an officer wrote with an event, if any. */
function noteOf(payload: unknown): string {
  const note = (payload as { note?: unknown } | null)?.note;
  return typeof note === 'string' ? note : '';
}

/**
 * One dossier: its data and documents, where it stands, the control slip (who held it, from when
 * to when, on time or not), the history, the slips issued, and the events the user may send.
 */
export function DossierScreen({
  id,
  user,
  catalog,
  onSignOut,
}: OfficeScreenProps & { id: string }) {
  const { s, f, t, lang } = useI18n();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const [sending, setSending] = useState<AvailableEvent | undefined>(undefined);

  const { dossier, error, reload: load } = useDossier(id);

  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, lang, false) : '—');
  const actor = (name: string | null | undefined, raw: string) =>
    name ?? (raw.startsWith('system:') ? s.systemTimer : raw);

  if (error || !dossier)
    return (
      <OfficePage user={user} onSignOut={onSignOut}>
        {error ? <ErrorAlert message={error} /> : <p>{s.loading}</p>}
      </OfficePage>
    );

  const d = dossier;
  const def = d.definition;
  const stepName = (id: string) => {
    const name = procedureGraph(def).byId.get(id)?.config.meta?.name;
    return name ? t(name) : undefined;
  };
  return (
    <OfficePage
      user={user}
      onSignOut={onSignOut}
      className="dossier-page"
      labelledBy="dossier-title"
      documentTitle={`${s.dossierPageTitle} ${d.code}`}
    >
      <p className="back-link">
        <a
          href="/dossiers"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'inbox' });
          }}
        >
          ← {s.backToInbox}
        </a>
      </p>
      <header className="dossier-head">
        <div>
          <h1 id="dossier-title">
            {d.code} <TimelinessBadge value={d.timeliness} />
          </h1>
          <p className="dossier-proc">
            {t(d.procedure.name)}
            {d.procedure.code ? <span className="muted"> · {d.procedure.code}</span> : null}
          </p>
        </div>
        <dl className="head-facts">
          <div>
            <dt>{s.statusLabel}</dt>
            <dd>{t(d.statusText)}</dd>
          </div>
          <div>
            <dt>{s.appointmentDate}</dt>
            <dd>{when(d.appointmentDate)}</dd>
          </div>
          {d.clock.originalDue && d.clock.originalDue !== d.appointmentDate ? (
            <div>
              <dt>{s.originalDue}</dt>
              <dd>{when(d.clock.originalDue)}</dd>
            </div>
          ) : null}
          {d.deadline.variant || d.deadline.lawfulExtensions.length > 0 ? (
            <div>
              <dt>{s.legalTimeApplied}</dt>
              <dd>
                {formatWorkingTime(d.deadline.legal, s, lang, true)}
                {d.deadline.variant ? ` (${t(d.deadline.variant.name)})` : ''}
                {d.deadline.lawfulExtensions.map((e) => (
                  <div key={e.id} className="deadline-note">
                    {f(s.lawfulExtensionApplied, {
                      name: t(e.name),
                      by: formatWorkingTime(e.by, s, lang, true),
                      due: when(e.to),
                    })}
                  </div>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
      </header>
      {message ? (
        <div
          className={`alert alert-${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </div>
      ) : null}

      <div className="dossier-grid">
        <div className="dossier-main">
          <section className="card" aria-labelledby="sec-info">
            <h2 id="sec-info">{s.dossierInfo}</h2>
            <dl className="facts">
              <dt>{s.applicantName}</dt>
              <dd>{d.applicant.name}</dd>
              {d.applicant.idNumber ? (
                <>
                  <dt>{s.idNumber}</dt>
                  <dd>{d.applicant.idNumber}</dd>
                </>
              ) : null}
              {d.applicant.phone ? (
                <>
                  <dt>{s.phone}</dt>
                  <dd>{d.applicant.phone}</dd>
                </>
              ) : null}
              {d.applicant.address ? (
                <>
                  <dt>{s.address}</dt>
                  <dd>{d.applicant.address}</dd>
                </>
              ) : null}
              <dt>{s.channelLabel}</dt>
              <dd>{s[`ch_${d.channel}`]}</dd>
              <dt>{s.receivedOn}</dt>
              <dd>
                {when(d.receivedAt)}
                {d.receivedBy ? <span className="muted"> · {d.receivedBy}</span> : null}
              </dd>
              {d.clock.acceptedAt ? (
                <>
                  <dt>{s.acceptedAt}</dt>
                  <dd>{when(d.clock.acceptedAt)}</dd>
                </>
              ) : null}
              {d.completedAt ? (
                <>
                  <dt>{s.completedAt}</dt>
                  <dd>{when(d.completedAt)}</dd>
                </>
              ) : null}
            </dl>
          </section>

          <DossierFilesPanel dossier={d} onChanged={() => void load()} />

          <OfficePaymentPanel dossierId={d.id} version={d.version} onChanged={() => void load()} />

          <section className="card" aria-labelledby="sec-form">
            <h2 id="sec-form">{s.formContent}</h2>
            <FormDataList procedure={def} data={d.data} />
          </section>

          <section className="card" aria-labelledby="sec-control">
            <div className="card-head">
              <h2 id="sec-control">{s.controlSlip}</h2>
              <a
                className="btn btn-small"
                href={`/dossiers/${d.id}/print/control`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'print', id: d.id, slip: 'control' });
                }}
              >
                {s.printControlSlip}
              </a>
            </div>
            <TableScroll label={s.controlSlip}>
              <ControlSlipTable dossier={d} catalog={catalog} />
            </TableScroll>
          </section>

          <section className="card" aria-labelledby="sec-history">
            <h2 id="sec-history">{s.history}</h2>
            <TableScroll label={s.history}>
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{s.colTime}</th>
                    <th scope="col">{s.colEvent}</th>
                    <th scope="col">{s.colActor}</th>
                    <th scope="col">{s.colNote}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.history.map((h) => (
                    <tr key={h.seq}>
                      <td className="nowrap">{when(h.at)}</td>
                      <td>
                        {historyEventName(h, stepName, s, t)}
                        {h.override ? (
                          <span className="badge badge-warning">{s.overrideMark}</span>
                        ) : null}
                      </td>
                      <td>
                        {isWarningEvent(h.type) && !h.actorName
                          ? s.systemWarning
                          : actor(h.actorName, h.actor)}
                      </td>
                      <td className="note-cell">{noteOf(h.payload)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        </div>

        <aside className="dossier-side">
          <section className="card actions-card" aria-labelledby="sec-actions">
            <h2 id="sec-actions">{s.whatYouCanDo}</h2>
            {d.availableEvents.length === 0 ? (
              <p className="muted">{d.status === 'done' ? t(d.statusText) : s.nothingToDo}</p>
            ) : (
              <div className="event-buttons">
                {d.availableEvents.map((e) => (
                  <button
                    key={e.type}
                    type="button"
                    className={`btn ${['REFUSE', 'STOP', 'WITHDRAW'].includes(e.type) ? 'btn-danger' : 'btn-primary'}`}
                    onClick={() => {
                      setMessage(undefined);
                      setSending(e);
                    }}
                  >
                    {t(e.name)}
                  </button>
                ))}
              </div>
            )}
          </section>

          {d.steps.length > 0 ? (
            <section className="card" aria-labelledby="sec-steps">
              <h2 id="sec-steps">{s.currentSteps}</h2>
              <ul className="step-list">
                {d.steps.map((st) => (
                  <li key={st.id}>
                    <strong>{t(st.name)}</strong>
                    <div className="muted small">
                      {unitName(catalog, st.unit, t)} · {roleName(catalog, st.role, t)}
                    </div>
                    {st.due ? (
                      <div className="small">
                        {st.timerAt === st.due ? s.timerFiresLabel : s.stepDueLabel}: {when(st.due)}
                      </div>
                    ) : null}
                    {st.timerAt && st.timerAt !== st.due ? (
                      <div className="small">
                        {s.timerFiresLabel}: {when(st.timerAt)}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="card" aria-labelledby="sec-docs">
            <h2 id="sec-docs">{s.documentsReceived}</h2>
            <ul className="doc-list">
              {def.documents.map((doc) => {
                const has = d.documents.includes(doc.id);
                return (
                  <li key={doc.id} className={has ? 'doc-present' : 'doc-missing'}>
                    <span aria-hidden="true">{has ? '✓' : '○'}</span> {t(doc.name)}
                    <span className="sr-only">: {has ? s.documentPresent : s.documentMissing}</span>
                    {!has && doc.required ? (
                      <span className="badge badge-warning">{s.documentMissing}</span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>

          <section className="card" aria-labelledby="sec-slips">
            <h2 id="sec-slips">{s.slipsIssued}</h2>
            {d.slips.filter((x) => x.kind !== 'result').length === 0 ? (
              <p className="muted small">{s.noSlips}</p>
            ) : (
              <ul className="slip-list">
                {d.slips
                  .filter((x) => x.kind !== 'result')
                  .map((x) => (
                    <li key={x.id}>
                      <a
                        href={`/dossiers/${d.id}/print/${x.kind}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ name: 'print', id: d.id, slip: x.kind });
                        }}
                      >
                        {t(slipTitles[x.kind])}
                      </a>
                      <div className="muted small">{when(x.issuedAt)}</div>
                      {x.reason ? <div className="small slip-reason-line">{x.reason}</div> : null}
                    </li>
                  ))}
              </ul>
            )}
          </section>
          <DossierPdfLinks dossier={d} />
        </aside>
      </div>
      {sending ? (
        <EventDialog
          dossier={d}
          event={sending}
          onClose={() => setSending(undefined)}
          onSent={(outcome) => {
            setSending(undefined);
            // Say what happened once the page shows the dossier as it is now.
            void load().then(() =>
              setMessage(
                outcome.ok
                  ? { tone: 'ok', text: f(s.sent, { event: t(sending.name) }) }
                  : { tone: 'error', text: outcome.message },
              ),
            );
          }}
        />
      ) : null}
    </OfficePage>
  );
}

/** The control slip: each step held, by whom, from when to when, against its due time. */
export function ControlSlipTable({
  dossier,
  catalog,
}: {
  dossier: DossierDetail;
  catalog: UnitCatalog;
}) {
  const { s, t, lang } = useI18n();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang, false) : '—');
  if (dossier.controlSlip.length === 0) return <p className="muted small">{s.noHandoffs}</p>;
  return (
    <table className="table compact control-slip">
      <thead>
        <tr>
          <th scope="col">{s.colStepHeld}</th>
          <th scope="col">{s.colUnit}</th>
          <th scope="col">{s.colOfficer}</th>
          <th scope="col">{s.colFrom}</th>
          <th scope="col">{s.colTo}</th>
          <th scope="col">{s.colStepDue}</th>
          <th scope="col">{s.colResult}</th>
        </tr>
      </thead>
      <tbody>
        {dossier.controlSlip.map((c, i) => (
          <tr key={`${c.step}-${i}`}>
            <td>{t(c.name)}</td>
            <td>{unitName(catalog, c.unit, t)}</td>
            <td>{c.actorName ?? (c.actor.startsWith('system:') ? s.systemTimer : c.actor)}</td>
            <td className="nowrap">{when(c.from)}</td>
            <td className="nowrap">{when(c.to)}</td>
            <td className="nowrap">{when(c.due)}</td>
            <td>
              {c.due === null ? (
                '—'
              ) : c.late ? (
                <span className="badge badge-t-late">{s.lateMark}</span>
              ) : (
                <span className="badge badge-t-on-time">{s.onTime}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
