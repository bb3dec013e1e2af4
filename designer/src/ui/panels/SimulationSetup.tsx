import { useState } from 'react';
import type { Channel, Procedure, WorkingCalendar } from '../../../../engine/index.ts';
import { fromLocalInput, toLocalInput } from '../../i18n/format.ts';
import { guardFields } from '../../model/guardFields.ts';
import type { SimStart } from '../../simulate/simulation.ts';
import { useI18n } from '../I18n.tsx';
import { DataInput } from './DataInput.tsx';
import { defaultStart } from './simulationTime.ts';

const CHANNELS: readonly Channel[] = ['desk', 'online', 'post'];

/** What the applicant brings: when and how the dossier is submitted, its documents and data. */
export function SimulationSetup({
  procedure,
  calendar,
  onStart,
}: {
  procedure: Procedure;
  calendar: WorkingCalendar;
  onStart: (start: SimStart) => void;
}) {
  const { s, t } = useI18n();
  const fields = guardFields(procedure);
  const [start, setStart] = useState(() => toLocalInput(defaultStart(calendar)));
  const [channel, setChannel] = useState<Channel>('desk');
  const [documents, setDocuments] = useState<string[]>(() =>
    procedure.documents.filter((d) => d.required).map((d) => d.id),
  );
  const [data, setData] = useState<Record<string, unknown>>({});
  return (
    <form
      className="sim-setup"
      onSubmit={(e) => {
        e.preventDefault();
        const at = fromLocalInput(start);
        if (!at) return;
        const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
        onStart({ at: at.toISOString(), channel, data: clean, documents });
      }}
    >
      <div className="field">
        <label htmlFor="sim-start">{s.receivedAt}</label>
        <input
          id="sim-start"
          type="datetime-local"
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="sim-channel">{s.channel}</label>
        <select
          id="sim-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as Channel)}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {s[`channel_${c}`]}
            </option>
          ))}
        </select>
      </div>
      {procedure.documents.length > 0 ? (
        <fieldset className="checks">
          <legend>{s.submittedDocuments}</legend>
          {procedure.documents.map((d) => (
            <label key={d.id}>
              <input
                type="checkbox"
                checked={documents.includes(d.id)}
                onChange={(e) =>
                  setDocuments(
                    e.target.checked ? [...documents, d.id] : documents.filter((x) => x !== d.id),
                  )
                }
              />{' '}
              {t(d.name)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="checks">
        <legend>{s.formData}</legend>
        {fields.form.length === 0 ? <p className="muted small">{s.noGuardFields}</p> : null}
        {fields.form.map((field) => (
          <DataInput
            key={field}
            procedure={procedure}
            field={field}
            value={data[field]}
            onChange={(v) => setData({ ...data, [field]: v })}
            idPrefix="sim-data"
          />
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary btn-block">
        {s.startSimulation}
      </button>
    </form>
  );
}
