import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dossierApi, newIdempotencyKey, type DossierDetail } from '../../../api/dossiers.ts';
import {
  filesApi,
  type DossierFile,
  type DossierFiles,
  type FileLink,
} from '../../../api/files.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../I18n.tsx';
import { ErrorAlert } from '../../controls.tsx';
import { formatSize, useFilesText } from './filesText.ts';
import { uploadErrorText } from './uploadError.ts';

/** Events that need a reason or data: sent from their own dialog, not with files from here. */
const NEEDS_DIALOG = new Set([
  'REFUSE',
  'REQUEST_SUPPLEMENT',
  'SEND_BACK',
  'STOP',
  'EXTEND',
  'WITHDRAW',
]);

/** One file: open inline (new tab), download, a thumbnail for an image. */
function FileLine({ file }: { file: DossierFile }) {
  const { x } = useFilesText();
  const { lang } = useI18n();
  return (
    <li className="file-line small">
      {file.contentType.startsWith('image/') ? (
        <img className="file-thumb" src={file.url} alt="" width={48} height={48} loading="lazy" />
      ) : (
        <span aria-hidden="true" className="file-icon">
          PDF
        </span>
      )}{' '}
      <span className="file-name">{file.title ? `${file.title} — ${file.name}` : file.name}</span>
      <span className="muted">
        {' '}
        · {formatSize(file.size, lang)} · {formatDateTime(file.uploadedAt, lang, false)} ·{' '}
        {file.uploader}
        {file.reusedFrom ? ` · ${x.reused}` : ''}
      </span>{' '}
      <a
        className="btn btn-small"
        href={file.url}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`${x.open} ${file.name}`}
      >
        {x.open}
      </a>{' '}
      <a
        className="btn btn-small btn-ghost"
        href={file.downloadUrl}
        download={file.name}
        aria-label={`${x.download} ${file.name}`}
      >
        {x.download}
      </a>
    </li>
  );
}

/**
 * The dossier's files against its checklist (digitised, paper only, not submitted), the other
 * papers and the result; and, for who may act now, files to attach with an action (a
 * supplement, working papers of a step, the result).
 */
export function DossierFilesPanel({
  dossier,
  onChanged,
}: {
  dossier: DossierDetail;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const text = useFilesText();
  const { x, fill } = text;
  const [actionError, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState<{ link: FileLink; name: string }[]>([]);
  const [document, setDocument] = useState('other');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  const events = dossier.availableEvents.filter((e) => !NEEDS_DIALOG.has(e.type));
  const [eventType, setEventType] = useState<string>('');
  const chosenEvent = events.find((e) => e.type === eventType) ?? events[0];

  // Read again for each version of the dossier (an event may attach files); the list shown
  // stays until the new one arrives.
  const list = useQuery({
    queryKey: ['dossier', dossier.id, 'files', dossier.version],
    queryFn: () => filesApi.list(dossier.id),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const files = list.data;
  const error = actionError ?? (list.error ? String(list.error) : undefined);

  const choose = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setError(undefined);
    setDone(undefined);
    if (document === 'other' && !title.trim()) {
      setError(x.attachTitleRequired);
      return;
    }
    setBusy(true);
    try {
      const added: { link: FileLink; name: string }[] = [];
      for (const file of Array.from(list)) {
        try {
          const up = await filesApi.upload(file, file.name);
          added.push({
            link: {
              uploadId: up.id,
              document,
              ...(document === 'other' ? { title: title.trim() } : {}),
            },
            name: up.name,
          });
        } catch (err) {
          setError(uploadErrorText(err, file.name, text));
        }
      }
      setPending((p) => [...p, ...added]);
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!chosenEvent || pending.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const checklist = new Set(dossier.definition.documents.map((d) => d.id));
      const documents = [...new Set(pending.map((p) => p.link.document))].filter((d) =>
        checklist.has(d),
      );
      await dossierApi.send(
        dossier.id,
        {
          type: chosenEvent.type,
          ...(chosenEvent.type === 'SUPPLEMENT' && documents.length > 0 ? { documents } : {}),
          expectedVersion: dossier.version,
          uploads: pending.map((p) => p.link),
        },
        newIdempotencyKey(),
      );
      setDone(fill(x.attachSent, { n: pending.length }));
      setPending([]);
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const status = (d: DossierFiles['documents'][number]) =>
    d.digitised ? (
      <span className="badge badge-ok">{x.digitised}</span>
    ) : d.ticked ? (
      <span className="badge badge-warning">{x.paperOnly}</span>
    ) : (
      <span className="badge">{x.notSubmitted}</span>
    );

  return (
    <section className="card" aria-labelledby="sec-files">
      <h2 id="sec-files">{x.filesTitle}</h2>
      {files ? (
        <>
          <ul className="plain file-docs" style={{ listStyle: 'none', paddingLeft: 0 }}>
            {files.documents.map((d) => (
              <li key={d.id}>
                <strong>{t(d.name)}</strong> {status(d)}
                {d.files.length > 0 ? (
                  <ul className="plain" style={{ listStyle: 'none', paddingLeft: 0 }}>
                    {d.files.map((f) => (
                      <FileLine key={f.id} file={f} />
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {files.other.length > 0 ? (
            <>
              <h3>{x.otherPapers}</h3>
              <ul className="plain" style={{ listStyle: 'none', paddingLeft: 0 }}>
                {files.other.map((f) => (
                  <FileLine key={f.id} file={f} />
                ))}
              </ul>
            </>
          ) : null}
          {files.results.length > 0 ? (
            <>
              <h3>
                {x.results}
                {files.result ? `: ${t(files.result)}` : ''}
              </h3>
              <ul className="plain" style={{ listStyle: 'none', paddingLeft: 0 }}>
                {files.results.map((f) => (
                  <FileLine key={f.id} file={f} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {events.length > 0 ? (
        <fieldset className="attach-box">
          <legend>{x.attachTitle}</legend>
          <div className="field">
            <label htmlFor="attach-document">{x.attachDocument}</label>
            <select
              id="attach-document"
              value={document}
              onChange={(e) => setDocument(e.target.value)}
            >
              {dossier.definition.documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {t(d.name)}
                </option>
              ))}
              <option value="other">{x.attachOther}</option>
              <option value="result">{x.attachResult}</option>
            </select>
          </div>
          {document === 'other' ? (
            <div className="field">
              <label htmlFor="attach-title">{x.attachTitleLabel}</label>
              <input id="attach-title" value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="attach-file">{x.attachFile}</label>
            <input
              id="attach-file"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              multiple
              disabled={busy}
              onChange={(e) => {
                void choose(e.target.files);
                e.target.value = '';
              }}
            />
          </div>
          {pending.length > 0 ? (
            <ul className="plain small" style={{ listStyle: 'none', paddingLeft: 0 }}>
              {pending.map((p) => (
                <li key={p.link.uploadId}>+ {p.name}</li>
              ))}
            </ul>
          ) : null}
          <div className="field">
            <label htmlFor="attach-event">{x.attachWith}</label>
            <select
              id="attach-event"
              value={chosenEvent?.type ?? ''}
              onChange={(e) => setEventType(e.target.value)}
            >
              {events.map((e) => (
                <option key={e.type} value={e.type}>
                  {t(e.name)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || pending.length === 0}
            onClick={() => void send()}
          >
            {x.attachSend}
          </button>
        </fieldset>
      ) : null}
      {done ? (
        <p role="status" className="small">
          {done}
        </p>
      ) : null}
      <ErrorAlert message={error} />
    </section>
  );
}
