import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Procedure } from '../../../../../engine/index.ts';
import { filesApi, type FileLink, type ReusableFile } from '../../../api/files.ts';
import { useI18n } from '../../I18n.tsx';
import { ErrorAlert } from '../../controls.tsx';
import { formatSize, useFilesText } from './filesText.ts';
import { uploadErrorText } from './uploadError.ts';

/** A file attached at the desk: what is sent, and what is shown. */
interface Attached {
  readonly key: string;
  readonly link: FileLink;
  readonly name: string;
  readonly size: number;
  readonly reusedFrom?: string;
}

/**
 * Scans per document of the checklist at reception, and the citizen's documents already
 * digitised (by ID number) to attach again without a new scan. Attaching a file ticks its
 * document; a document ticked without a file stays possible (paper kept) and is shown as not
 * digitised.
 */
export function DeskFiles({
  procedure,
  citizenId,
  ticked,
  onChange,
  onTick,
}: {
  procedure: Procedure;
  /** The applicant's 12-digit ID number, once typed. */
  citizenId: string;
  ticked: ReadonlySet<string>;
  onChange: (links: FileLink[]) => void;
  onTick: (documentId: string) => void;
}) {
  const { t } = useI18n();
  const text = useFilesText();
  const { x, fill } = text;
  const [attached, setAttached] = useState<Attached[]>([]);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [targets, setTargets] = useState<Record<string, string>>({});

  // The citizen's files in other dossiers, once the ID number is complete (none when unreadable).
  const known = /^[0-9]{12}$/.test(citizenId);
  const others = useQuery({
    queryKey: ['files', 'reusable', citizenId],
    queryFn: () => filesApi.reusable(citizenId),
    enabled: known,
    retry: false,
  });
  const reusable: readonly ReusableFile[] | undefined = !known
    ? undefined
    : others.isError
      ? []
      : others.data;

  const update = (next: Attached[]) => {
    setAttached(next);
    onChange(next.map((a) => a.link));
  };

  const add = async (documentId: string, list: FileList | null) => {
    if (!list || list.length === 0) return;
    setError(undefined);
    setBusy(documentId);
    const added: Attached[] = [];
    try {
      for (const file of Array.from(list)) {
        try {
          const up = await filesApi.upload(file, file.name);
          added.push({
            key: up.id,
            link: { uploadId: up.id, document: documentId },
            name: up.name,
            size: up.size,
          });
        } catch (err) {
          setError(uploadErrorText(err, file.name, text));
        }
      }
    } finally {
      setBusy(undefined);
    }
    if (added.length > 0) {
      update([...attached, ...added]);
      onTick(documentId);
    }
  };

  const reuse = (file: ReusableFile) => {
    const target =
      targets[file.id] ??
      (procedure.documents.some((d) => d.id === file.document)
        ? file.document
        : procedure.documents[0]?.id);
    if (!target) return;
    update([
      ...attached,
      {
        key: `reuse-${file.id}-${target}`,
        link: { reuseFileId: file.id, document: target },
        name: file.name,
        size: file.size,
        reusedFrom: file.dossierCode,
      },
    ]);
    onTick(target);
  };

  return (
    <section className="card" aria-labelledby="desk-files">
      <h2 id="desk-files">{x.filesTitle}</h2>
      <p className="muted small">{x.attachHint}</p>
      <ul className="plain file-rows" style={{ listStyle: 'none', paddingLeft: 0 }}>
        {procedure.documents.map((d) => {
          const mine = attached.filter((a) => a.link.document === d.id);
          const inputId = `desk-file-${d.id}`;
          return (
            <li key={d.id} className="file-row">
              <label htmlFor={inputId}>{fill(x.scanFor, { doc: t(d.name) })}</label>
              <input
                id={inputId}
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                multiple
                disabled={busy !== undefined}
                onChange={(e) => {
                  void add(d.id, e.target.files);
                  e.target.value = '';
                }}
              />
              {busy === d.id ? <span className="muted small">{x.uploading}</span> : null}
              {mine.length === 0 && ticked.has(d.id) ? (
                <span className="badge badge-warning">{x.paperOnly}</span>
              ) : null}
              <ul className="plain" style={{ listStyle: 'none', paddingLeft: 0 }}>
                {mine.map((a) => (
                  <li key={a.key} className="small">
                    {a.name} · {formatSize(a.size, text.lang)}
                    {a.reusedFrom ? ` · ${fill(x.reuseFrom, { code: a.reusedFrom })}` : ''}{' '}
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={fill(x.remove, { name: a.name })}
                      onClick={() => update(attached.filter((b) => b.key !== a.key))}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      <ErrorAlert message={error} />
      {reusable ? (
        <div className="reuse-box" aria-labelledby="desk-reuse">
          <h3 id="desk-reuse">{x.reuseTitle}</h3>
          {reusable.length === 0 ? (
            <p className="muted small">{x.reuseNone}</p>
          ) : (
            <>
              <p className="muted small">{x.reuseHint}</p>
              <ul className="plain" style={{ listStyle: 'none', paddingLeft: 0 }}>
                {reusable.map((file) => {
                  const used = attached.some((a) => a.link.reuseFileId === file.id);
                  const selectId = `reuse-target-${file.id}`;
                  return (
                    <li key={file.id} className="reuse-row small">
                      <strong>{file.documentName ? t(file.documentName) : file.name}</strong> ·{' '}
                      {fill(x.reuseFrom, { code: file.dossierCode })}
                      {file.procedure.name ? ` (${t(file.procedure.name)})` : ''} ·{' '}
                      <a href={file.url} target="_blank" rel="noopener noreferrer">
                        {x.open}
                      </a>
                      <div>
                        <label htmlFor={selectId}>{x.reuseAs}</label>{' '}
                        <select
                          id={selectId}
                          value={
                            targets[file.id] ??
                            (procedure.documents.some((d) => d.id === file.document)
                              ? file.document
                              : (procedure.documents[0]?.id ?? ''))
                          }
                          onChange={(e) => setTargets({ ...targets, [file.id]: e.target.value })}
                        >
                          {procedure.documents.map((d) => (
                            <option key={d.id} value={d.id}>
                              {t(d.name)}
                            </option>
                          ))}
                        </select>{' '}
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={used}
                          onClick={() => reuse(file)}
                        >
                          {x.reuse}
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
