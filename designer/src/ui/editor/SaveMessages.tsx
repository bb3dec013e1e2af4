import { Dialog } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import type { SaveStatus } from './useSave.ts';

/** What saving says: the server's refusal with its problems, the confirmation for screen readers. */
export function SaveBanner({
  status,
  dirty,
  onClose,
}: {
  status: SaveStatus;
  dirty: boolean;
  onClose: () => void;
}) {
  const { s, f, lang } = useI18n();
  return (
    <>
      {status.kind === 'error' ? (
        <div className="alert alert-error banner" role="alert">
          {status.message}
          {status.problems && status.problems.length > 0 ? (
            <ul>
              {status.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code> {lang === 'en' ? p.message.en : p.message.vi}
                </li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
            {s.close}
          </button>
        </div>
      ) : null}
      {status.kind === 'saved' && !dirty ? (
        <div className="sr-only" role="status">
          {f(s.savedAt, {
            time: status.at.toLocaleTimeString(),
            version: status.version.slice(0, 12),
          })}
        </div>
      ) : null}
    </>
  );
}

/** The file changed on disk since it was opened: reload it, or keep editing (never overwrite). */
export function ConflictDialog({ onKeep, onReload }: { onKeep: () => void; onReload: () => void }) {
  const { s } = useI18n();
  return (
    <Dialog
      title={s.conflictTitle}
      onClose={onKeep}
      actions={
        <>
          <button type="button" className="btn btn-ghost" onClick={onKeep}>
            {s.keepEditing}
          </button>
          <button type="button" className="btn btn-primary" onClick={onReload}>
            {s.reloadLatest}
          </button>
        </>
      }
    >
      <p>{s.conflictBody}</p>
    </Dialog>
  );
}
