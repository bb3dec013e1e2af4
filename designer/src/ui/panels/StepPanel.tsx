import { useState } from 'react';
import {
  eventName,
  type Action,
  type Outcome,
  type Problem,
  type StepMeta,
  type UnitCatalog,
} from '../../../../engine/index.ts';
import type { CanvasModel } from '../../model/canvasModel.ts';
import type { DesignDoc } from '../../model/designDoc.ts';
import { problemStep, type Selection } from '../../model/selection.ts';
import { getState, lastKey, parentPath, withoutUndefined } from '../../model/statePaths.ts';
import { Field, LocalizedInput, TextInput, WorkingTimeInput } from '../controls.tsx';
import type { Exec } from '../editor/Editor.tsx';
import { useI18n } from '../I18n.tsx';
import { ActionsEditor } from './ActionsEditor.tsx';
import { EventPicker, type EventChoice } from './EventPicker.tsx';

const OUTCOMES: readonly Outcome[] = ['approved', 'refused', 'withdrawn', 'stopped'];

/** Problems of one thing, shown at the top of its properties. */
export function InlineProblems({ problems }: { problems: readonly Problem[] }) {
  const { s, lang } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul className="inline-problems" aria-label={s.problems}>
      {problems.map((p, i) => (
        <li key={i} className={`problem-${p.severity}`}>
          <span className={`sev sev-${p.severity}`}>
            {p.severity === 'error' ? s.error : s.warning}
          </span>{' '}
          {lang === 'en' ? p.message.en : p.message.vi}
        </li>
      ))}
    </ul>
  );
}

/** Properties of a step, an outcome or a group: who, how long, which papers, where next. */
export function StepPanel({
  path,
  doc,
  catalog,
  model,
  problems,
  exec,
  onSelect,
}: {
  path: string;
  doc: DesignDoc;
  catalog: UnitCatalog;
  model: CanvasModel;
  problems: readonly Problem[];
  exec: Exec;
  onSelect: (selection: Selection) => void;
}) {
  const { s, t } = useI18n();
  const { procedure } = doc;
  const node = getState(procedure.machine, path);
  const [newTarget, setNewTarget] = useState('');
  const [newEvent, setNewEvent] = useState<EventChoice | undefined>(undefined);
  if (!node) return null;
  const meta: StepMeta = node.meta ?? {};
  const state = model.states.find((x) => x.path === path);
  const isGroup = (state?.children.length ?? 0) > 0;
  const isFinal = node.type === 'final';
  const parent = parentPath(path);
  const initial =
    (parent === '' ? procedure.machine.initial : getState(procedure.machine, parent)?.initial) ===
    lastKey(path);
  const mine = problems.filter((p) => problemStep(procedure, p.path) === path);

  const setMeta = (patch: Partial<StepMeta>, field: string) =>
    exec(
      { type: 'updateStep', path, patch: { meta: withoutUndefined({ ...meta, ...patch }) } },
      s.cmd_updateStep,
      `step:${path}:${field}`,
    );
  const setActions = (which: 'entry' | 'exit', actions: readonly Action[]) =>
    exec(
      { type: 'updateStep', path, patch: { [which]: actions.length > 0 ? actions : undefined } },
      s.cmd_updateStep,
      `step:${path}:${which}`,
    );
  const outgoing = model.transitions.filter((tr) => tr.ref.source === path);
  const stepName = (p: string | null) =>
    p === null ? '?' : t(getState(procedure.machine, p)?.meta?.name, lastKey(p));
  const targets = model.states.filter((x) => x.path !== path);
  const units = catalog.units;
  const levelName = (id: string) => t(catalog.levels.find((l) => l.id === id)?.name, id);

  return (
    <div className="panel-section" data-testid="step-panel">
      <h2 className="panel-title">
        {isFinal ? s.finalProperties : isGroup ? s.groupProperties : s.stepProperties}
        <code className="key">{path}</code>
      </h2>
      <InlineProblems problems={mine} />
      <LocalizedInput
        label={s.stepName}
        value={meta.name}
        onChange={(name) => setMeta({ name }, 'name')}
      />
      {isFinal ? (
        <Field label={s.outcome}>
          {(id) => (
            <select
              id={id}
              value={meta.outcome ?? ''}
              onChange={(e) =>
                setMeta(
                  { outcome: (e.target.value || undefined) as Outcome | undefined },
                  'outcome',
                )
              }
            >
              <option value="">{s.outcome_none}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {s[`outcome_${o}`]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {!isFinal && !isGroup ? (
        <>
          <Field label={s.unit}>
            {(id) => (
              <select
                id={id}
                value={meta.unit ?? ''}
                onChange={(e) => setMeta({ unit: e.target.value || undefined }, 'unit')}
              >
                <option value="">{s.chooseUnit}</option>
                {catalog.levels.map((level) => {
                  const list = units.filter((u) => u.level === level.id);
                  return list.length > 0 ? (
                    <optgroup key={level.id} label={levelName(level.id)}>
                      {list.map((u) => (
                        <option key={u.id} value={u.id}>
                          {t(u.name)}
                        </option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
                {meta.unit && !units.some((u) => u.id === meta.unit) ? (
                  <option value={meta.unit}>{meta.unit}</option>
                ) : null}
              </select>
            )}
          </Field>
          <Field label={s.role}>
            {(id) => (
              <select
                id={id}
                value={meta.role ?? ''}
                onChange={(e) => setMeta({ role: e.target.value || undefined }, 'role')}
              >
                <option value="">{s.chooseRole}</option>
                {catalog.roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t(r.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <WorkingTimeInput
            label={s.duration}
            value={meta.duration}
            onChange={(duration) => setMeta({ duration }, 'duration')}
          />
          <fieldset className="radio-group">
            <legend>{s.clock}</legend>
            <label>
              <input
                type="radio"
                name={`clock-${path}`}
                checked={meta.clock !== 'paused'}
                onChange={() => setMeta({ clock: undefined }, 'clock')}
              />{' '}
              {s.clockRunning}
            </label>
            <label>
              <input
                type="radio"
                name={`clock-${path}`}
                checked={meta.clock === 'paused'}
                onChange={() => setMeta({ clock: 'paused' }, 'clock')}
              />{' '}
              {s.clockPausedOption}
            </label>
          </fieldset>
          <Field label={s.form}>
            {(id) => (
              <select
                id={id}
                value={meta.form ?? ''}
                onChange={(e) => setMeta({ form: e.target.value || undefined }, 'form')}
              >
                <option value="">{s.none}</option>
                {procedure.forms.map((form) => (
                  <option key={form.id} value={form.id}>
                    {t(form.title)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {procedure.documents.length > 0 ? (
            <fieldset className="checks">
              <legend>{s.documentsChecked}</legend>
              {procedure.documents.map((d) => (
                <label key={d.id}>
                  <input
                    type="checkbox"
                    checked={meta.documents?.includes(d.id) ?? false}
                    onChange={(e) => {
                      const list = new Set(meta.documents ?? []);
                      if (e.target.checked) list.add(d.id);
                      else list.delete(d.id);
                      const ordered = procedure.documents
                        .map((x) => x.id)
                        .filter((x) => list.has(x));
                      setMeta({ documents: ordered.length > 0 ? ordered : undefined }, 'documents');
                    }}
                  />{' '}
                  {t(d.name)}
                </label>
              ))}
            </fieldset>
          ) : null}
          <label className="check">
            <input
              type="checkbox"
              checked={!!meta.citizenVisit}
              onChange={(e) =>
                setMeta({ citizenVisit: e.target.checked || undefined }, 'citizenVisit')
              }
            />{' '}
            {s.citizenVisitLabel}
          </label>
          {meta.citizenVisit ? (
            <Field label={s.citizenHours}>
              {(id) => (
                <TextInput
                  id={id}
                  value={meta.citizenHours === undefined ? '' : String(meta.citizenHours)}
                  onChange={(v) => {
                    const n = Number(v.replace(',', '.'));
                    if (v.trim() === '') setMeta({ citizenHours: undefined }, 'citizenHours');
                    else if (Number.isFinite(n) && n >= 0)
                      setMeta({ citizenHours: n }, 'citizenHours');
                  }}
                />
              )}
            </Field>
          ) : null}
          <ActionsEditor
            label={s.entryActions}
            actions={node.entry ?? []}
            onChange={(a) => setActions('entry', a)}
          />
          <ActionsEditor
            label={s.exitActions}
            actions={node.exit ?? []}
            onChange={(a) => setActions('exit', a)}
          />
        </>
      ) : null}

      {!isFinal ? (
        <section className="subsection" aria-label={s.outgoing}>
          <h3>{s.outgoing}</h3>
          <ul className="link-list">
            {outgoing.map((tr) => (
              <li key={tr.id}>
                <button
                  type="button"
                  className="linkish"
                  onClick={() => onSelect({ kind: 'transition', ref: tr.ref })}
                >
                  <strong>
                    {tr.ref.kind === 'on'
                      ? t(eventName(procedure, tr.ref.event))
                      : tr.ref.kind === 'onDone'
                        ? s.kind_onDone
                        : tr.ref.kind === 'always'
                          ? s.kind_always
                          : s.kind_after.replace('{delay}', tr.ref.event)}
                  </strong>{' '}
                  → {tr.targets.map((x) => stepName(x.path)).join(', ') || s.none}
                </button>
              </li>
            ))}
          </ul>
          <div className="add-transition">
            <Field label={s.target}>
              {(id) => (
                <select id={id} value={newTarget} onChange={(e) => setNewTarget(e.target.value)}>
                  <option value="">{s.chooseTarget}</option>
                  {targets.map((x) => (
                    <option key={x.path} value={x.path}>
                      {stepName(x.path)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {node.type !== 'parallel' ? (
              <EventPicker procedure={procedure} value={newEvent?.event} onChange={setNewEvent} />
            ) : null}
            <button
              type="button"
              className="btn btn-small"
              disabled={!newTarget || (node.type !== 'parallel' && !newEvent)}
              onClick={() => {
                const args =
                  node.type === 'parallel'
                    ? ({ kind: 'onDone', source: path, target: newTarget } as const)
                    : {
                        kind: 'on' as const,
                        source: path,
                        target: newTarget,
                        event: newEvent!.event,
                        ...(newEvent!.eventName ? { eventName: newEvent!.eventName } : {}),
                      };
                exec({ type: 'connect', ...args }, s.cmd_connect);
                setNewTarget('');
                setNewEvent(undefined);
              }}
            >
              + {s.addTransition}
            </button>
          </div>
        </section>
      ) : null}

      <div className="panel-actions">
        {!initial ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => exec({ type: 'setInitial', path }, s.cmd_setInitial)}
            disabled={isFinal}
          >
            {s.makeInitial}
          </button>
        ) : (
          <span className="muted small">{s.isInitial}</span>
        )}
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={() =>
            exec({ type: 'deleteStep', path }, s.cmd_deleteStep, undefined, { kind: 'none' })
          }
        >
          {s.deleteStep}
        </button>
      </div>
    </div>
  );
}
