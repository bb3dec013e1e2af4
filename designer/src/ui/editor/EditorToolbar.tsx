import { canDesign, type User } from '../../api/client.ts';
import { redoLabel, undoLabel, type History } from '../../model/history.ts';
import { useI18n } from '../I18n.tsx';
import type { Mode } from './Editor.tsx';
import type { SaveStatus } from './useSave.ts';

/**
 * The editor's toolbar: add a step, an outcome or an inter-agency group, undo and redo (with
 * what they would undo), automatic layout; the validation summary, the save state and Save.
 */
export function EditorToolbar({
  mode,
  user,
  mayEdit,
  history,
  errors,
  warnings,
  checking,
  firstCheck,
  dirty,
  isNew,
  status,
  onAddStep,
  onAddParallel,
  onUndo,
  onRedo,
  onAutoLayout,
  onSave,
}: {
  mode: Mode;
  user: User;
  mayEdit: boolean;
  history: History;
  errors: number;
  warnings: number;
  checking: boolean;
  firstCheck: boolean;
  dirty: boolean;
  isNew: boolean;
  status: SaveStatus;
  onAddStep: (final: boolean) => void;
  onAddParallel: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onSave: () => void;
}) {
  const { s, f } = useI18n();
  const statusText =
    status.kind === 'saving' ? s.saving : isNew ? s.newUnsaved : dirty ? s.unsaved : s.saved;
  const undoText = undoLabel(history);
  const redoText = redoLabel(history);
  return (
    <div className="toolbar" role="toolbar" aria-label={s.modeDesign}>
      {mode === 'design' ? (
        <>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onAddStep(false)}
            disabled={!mayEdit}
          >
            + {s.addStep}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onAddStep(true)}
            disabled={!mayEdit}
          >
            + {s.addFinal}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={onAddParallel}
            disabled={!mayEdit}
          >
            + {s.addParallel}
          </button>
          <span className="sep" />
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={onUndo}
            disabled={!undoText}
            title={undoText ? f(s.undoHint, { label: undoText }) : s.undo}
          >
            ↶ {s.undo}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={onRedo}
            disabled={!redoText}
            title={redoText ? f(s.redoHint, { label: redoText }) : s.redo}
          >
            ↷ {s.redo}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={onAutoLayout}>
            {s.autoLayout}
          </button>
        </>
      ) : null}
      <span className="grow" />
      <span
        className={`validity ${errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : 'ok'}`}
        aria-live="polite"
        data-testid="validity"
      >
        {checking && firstCheck
          ? s.checking
          : errors === 0 && warnings === 0
            ? s.valid
            : f(s.problemSummary, { errors, warnings })}
      </span>
      <span
        className={`save-status ${dirty ? 'is-dirty' : ''}`}
        aria-live="polite"
        data-testid="save-status"
      >
        {statusText}
      </span>
      <button
        type="button"
        className="btn btn-primary btn-small"
        onClick={onSave}
        disabled={!canDesign(user) || status.kind === 'saving' || errors > 0 || (!dirty && !isNew)}
        title={
          !canDesign(user) ? s.saveNeedsRole : errors > 0 ? s.saveBlocked : `${s.save} (Ctrl+S)`
        }
      >
        {status.kind === 'saving' ? s.saving : s.save}
      </button>
    </div>
  );
}
