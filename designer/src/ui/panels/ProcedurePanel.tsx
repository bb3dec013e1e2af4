import { useEffect, useRef } from 'react';
import type { Procedure, UnitCatalog } from '../../../../engine/index.ts';
import { formatVnd } from '../../i18n/format.ts';
import { keyFromName } from '../../model/statePaths.ts';
import { Field, LocalizedInput, TextInput, WorkingTimeInput } from '../controls.tsx';
import type { Exec } from '../editor/Editor.tsx';
import { useI18n } from '../I18n.tsx';

type DocumentSpec = Procedure['documents'][number];
type Fee = Procedure['fees'][number];
type LegalDoc = Procedure['legalBasis'][number];
const KINDS = ['original', 'copy', 'certified-copy', 'original-or-certified-copy', 'form'] as const;

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

  const setDoc = (i: number, patch: Partial<DocumentSpec>) =>
    set(
      { documents: procedure.documents.map((d, j) => (j === i ? { ...d, ...patch } : d)) },
      `documents.${i}`,
    );
  const setFee = (i: number, patch: Partial<Fee>) =>
    set({ fees: procedure.fees.map((f, j) => (j === i ? { ...f, ...patch } : f)) }, `fees.${i}`);
  const setLegal = (i: number, patch: Partial<LegalDoc>) =>
    set(
      { legalBasis: procedure.legalBasis.map((d, j) => (j === i ? { ...d, ...patch } : d)) },
      `legal.${i}`,
    );
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

      <section data-section="legalBasis" className="subsection">
        <h3>{s.legalBasis}</h3>
        {procedure.legalBasis.map((d, i) => (
          <div key={i} className="list-card">
            <div className="grid-2">
              <Field label={s.legalNumber}>
                {(id) => (
                  <TextInput
                    id={id}
                    value={d.number}
                    onChange={(number) => setLegal(i, { number })}
                  />
                )}
              </Field>
              <Field label={s.legalIssued}>
                {(id) => (
                  <TextInput
                    id={id}
                    type="date"
                    value={d.issued ?? ''}
                    onChange={(issued) => setLegal(i, { issued: issued || undefined })}
                  />
                )}
              </Field>
            </div>
            <Field label={s.legalTitle}>
              {(id) => (
                <TextInput id={id} value={d.title} onChange={(title) => setLegal(i, { title })} />
              )}
            </Field>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() =>
                set(
                  { legalBasis: procedure.legalBasis.filter((_, j) => j !== i) },
                  `legal-remove.${i}`,
                )
              }
            >
              {s.remove}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() =>
            set({ legalBasis: [...procedure.legalBasis, { number: '…', title: '…' }] }, 'legal-add')
          }
        >
          + {s.addLegal}
        </button>
      </section>

      <section data-section="fees" className="subsection">
        <h3>{s.fees}</h3>
        {procedure.fees.length === 0 ? <p className="muted small">{s.free}</p> : null}
        {procedure.fees.map((fee, i) => (
          <div key={i} className="list-card">
            <Field label={s.feeName}>
              {(id) => (
                <TextInput
                  id={id}
                  value={fee.name.vi}
                  onChange={(vi) => setFee(i, { name: { ...fee.name, vi } })}
                />
              )}
            </Field>
            <Field label={s.amountVnd} hint={formatVnd(fee.amountVnd, s, lang)}>
              {(id) => (
                <TextInput
                  id={id}
                  value={String(fee.amountVnd)}
                  onChange={(v) => {
                    const n = num(v);
                    if (n !== undefined && Number.isInteger(n) && n >= 0)
                      setFee(i, { amountVnd: n });
                  }}
                />
              )}
            </Field>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() =>
                set({ fees: procedure.fees.filter((_, j) => j !== i) }, `fee-remove.${i}`)
              }
            >
              {s.remove}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() =>
            set({ fees: [...procedure.fees, { name: { vi: 'Lệ phí' }, amountVnd: 0 }] }, 'fee-add')
          }
        >
          + {s.addFee}
        </button>
      </section>

      <section data-section="documents" className="subsection">
        <h3>{s.documents}</h3>
        {procedure.documents.map((d, i) => (
          <div key={d.id} className="list-card">
            <Field label={s.documentName}>
              {(id) => (
                <TextInput
                  id={id}
                  value={d.name.vi}
                  onChange={(vi) => setDoc(i, { name: { ...d.name, vi } })}
                />
              )}
            </Field>
            <div className="grid-3">
              <Field label={s.documentKind}>
                {(id) => (
                  <select
                    id={id}
                    value={d.kind}
                    onChange={(e) => setDoc(i, { kind: e.target.value })}
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {s[`kind_${k}`]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={s.copies}>
                {(id) => (
                  <TextInput
                    id={id}
                    value={String(d.copies)}
                    onChange={(v) => {
                      const n = num(v);
                      if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= 100)
                        setDoc(i, { copies: n });
                    }}
                  />
                )}
              </Field>
              <label className="check">
                <input
                  type="checkbox"
                  checked={d.required}
                  onChange={(e) => setDoc(i, { required: e.target.checked })}
                />{' '}
                {s.required}
              </label>
            </div>
            <div className="muted small">
              {s.documentId}: <code>{d.id}</code>
            </div>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() =>
                set({ documents: procedure.documents.filter((_, j) => j !== i) }, `doc-remove.${i}`)
              }
            >
              {s.remove}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => {
            const taken = new Set(procedure.documents.map((d) => d.id));
            let key = keyFromName('Giấy tờ mới', 'giayTo');
            for (let n = 2; taken.has(key); n++) key = `giayToMoi${n}`;
            set(
              {
                documents: [
                  ...procedure.documents,
                  { id: key, name: { vi: 'Giấy tờ mới' }, kind: 'copy', copies: 1, required: true },
                ],
              },
              'doc-add',
            );
          }}
        >
          + {s.addDocument}
        </button>
      </section>

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
