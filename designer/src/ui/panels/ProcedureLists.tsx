import type { Procedure } from '../../../../engine/index.ts';
import { formatVnd } from '../../i18n/format.ts';
import { keyFromName } from '../../model/statePaths.ts';
import { Field, TextInput } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { NEW_DATA } from '../../model/newData.ts';

type DocumentSpec = Procedure['documents'][number];
type Fee = Procedure['fees'][number];
type LegalDoc = Procedure['legalBasis'][number];
/** Set procedure fields; the key joins consecutive edits of one field into one undo step. */
type SetProcedure = (patch: Partial<Omit<Procedure, 'id' | 'machine'>>, field: string) => void;

const KINDS = ['original', 'copy', 'certified-copy', 'original-or-certified-copy', 'form'] as const;

/** A whole amount typed with or without thousand separators (1.024.000). */
function num(text: string): number | undefined {
  const n = Number(text.replace(/[.,\s]/g, ''));
  return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

/** The legal documents the procedure rests on (căn cứ pháp lý). */
export function LegalBasisSection({ procedure, set }: { procedure: Procedure; set: SetProcedure }) {
  const { s } = useI18n();
  const setLegal = (i: number, patch: Partial<LegalDoc>) =>
    set(
      { legalBasis: procedure.legalBasis.map((d, j) => (j === i ? { ...d, ...patch } : d)) },
      `legal.${i}`,
    );
  return (
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
  );
}

/** Fees and charges (phí, lệ phí). */
export function FeesSection({ procedure, set }: { procedure: Procedure; set: SetProcedure }) {
  const { s, lang } = useI18n();
  const setFee = (i: number, patch: Partial<Fee>) =>
    set({ fees: procedure.fees.map((f, j) => (j === i ? { ...f, ...patch } : f)) }, `fees.${i}`);
  return (
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
                  if (n !== undefined && Number.isInteger(n) && n >= 0) setFee(i, { amountVnd: n });
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
          set({ fees: [...procedure.fees, { name: NEW_DATA.fee, amountVnd: 0 }] }, 'fee-add')
        }
      >
        + {s.addFee}
      </button>
    </section>
  );
}

/** The documents of the dossier (thành phần hồ sơ): name, kind, copies, required. */
export function DocumentsSection({ procedure, set }: { procedure: Procedure; set: SetProcedure }) {
  const { s } = useI18n();
  const setDoc = (i: number, patch: Partial<DocumentSpec>) =>
    set(
      { documents: procedure.documents.map((d, j) => (j === i ? { ...d, ...patch } : d)) },
      `documents.${i}`,
    );
  return (
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
          let key = keyFromName(NEW_DATA.document.vi, 'giayTo');
          for (let n = 2; taken.has(key); n++) key = `giayToMoi${n}`;
          set(
            {
              documents: [
                ...procedure.documents,
                { id: key, name: NEW_DATA.document, kind: 'copy', copies: 1, required: true },
              ],
            },
            'doc-add',
          );
        }}
      >
        + {s.addDocument}
      </button>
    </section>
  );
}
