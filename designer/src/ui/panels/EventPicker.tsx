import { useId, useState } from 'react';
import { standardEvents, type LocalizedText, type Procedure } from '../../../../engine/index.ts';
import { useI18n } from '../I18n.tsx';

const NEW = '__new__';

/** A chosen event: an existing one, or a new custom event with its Vietnamese name. */
export interface EventChoice {
  readonly event: string;
  readonly eventName?: LocalizedText;
}

/** An event key from a Vietnamese name: "Xác minh thực địa" → "XAC_MINH_THUC_DIA". */
export function eventKeyFromName(name: string): string {
  const key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[A-Z_]/.test(key) ? key : `SU_KIEN_${key}`;
}

/**
 * Pick the event of a transition: the standard one-stop events with their Vietnamese names, the
 * procedure's own events, or a new one named in Vietnamese (declared in `events` on apply).
 */
export function EventPicker({
  procedure,
  value,
  onChange,
  label,
}: {
  procedure: Procedure;
  value: string | undefined;
  onChange: (choice: EventChoice) => void;
  label?: string;
}) {
  const { s, t } = useI18n();
  const id = useId();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const custom = Object.entries(procedure.events ?? {});
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? s.event}</label>
      <select
        id={id}
        value={creating ? NEW : (value ?? '')}
        onChange={(e) => {
          if (e.target.value === NEW) {
            setCreating(true);
            return;
          }
          setCreating(false);
          onChange({ event: e.target.value });
        }}
      >
        {value === undefined ? <option value="">—</option> : null}
        <optgroup label={s.standardEvent}>
          {Object.entries(standardEvents).map(([key, text]) => (
            <option key={key} value={key}>
              {t(text)}
            </option>
          ))}
        </optgroup>
        {custom.length > 0 ? (
          <optgroup label={s.customEvent}>
            {custom.map(([key, spec]) => (
              <option key={key} value={key}>
                {t(spec.name)}
              </option>
            ))}
          </optgroup>
        ) : null}
        {value !== undefined && !(value in standardEvents) && !procedure.events?.[value] ? (
          <option value={value}>{value}</option>
        ) : null}
        <option value={NEW}>{s.newEvent}</option>
      </select>
      {creating ? (
        <div className="subfields">
          <div className="field">
            <label htmlFor={`${id}-name`}>{s.newEventName}</label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="hint">
            {s.newEventKey}: <code>{name ? eventKeyFromName(name) : '—'}</code> · {s.eventKeyHelp}
          </div>
          <button
            type="button"
            className="btn btn-small"
            disabled={!name.trim()}
            onClick={() => {
              onChange({ event: eventKeyFromName(name), eventName: { vi: name.trim() } });
              setCreating(false);
              setName('');
            }}
          >
            {s.apply}
          </button>
        </div>
      ) : null}
    </div>
  );
}
