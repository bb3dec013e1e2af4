import { useId } from 'react';
import { guardLabels, type Channel, type Guard, type Procedure } from '../../../../engine/index.ts';
import { fieldInfo, guardFieldOptions } from '../../model/formModel.ts';
import { guardText } from '../../model/guardText.ts';
import { TextInput } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';

type GuardType = Guard['type'];
type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in' | 'exists';
const OPS: readonly Op[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'exists'];
const CHANNELS: readonly Channel[] = ['desk', 'online', 'post'];

/** A new guard of a type, with defaults taken from the procedure (its first field, document). */
export function defaultGuard(type: GuardType, procedure: Procedure): Guard {
  switch (type) {
    case 'field': {
      const first = guardFieldOptions(procedure)[0];
      const value = first?.enum?.[0] ?? '';
      return { type, params: { field: first?.field ?? 'truong', op: 'eq', value } };
    }
    case 'all':
    case 'any':
      return { type, params: { guards: [defaultGuard('field', procedure)] } };
    case 'not':
      return { type, params: { guard: defaultGuard('field', procedure) } };
    case 'documentPresent':
      return { type, params: { document: procedure.documents[0]?.id ?? 'giayTo' } };
    case 'channel':
      return { type, params: { in: ['online'] } };
    case 'elapsed': {
      const date = guardFieldOptions(procedure).find((f) => f.type === 'date');
      return {
        type,
        params: { field: date?.field ?? 'ngaySinh', op: 'le', value: 60, unit: 'days' },
      };
    }
    default: {
      const never: never = type;
      throw new Error(`unknown guard ${String(never)}`);
    }
  }
}

/** Parse a typed value for a field: numbers for number fields, booleans for yes/no. */
function parseValue(text: string, type: string | undefined): unknown {
  if (type === 'number' || type === 'integer') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) && text.trim() !== '' ? n : text;
  }
  if (type === 'boolean') return text === 'true';
  return text;
}

function FieldGuard({
  guard,
  procedure,
  onChange,
}: {
  guard: Extract<Guard, { type: 'field' }>;
  procedure: Procedure;
  onChange: (g: Guard) => void;
}) {
  const { s } = useI18n();
  const id = useId();
  const p = guard.params;
  const options = guardFieldOptions(procedure);
  const info = p.source === 'event' ? undefined : fieldInfo(procedure, p.field);
  const set = (patch: Partial<typeof p>) => {
    const next = { ...p, ...patch } as Record<string, unknown>;
    if (next.op === 'exists') delete next.value;
    else if (next.op === 'in' && !Array.isArray(next.value))
      next.value = next.value === undefined || next.value === '' ? [] : [next.value];
    else if (next.op !== 'in' && Array.isArray(next.value)) next.value = next.value[0] ?? '';
    else if (next.value === undefined) next.value = '';
    if (next.source === 'form') delete next.source;
    onChange({ type: 'field', params: next as typeof p });
  };
  return (
    <div className="guard-field">
      <div className="field">
        <label htmlFor={`${id}-src`}>{s.guardSource}</label>
        <select
          id={`${id}-src`}
          value={p.source ?? 'form'}
          onChange={(e) => set({ source: e.target.value as 'form' | 'event' })}
        >
          <option value="form">{s.sourceForm}</option>
          <option value="event">{s.sourceEvent}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-field`}>{s.guardField}</label>
        {p.source === 'event' ? (
          <TextInput id={`${id}-field`} value={p.field} onChange={(field) => set({ field })} />
        ) : (
          <select
            id={`${id}-field`}
            value={p.field}
            onChange={(e) => {
              const f = fieldInfo(procedure, e.target.value);
              set({ field: e.target.value, ...(f?.enum ? { value: f.enum[0] } : {}) });
            }}
          >
            {options.map((o) => (
              <option key={o.field} value={o.field}>
                {o.title} ({o.field})
              </option>
            ))}
            {!options.some((o) => o.field === p.field) ? (
              <option value={p.field}>{p.field}</option>
            ) : null}
          </select>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-op`}>{s.guardOp}</label>
        <select id={`${id}-op`} value={p.op} onChange={(e) => set({ op: e.target.value as Op })}>
          {OPS.map((op) => (
            <option key={op} value={op}>
              {s[`op_${op}`]}
            </option>
          ))}
        </select>
      </div>
      {p.op === 'exists' ? null : p.op === 'in' ? (
        info?.enum ? (
          <fieldset className="checks">
            <legend>{s.guardValues}</legend>
            {info.enum.map((v) => (
              <label key={String(v)}>
                <input
                  type="checkbox"
                  checked={Array.isArray(p.value) && p.value.includes(v)}
                  onChange={(e) => {
                    const list = new Set(Array.isArray(p.value) ? p.value : []);
                    if (e.target.checked) list.add(v);
                    else list.delete(v);
                    set({ value: info.enum!.filter((x) => list.has(x)) });
                  }}
                />{' '}
                {String(v)}
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-vals`}>{s.guardValues}</label>
            <TextInput
              id={`${id}-vals`}
              multiline
              value={Array.isArray(p.value) ? p.value.map(String).join('\n') : ''}
              onChange={(text) =>
                set({
                  value: text
                    .split('\n')
                    .map((x) => x.trim())
                    .filter(Boolean)
                    .map((x) => parseValue(x, info?.type)),
                })
              }
            />
          </div>
        )
      ) : (
        <div className="field">
          <label htmlFor={`${id}-val`}>{s.guardValue}</label>
          {info?.enum ? (
            <select
              id={`${id}-val`}
              value={String(p.value ?? '')}
              onChange={(e) => set({ value: e.target.value })}
            >
              {info.enum.map((v) => (
                <option key={String(v)} value={String(v)}>
                  {String(v)}
                </option>
              ))}
            </select>
          ) : info?.type === 'boolean' ? (
            <select
              id={`${id}-val`}
              value={String(p.value === true)}
              onChange={(e) => set({ value: e.target.value === 'true' })}
            >
              <option value="true">{s.yes}</option>
              <option value="false">{s.no}</option>
            </select>
          ) : (
            <TextInput
              id={`${id}-val`}
              type={info?.type === 'date' ? 'date' : 'text'}
              value={p.value === undefined ? '' : String(p.value)}
              onChange={(text) => set({ value: parseValue(text, info?.type) })}
            />
          )}
        </div>
      )}
    </div>
  );
}

const ELAPSED_OPS = ['lt', 'le', 'gt', 'ge', 'eq'] as const;
const ELAPSED_UNITS = ['days', 'months', 'years'] as const;

/** Time from a date field to the reception date: an age from a birth date, "within 60 days". */
function ElapsedGuard({
  guard,
  procedure,
  onChange,
}: {
  guard: Extract<Guard, { type: 'elapsed' }>;
  procedure: Procedure;
  onChange: (g: Guard) => void;
}) {
  const { s } = useI18n();
  const id = useId();
  const p = guard.params;
  const set = (patch: Partial<typeof p>) =>
    onChange({ type: 'elapsed', params: { ...p, ...patch } });
  const dates = guardFieldOptions(procedure).filter((f) => f.type === 'date');
  return (
    <div className="guard-field">
      <div className="field">
        <label htmlFor={`${id}-field`}>{s.guardField}</label>
        <select id={`${id}-field`} value={p.field} onChange={(e) => set({ field: e.target.value })}>
          {dates.map((o) => (
            <option key={o.field} value={o.field}>
              {o.title} ({o.field})
            </option>
          ))}
          {!dates.some((o) => o.field === p.field) ? (
            <option value={p.field}>{p.field}</option>
          ) : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-op`}>{s.guardOp}</label>
        <select
          id={`${id}-op`}
          value={p.op}
          onChange={(e) => set({ op: e.target.value as (typeof ELAPSED_OPS)[number] })}
        >
          {ELAPSED_OPS.map((op) => (
            <option key={op} value={op}>
              {s[`op_${op}`]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-val`}>{s.elapsedValue}</label>
        <input
          id={`${id}-val`}
          type="number"
          min={0}
          max={1000}
          step={1}
          value={p.value}
          onChange={(e) => {
            const n = Math.trunc(Number(e.target.value));
            if (Number.isFinite(n) && n >= 0) set({ value: n });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{s.elapsedUnit}</label>
        <select
          id={`${id}-unit`}
          value={p.unit}
          onChange={(e) => set({ unit: e.target.value as (typeof ELAPSED_UNITS)[number] })}
        >
          {ELAPSED_UNITS.map((u) => (
            <option key={u} value={u}>
              {s[`elapsedUnit_${u}`]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/**
 * Build a condition without writing code: compare an e-form field (its Vietnamese title is
 * shown), combine conditions with all / any / not, require a document, or a channel.
 */
export function GuardBuilder({
  guard,
  procedure,
  onChange,
  depth = 0,
}: {
  guard: Guard;
  procedure: Procedure;
  onChange: (g: Guard | undefined) => void;
  depth?: number;
}) {
  const { s, t, lang } = useI18n();
  const id = useId();
  return (
    <div className={`guard guard-depth-${Math.min(depth, 3)}`}>
      <div className="guard-head">
        <select
          id={id}
          aria-label={s.guardType}
          value={guard.type}
          onChange={(e) => onChange(defaultGuard(e.target.value as GuardType, procedure))}
        >
          {(Object.keys(guardLabels) as GuardType[]).map((type) => (
            <option key={type} value={type}>
              {t(guardLabels[type])}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={s.removeGuard}
          onClick={() => onChange(undefined)}
        >
          ×
        </button>
      </div>
      {guard.type === 'field' ? (
        <FieldGuard guard={guard} procedure={procedure} onChange={onChange} />
      ) : null}
      {guard.type === 'all' || guard.type === 'any' ? (
        <div className="guard-children">
          {guard.params.guards.map((g, i) => (
            <GuardBuilder
              key={i}
              guard={g}
              procedure={procedure}
              depth={depth + 1}
              onChange={(next) => {
                const guards = next
                  ? guard.params.guards.map((x, j) => (j === i ? next : x))
                  : guard.params.guards.filter((_, j) => j !== i);
                onChange(guards.length > 0 ? { type: guard.type, params: { guards } } : undefined);
              }}
            />
          ))}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() =>
              onChange({
                type: guard.type,
                params: { guards: [...guard.params.guards, defaultGuard('field', procedure)] },
              })
            }
          >
            + {s.addCondition}
          </button>
        </div>
      ) : null}
      {guard.type === 'not' ? (
        <div className="guard-children">
          <GuardBuilder
            guard={guard.params.guard}
            procedure={procedure}
            depth={depth + 1}
            onChange={(next) =>
              onChange(next ? { type: 'not', params: { guard: next } } : undefined)
            }
          />
        </div>
      ) : null}
      {guard.type === 'documentPresent' ? (
        <div className="field">
          <label htmlFor={`${id}-doc`}>{s.guardDocument}</label>
          <select
            id={`${id}-doc`}
            value={guard.params.document}
            onChange={(e) =>
              onChange({ type: 'documentPresent', params: { document: e.target.value } })
            }
          >
            {procedure.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {t(d.name)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {guard.type === 'elapsed' ? (
        <ElapsedGuard guard={guard} procedure={procedure} onChange={onChange} />
      ) : null}
      {guard.type === 'channel' ? (
        <fieldset className="checks">
          <legend>{s.guardChannels}</legend>
          {CHANNELS.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={guard.params.in.includes(c)}
                onChange={(e) => {
                  const set = new Set(guard.params.in);
                  if (e.target.checked) set.add(c);
                  else set.delete(c);
                  const list = CHANNELS.filter((x) => set.has(x));
                  if (list.length > 0) onChange({ type: 'channel', params: { in: list } });
                }}
              />{' '}
              {s[`channel_${c}`]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {depth === 0 ? (
        <p className="guard-summary">
          {s.when} {guardText(guard, procedure, s, lang)}
        </p>
      ) : null}
    </div>
  );
}
