import { useEffect, useRef } from 'react';
import type { Procedure, UnitCatalog } from '../../../../engine/index.ts';
import { Field, LocalizedInput, TextInput, WorkingTimeInput } from '../controls.tsx';
import type { Exec } from '../editor/Editor.tsx';
import { useI18n } from '../I18n.tsx';
import { DocumentsSection, FeesSection, LegalBasisSection } from './ProcedureLists.tsx';

/** A whole amount typed with or without thousand separators (1.024.000). */
function num(text: string): number | undefined {
  const n = Number(text.replace(/[.,\s]/g, ''));
  return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

/** A decimal typed with a comma or a dot (1,5). */
function decimal(text: string): number | undefined {
  const n = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

/** The procedure's own properties: identity, deadline, fees, documents, cost model, events. */
export function ProcedurePanel({
  procedure,
  catalog,
  exec,
  focus,
}: {
  procedure: Procedure;
  catalog: UnitCatalog;
  exec: Exec;
  focus?: string;
}) {
  const { s, t, lang } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-section="${focus}"]`);
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [focus]);
  const set = (patch: Partial<Omit<Procedure, 'id' | 'machine'>>, field: string) =>
    exec({ type: 'updateProcedure', patch }, s.cmd_updateProcedure, `proc:${field}`);

  const cost = procedure.cost ?? {};
  const setCost = (patch: Partial<NonNullable<Procedure['cost']>>, field: string) => {
    const next = { ...cost, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    set({ cost: Object.keys(next).length > 0 ? next : undefined }, `cost.${field}`);
  };
  const events = Object.entries(procedure.events ?? {});

  return (
    <div className="panel-section" ref={root} data-testid="procedure-panel">
      <section data-section="identity">
        <h2 className="panel-title">
          {s.identity} <code className="key">{procedure.id}</code>
        </h2>
        <fieldset className="localized" data-section="name">
          <legend>{s.procedureName}</legend>
          <Field label={s.nameVi}>
            {(id) => (
              <TextInput
                id={id}
                value={procedure.name.vi}
                onChange={(vi) => set({ name: { ...procedure.name, vi } }, 'name.vi')}
              />
            )}
          </Field>
          <Field label={s.nameEn}>
            {(id) => (
              <TextInput
                id={id}
                value={procedure.name.en}
                onChange={(en) => set({ name: { ...procedure.name, en } }, 'name.en')}
              />
            )}
          </Field>
        </fieldset>
        <div className="grid-2">
          <Field label={s.code}>
            {(id) => (
              <TextInput
                id={id}
                value={procedure.code ?? ''}
                onChange={(code) => set({ code: code || undefined }, 'code')}
              />
            )}
          </Field>
          <Field label={s.level}>
            {(id) => (
              <select
                id={id}
                value={procedure.level}
                onChange={(e) => set({ level: e.target.value }, 'level')}
              >
                {catalog.levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {t(l.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={s.field}>
          {(id) => (
            <TextInput
              id={id}
              value={procedure.field}
              onChange={(field) => set({ field }, 'field')}
            />
          )}
        </Field>
        <LocalizedInput
          label={s.agency}
          value={procedure.agency}
          optional
          onChange={(agency) => set({ agency }, 'agency')}
        />
        <LocalizedInput
          label={s.result}
          value={procedure.result}
          optional
          onChange={(result) => set({ result }, 'result')}
        />
      </section>

      <section data-section="deadline">
        <WorkingTimeInput
          label={s.deadline}
          value={procedure.deadline}
          allowEmpty={false}
          hint={s.deadlineWithinDay}
          onChange={(deadline) => deadline && set({ deadline }, 'deadline')}
        />
        <div className="grid-2">
          <Field label={s.supplementPolicy}>
            {(id) => (
              <select
                id={id}
                value={procedure.supplementPolicy ?? 'resume'}
                onChange={(e) =>
                  set(
                    { supplementPolicy: e.target.value as 'resume' | 'restart' },
                    'supplementPolicy',
                  )
                }
              >
                <option value="resume">{s.policyResume}</option>
                <option value="restart">{s.policyRestart}</option>
              </select>
            )}
          </Field>
          <Field label={s.onlineService}>
            {(id) => (
              <select
                id={id}
                value={procedure.onlineService}
                onChange={(e) =>
                  set(
                    { onlineService: e.target.value as Procedure['onlineService'] },
                    'onlineService',
                  )
                }
              >
                <option value="full">{s.online_full}</option>
                <option value="partial">{s.online_partial}</option>
                <option value="none">{s.online_none}</option>
              </select>
            )}
          </Field>
        </div>
      </section>

      <LegalBasisSection procedure={procedure} set={set} />

      <FeesSection procedure={procedure} set={set} />

      <DocumentsSection procedure={procedure} set={set} />

      <section data-section="cost" className="subsection">
        <h3>{s.cost}</h3>
        <div className="grid-3">
          <Field label={s.applicantsPerYear}>
            {(id) => (
              <TextInput
                id={id}
                value={cost.applicantsPerYear === undefined ? '' : String(cost.applicantsPerYear)}
                onChange={(v) => setCost({ applicantsPerYear: num(v) }, 'applicants')}
              />
            )}
          </Field>
          <Field label={s.preparationHours}>
            {(id) => (
              <TextInput
                id={id}
                value={cost.preparationHours === undefined ? '' : String(cost.preparationHours)}
                onChange={(v) => setCost({ preparationHours: decimal(v) }, 'hours')}
              />
            )}
          </Field>
          <Field label={s.otherCostsVnd}>
            {(id) => (
              <TextInput
                id={id}
                value={cost.otherCostsVnd === undefined ? '' : String(cost.otherCostsVnd)}
                onChange={(v) => setCost({ otherCostsVnd: num(v) }, 'other')}
              />
            )}
          </Field>
        </div>
      </section>

      <section data-section="events" className="subsection">
        <h3>{s.events}</h3>
        <p className="muted small">{s.eventsHelp}</p>
        {events.map(([key, spec]) => (
          <div key={key} className="list-card">
            <div className="muted small">
              <code>{key}</code>
            </div>
            <LocalizedInput
              label={s.event}
              value={spec.name}
              onChange={(name) =>
                name &&
                set({ events: { ...procedure.events, [key]: { ...spec, name } } }, `event.${key}`)
              }
            />
          </div>
        ))}
      </section>
    </div>
  );
}
