import { useMachine } from '@xstate/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  acceptedEvents,
  classifyTimeliness,
  createCalendar,
  eventName,
  slipTitles,
  workingTimeBetween,
  type Effect,
  type Procedure,
  type UnitCatalog,
  type WorkingCalendar,
} from '../../../../engine/index.ts';
import { api } from '../../api/client.ts';
import type { Strings } from '../../i18n/strings.ts';
import { formatDate, formatDateTime, formatHours } from '../../i18n/format.ts';
import { toCanvas } from '../../model/canvasModel.ts';

import { guardFields } from '../../model/guardFields.ts';
import { lastKey } from '../../model/statePaths.ts';
import { calendarFromYears, isOfficial } from '../../simulate/calendarFromDays.ts';
import { simulatorMachine } from '../../simulate/simulatorMachine.ts';
import { useI18n } from '../I18n.tsx';
import { DataInput } from './DataInput.tsx';
import { SimulationSetup } from './SimulationSetup.tsx';

/** The calendar the runtime uses: the official schedules from the server (else the rules). */
function useCalendar(): { calendar: WorkingCalendar; official: number[] } | undefined {
  const year = new Date().getFullYear();
  const years = [year - 1, year, year + 1, 2026].filter((y, i, a) => a.indexOf(y) === i);
  const { data, isError } = useQuery({
    queryKey: ['calendar', years],
    queryFn: () => Promise.all(years.map((y) => api.calendar(y))),
    // Official schedules change once a year: read once per page.
    staleTime: Infinity,
    retry: false,
  });
  return useMemo(
    () =>
      data
        ? {
            calendar: calendarFromYears(data),
            official: data.filter((x) => isOfficial(x.days)).map((x) => x.year),
          }
        : isError
          ? { calendar: createCalendar(), official: [] }
          : undefined,
    [data, isError],
  );
}

/**
 * Walk a dossier through the real compiled machine: choose the next event among those the
 * current steps accept, fill the data the conditions read, let working time pass (weekends and
 * holidays skipped), and watch the appointment date and the step deadlines.
 */
export function SimulatorPanel({
  procedure,
  catalog,
  errors,
  onActive,
  request,
}: {
  procedure: Procedure;
  catalog: UnitCatalog;
  errors: number;
  onActive: (paths: ReadonlySet<string>) => void;
  /** An event clicked on the canvas (an arrow or its label): fired when the dossier accepts it. */
  request?: { readonly event: string; readonly nonce: number } | undefined;
}) {
  const { s, f } = useI18n();
  const loaded = useCalendar();
  useEffect(() => () => onActive(new Set()), [onActive]);
  return (
    <aside className="side-panel sim-panel" aria-label={s.simulation} data-testid="simulator">
      <div className="panel-section">
        <h2 className="panel-title">{s.simulation}</h2>
        <p className="muted small">{s.simIntro}</p>
        {loaded ? (
          <p className="muted small">
            {loaded.official.length > 0
              ? f(s.calendarOfficial, { years: loaded.official.join(', ') })
              : s.calendarForecast}
          </p>
        ) : null}
        {errors > 0 ? (
          <div className="alert alert-error" role="alert">
            {s.simInvalid}
          </div>
        ) : !loaded ? (
          <p>{s.loading}</p>
        ) : (
          <Simulation
            procedure={procedure}
            catalog={catalog}
            calendar={loaded.calendar}
            onActive={onActive}
            request={request}
          />
        )}
      </div>
    </aside>
  );
}

function Simulation({
  procedure,
  catalog,
  calendar,
  onActive,
  request,
}: {
  procedure: Procedure;
  catalog: UnitCatalog;
  calendar: WorkingCalendar;
  onActive: (paths: ReadonlySet<string>) => void;
  request?: { readonly event: string; readonly nonce: number } | undefined;
}) {
  const { s, f, t, lang } = useI18n();
  const [state, send] = useMachine(simulatorMachine, { input: { procedure, calendar } });
  const sim = state.context.sim;
  const model = useMemo(() => toCanvas(procedure), [procedure]);
  const pathOfId = useMemo(() => new Map(model.states.map((x) => [x.id, x.path])), [model]);
  const fields = useMemo(() => guardFields(procedure), [procedure]);
  const [eventData, setEventData] = useState<Record<string, Record<string, unknown>>>({});

  useEffect(() => {
    const active = new Set<string>();
    if (sim) {
      for (const id of Object.keys(sim.snapshot.steps)) {
        const path = pathOfId.get(id);
        if (path) active.add(path);
      }
      if (sim.snapshot.status === 'done') {
        const finals = model.states.filter(
          (x) => x.kind === 'final' && x.own.meta?.outcome === sim.snapshot.outcome,
        );
        if (finals[0]) active.add(finals[0].path);
      }
    }
    onActive(active);
  }, [sim, pathOfId, model, onActive]);

  // An event clicked on the canvas fires like its button, when the current steps accept it.
  const handled = useRef(request?.nonce);
  useEffect(() => {
    if (!request || handled.current === request.nonce || !sim) return;
    handled.current = request.nonce;
    if (!acceptedEvents(procedure, sim.snapshot).some((e) => e.type === request.event)) return;
    if ((fields.event.get(request.event) ?? []).length > 0) return;
    send({ type: 'SEND', event: { type: request.event } });
  }, [request, sim, procedure, fields, send]);

  const stepName = (id: string) => {
    const path = pathOfId.get(id) ?? id;
    return t(model.states.find((x) => x.path === path)?.own.meta?.name, lastKey(path));
  };
  const unitName = (id?: string) => (id ? t(catalog.units.find((u) => u.id === id)?.name, id) : '');
  const effectText = (e: Effect): string | undefined => {
    switch (e.kind) {
      case 'issue-slip':
        return f(s.effectSlip, { slip: t(slipTitles[e.slip]) });
      case 'clock':
        return f(s[`effectClock_${e.change}`], { due: e.due ? formatDateTime(e.due, lang) : '' });
      case 'notify':
        return f(s.effectNotify, { message: t(e.message) });
      case 'schedule-timer':
      case 'cancel-timer':
      case 'step-exited':
        return undefined;
      default: {
        const never: never = e;
        return String(never);
      }
    }
  };
  if (!sim) {
    return (
      <SimulationSetup
        procedure={procedure}
        calendar={calendar}
        onStart={(start) => send({ type: 'START', start })}
      />
    );
  }

  const snap = sim.snapshot;
  const now = new Date(sim.now);
  const clock = snap.clock;
  const timeliness = clock.due
    ? snap.status === 'done'
      ? snap.timeliness
      : classifyTimeliness(calendar, { due: new Date(clock.due), now })
    : undefined;
  const accepted = acceptedEvents(procedure, snap);

  return (
    <div className="sim-running">
      <section className="sim-card" aria-label={s.simNow}>
        <div className="sim-label">{s.simNow}</div>
        <div className="sim-now" data-testid="sim-now">
          {formatDateTime(now, lang)}
        </div>
        {snap.status !== 'done' ? (
          <div className="panel-row" role="group" aria-label={s.advance}>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => send({ type: 'ADVANCE', amount: { workingHours: 1 } })}
            >
              {s.plusHour}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => send({ type: 'ADVANCE', amount: { workingHours: 4 } })}
            >
              {s.plusHalfDay}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => send({ type: 'ADVANCE', amount: { workingDays: 1 } })}
            >
              {s.plusDay}
            </button>
          </div>
        ) : null}
        {sim.skipped.length > 0 ? (
          <p className="muted small">
            {f(s.skippedDays, {
              days: sim.skipped
                .map((d) => `${formatDate(d.date, lang, true)}${d.name ? ` (${t(d.name)})` : ''}`)
                .join(', '),
            })}
          </p>
        ) : null}
      </section>
      <section className="sim-card" aria-label={s.appointment}>
        <div className="sim-label">{s.appointment}</div>
        <div className="sim-due" data-testid="sim-due">
          {clock.due ? formatDateTime(clock.due, lang) : '—'}
          {timeliness ? (
            <span className={`badge badge-t-${timeliness}`}>{s[`timeliness_${timeliness}`]}</span>
          ) : null}
        </div>
        {clock.originalDue && clock.originalDue !== clock.due ? (
          <div className="muted small">
            {s.originalAppointment}: {formatDateTime(clock.originalDue, lang)}
          </div>
        ) : null}
        <div className="muted small">
          {s.clockStatus}: {s[`clock_${clock.status}`]}
        </div>
      </section>
      {snap.status === 'done' ? (
        <div className="alert alert-ok" role="status" data-testid="sim-finished">
          {f(s.finished, { outcome: snap.outcome ? s[`outcome_${snap.outcome}`] : '' })}
          {snap.timeliness ? ` · ${s.timeliness}: ${s[`timeliness_${snap.timeliness}`]}` : ''}
        </div>
      ) : (
        <>
          <section className="subsection" aria-label={s.activeSteps}>
            <h3>{s.activeSteps}</h3>
            <ul className="active-steps">
              {Object.entries(snap.steps).map(([id, step]) => {
                const left = step.due
                  ? workingTimeBetween(calendar, now, new Date(step.due)) / 60
                  : undefined;
                const node = model.states.find((x) => x.id === id);
                return (
                  <li key={id}>
                    <strong>{stepName(id)}</strong>
                    <span className="muted small"> · {unitName(node?.own.meta?.unit)}</span>
                    {step.due ? (
                      <div
                        className={`small ${left !== undefined && left <= 0 ? 'text-error' : ''}`}
                      >
                        {f(s.stepDue, { due: formatDateTime(step.due, lang, false) })} ·{' '}
                        {left !== undefined && left < 0
                          ? s.overdue
                          : left !== undefined && left === 0
                            ? s.dueNow
                            : f(s.remaining, {
                                hours: formatHours(Math.max(0, left ?? 0), s, lang),
                              })}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="subsection" aria-label={s.nextEvents}>
            <h3>{s.nextEvents}</h3>
            {accepted.length === 0 ? <p className="muted small">{s.noNextEvents}</p> : null}
            <div className="next-events">
              {accepted.map((e) => {
                const extra = fields.event.get(e.type) ?? [];
                return (
                  <div key={e.type} className="next-event">
                    {extra.map((field) => (
                      <DataInput
                        key={field}
                        procedure={procedure}
                        field={field}
                        value={eventData[e.type]?.[field]}
                        onChange={(v) =>
                          setEventData({
                            ...eventData,
                            [e.type]: { ...(eventData[e.type] ?? {}), [field]: v },
                          })
                        }
                        idPrefix={`ev-${e.type}`}
                      />
                    ))}
                    <button
                      type="button"
                      className="btn btn-event"
                      data-event={e.type}
                      onClick={() => {
                        const payload = Object.fromEntries(
                          Object.entries(eventData[e.type] ?? {}).filter(
                            ([, v]) => v !== undefined,
                          ),
                        );
                        send({
                          type: 'SEND',
                          event: { type: e.type, ...(extra.length > 0 ? { data: payload } : {}) },
                        });
                      }}
                    >
                      {t(e.name)}
                      <span className="muted small"> · {stepName(e.step)}</span>
                    </button>
                  </div>
                );
              })}
            </div>
            {sim.error ? (
              <div className="alert alert-error" role="alert">
                {sim.error.code === 'guard-rejected'
                  ? f(s.rejectedGuard, { event: sim.error.event })
                  : f(s.rejectedEvent, { event: sim.error.event })}
              </div>
            ) : null}
          </section>
        </>
      )}
      <section className="subsection" aria-label={s.log}>
        <h3>{s.log}</h3>
        <ol className="sim-log" reversed>
          {[...sim.log].reverse().map((entry, i) => (
            <li key={i}>
              <span className="log-time">{formatDateTime(entry.at, lang, false)}</span>{' '}
              <strong>
                {entry.kind === 'received'
                  ? f(s.logReceived, { channel: s[`channel_${snap.channel}`] })
                  : entry.kind === 'timer'
                    ? f(s.logTimer, { event: timerLabel(entry.event ?? '', s) })
                    : t(eventName(procedure, entry.event ?? ''))}
              </strong>
              <ul>
                {entry.effects.map((e, j) => {
                  const text = effectText(e);
                  return text ? <li key={j}>{text}</li> : null;
                })}
              </ul>
            </li>
          ))}
        </ol>
      </section>
      <button type="button" className="btn btn-ghost" onClick={() => send({ type: 'RESET' })}>
        {s.resetSimulation}
      </button>
    </div>
  );
}

/** A readable name for a timer event: a warning of the runtime or an `after` delay. */
function timerLabel(type: string, s: Strings): string {
  if (type.startsWith('xstate.after.')) return type.slice(13).split('.')[0] ?? type;
  if (type === 'motcua.stepOverdue') return s.timer_stepOverdue;
  if (type === 'motcua.dossierDueSoon') return s.timer_dossierDueSoon;
  if (type === 'motcua.dossierOverdue') return s.timer_dossierOverdue;
  return type;
}
