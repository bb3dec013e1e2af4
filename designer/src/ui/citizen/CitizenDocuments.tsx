import { useState } from 'react';
import type { LocalizedText } from '../../../../engine/index.ts';
import { ApiError } from '../../api/client.ts';
import { citizenApi } from '../../api/citizen.ts';
import { fill } from '../../i18n/strings.ts';
import { useI18n } from '../I18n.tsx';

/** A document the citizen uploaded, waiting for the submission that links it. */
export interface CitizenUpload {
  readonly uploadId: string;
  readonly document: string;
  readonly name: string;
}

/**
 * One file input per document to upload (the e-form's declaration is filled, not uploaded); each
 * file goes up at once with the page's key and is linked when the citizen submits.
 */
export function CitizenDocuments({
  documents,
  uploads,
  uploadKey,
  onChange,
}: {
  documents: readonly { id: string; name: LocalizedText; required: boolean }[];
  uploads: readonly CitizenUpload[];
  uploadKey: string;
  onChange: (uploads: CitizenUpload[]) => void;
}) {
  const { s, t } = useI18n();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const send = async (doc: string, file: File) => {
    setBusy(doc);
    setErrors((e) => ({ ...e, [doc]: '' }));
    try {
      const up = await citizenApi.upload(file, file.name, uploadKey);
      onChange([
        ...uploads.filter((u) => u.document !== doc),
        { uploadId: up.id, document: doc, name: up.name },
      ]);
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 413
          ? fill(s.submitFileTooLarge, {
              mb: Math.round(
                Number((error.details as { max?: number } | undefined)?.max ?? 0) / 1_048_576,
              ),
            })
          : error instanceof ApiError && error.status === 415
            ? s.submitFileType
            : error instanceof ApiError && error.status === 429
              ? s.submitRateLimited
              : error instanceof Error
                ? error.message
                : String(error);
      setErrors((e) => ({ ...e, [doc]: message }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <ul className="citizen-uploads">
      {documents.map((d) => {
        const up = uploads.find((u) => u.document === d.id);
        const inputId = `upload-${d.id}`;
        return (
          <li key={d.id} className="card citizen-upload">
            <label htmlFor={inputId}>
              {t(d.name)}{' '}
              <span className="muted small">
                ({d.required ? s.procedureRequired : s.procedureOptional})
              </span>
            </label>
            <input
              id={inputId}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={`${inputId}-state`}
              disabled={busy !== undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void send(d.id, file);
              }}
            />
            <p id={`${inputId}-state`} className="small" aria-live="polite">
              {busy === d.id ? (
                s.submitUploading
              ) : up ? (
                <span className="upload-ok">{fill(s.submitUploaded, { name: up.name })}</span>
              ) : null}
            </p>
            {errors[d.id] ? (
              <p className="alert alert-error" role="alert">
                {errors[d.id]}
              </p>
            ) : null}
            {up ? (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => onChange(uploads.filter((u) => u.document !== d.id))}
              >
                {s.submitRemove}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
