import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Procedure, UnitCatalog } from '../../../../engine/index.ts';
import { api } from '../../api/client.ts';
import { duplicateProcedure, idProblem, newFromTemplate } from '../../model/newProcedure.ts';
import { slugFromName } from '../../model/statePaths.ts';
import { Dialog } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';

/** The first `<id>-<n>` not taken, from 2. */
function freeId(id: string, taken: ReadonlySet<string>): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/** Create a procedure from the template, or duplicate one as a new variant (a new id). */
export function NewProcedureDialog({
  mode,
  sourceId,
  catalog,
  taken,
  onClose,
  onCreate,
  defaultLevel,
}: {
  mode: 'new' | 'duplicate';
  sourceId?: string;
  catalog: UnitCatalog;
  taken: ReadonlySet<string>;
  onClose: () => void;
  onCreate: (procedure: Procedure) => void;
  /** The level of the officer's own unit. */
  defaultLevel?: string | undefined;
}) {
  const { s, t } = useI18n();
  // What the officer typed (undefined: not yet, the proposal stands).
  const [typedName, setName] = useState<string | undefined>(undefined);
  const [typedId, setId] = useState<string | undefined>(undefined);
  const [idTouched, setIdTouched] = useState(false);
  // The officer's own level first (a district officer drafts district procedures).
  const [level, setLevel] = useState(
    (defaultLevel && catalog.levels.some((l) => l.id === defaultLevel)
      ? defaultLevel
      : undefined) ??
      catalog.levels.find((l) => !l.legacy)?.id ??
      'commune',
  );

  // The procedure duplicated: the version in effect now.
  const { data: read } = useQuery({
    queryKey: ['procedure', sourceId, 'effective'],
    queryFn: () => api.procedure(sourceId!),
    enabled: mode === 'duplicate' && !!sourceId,
    retry: false,
  });
  const source = read?.procedure;
  // Once it is read, the copy's name and a free id are proposed.
  const name = typedName ?? (source ? `${source.name.vi}${s.copySuffix}` : '');
  const id = typedId ?? (source && sourceId ? freeId(sourceId, taken) : '');

  const problem = id ? idProblem(id, taken) : 'invalid';
  const ready = !!name.trim() && !problem && (mode === 'new' || !!source);
  const create = () => {
    if (!ready) return;
    onCreate(
      mode === 'duplicate' && source
        ? duplicateProcedure(source, id, name.trim())
        : newFromTemplate(id, name.trim(), level, catalog),
    );
  };

  return (
    <Dialog
      title={mode === 'new' ? s.createTitle : s.duplicateTitle}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {s.cancel}
          </button>
          <button type="button" className="btn btn-primary" disabled={!ready} onClick={create}>
            {s.create}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <p className="muted">{mode === 'new' ? s.createIntro : s.duplicateIntro}</p>
        <div className="field">
          <label htmlFor="new-name">{s.procedureName}</label>
          <input
            id="new-name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (!idTouched && mode === 'new') setId(slugFromName(e.target.value));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="new-id">{s.procedureId}</label>
          <input
            id="new-id"
            value={id}
            aria-invalid={!!id && !!problem}
            aria-describedby="new-id-help"
            onChange={(e) => {
              setIdTouched(true);
              setId(e.target.value);
            }}
          />
          <div id="new-id-help" className={id && problem ? 'hint hint-error' : 'hint'}>
            {id && problem === 'taken'
              ? s.idTaken
              : id && problem === 'invalid'
                ? s.idInvalid
                : s.procedureIdHelp}
          </div>
        </div>
        {mode === 'new' ? (
          <div className="field">
            <label htmlFor="new-level">{s.level}</label>
            <select id="new-level" value={level} onChange={(e) => setLevel(e.target.value)}>
              {catalog.levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {t(l.name)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
