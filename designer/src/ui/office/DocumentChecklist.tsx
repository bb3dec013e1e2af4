import type { ReactNode } from 'react';
import type { Procedure } from '../../../../engine/index.ts';
import { useI18n } from '../I18n.tsx';

type DocumentSpec = Procedure['documents'][number];

/** Documents to tick: those received at the desk, or brought with a supplement. */
export function DocumentChecklist({
  documents,
  checked,
  onChange,
  detail,
}: {
  documents: readonly DocumentSpec[];
  checked: ReadonlySet<string>;
  onChange: (checked: ReadonlySet<string>) => void;
  /** What to say after a document's name (its kind, copies, whether it is required). */
  detail?: (document: DocumentSpec) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {documents.map((d) => (
        <label key={d.id} className="check-row">
          <input
            type="checkbox"
            checked={checked.has(d.id)}
            onChange={(e) => {
              const next = new Set(checked);
              if (e.target.checked) next.add(d.id);
              else next.delete(d.id);
              onChange(next);
            }}
          />
          <span>
            {t(d.name)}
            {detail ? <span className="muted small"> · {detail(d)}</span> : null}
          </span>
        </label>
      ))}
    </>
  );
}
