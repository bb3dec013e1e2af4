import { useId } from 'react';
import {
  actionLabels,
  slipTitles,
  type Action,
  type Outcome,
  type SlipKind,
} from '../../../../engine/index.ts';
import { LocalizedInput, WorkingTimeInput } from '../controls.tsx';
import { useI18n } from '../I18n.tsx';
import { NEW_DATA } from '../../model/newData.ts';

type ActionType = Action['type'];

/** The default action of a type (with the params it requires). */
function defaultAction(type: ActionType): Action {
  switch (type) {
    case 'issueSlip':
      return { type, params: { slip: 'receipt' } };
    case 'notifyApplicant':
      return { type, params: { message: NEW_DATA.notice } };
    case 'setOutcome':
      return { type, params: { outcome: 'approved' } };
    case 'extendLegalDeadline': // the extension's key is typed; left empty it is flagged
      return { type, params: { extension: '' } };
    case 'notifyUnit': // the unit is chosen in the file; left empty it is flagged until then
      return { type, params: { unit: '', message: NEW_DATA.notice } };
    case 'startClock':
    case 'pauseClock':
    case 'resumeClock':
    case 'extendDeadline':
    case 'recordSubmission':
      return { type };
    default: {
      const never: never = type;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

/** Edit a list of actions (issue a slip, notify, start or pause the clock…) as forms. */
export function ActionsEditor({
  label,
  actions,
  onChange,
}: {
  label: string;
  actions: readonly Action[];
  onChange: (actions: readonly Action[]) => void;
}) {
  const { s, t } = useI18n();
  const id = useId();
  const set = (i: number, a: Action) => onChange(actions.map((x, j) => (j === i ? a : x)));
  return (
    <fieldset className="actions-editor">
      <legend>{label}</legend>
      {actions.map((action, i) => (
        <div key={i} className="action-row">
          <select
            aria-label={`${label} ${i + 1}`}
            value={action.type}
            onChange={(e) => set(i, defaultAction(e.target.value as ActionType))}
          >
            {(Object.keys(actionLabels) as ActionType[]).map((type) => (
              <option key={type} value={type}>
                {t(actionLabels[type])}
              </option>
            ))}
          </select>
          {action.type === 'issueSlip' ? (
            <select
              aria-label={s.slip}
              value={action.params?.slip ?? 'receipt'}
              onChange={(e) =>
                set(i, { type: 'issueSlip', params: { slip: e.target.value as SlipKind } })
              }
            >
              {(Object.keys(slipTitles) as SlipKind[]).map((slip) => (
                <option key={slip} value={slip}>
                  {t(slipTitles[slip])}
                </option>
              ))}
            </select>
          ) : null}
          {action.type === 'setOutcome' ? (
            <select
              aria-label={s.outcome}
              value={action.params?.outcome ?? 'approved'}
              onChange={(e) =>
                set(i, { type: 'setOutcome', params: { outcome: e.target.value as Outcome } })
              }
            >
              {(['approved', 'refused', 'withdrawn', 'stopped'] as const).map((o) => (
                <option key={o} value={o}>
                  {s[`outcome_${o}`]}
                </option>
              ))}
            </select>
          ) : null}
          {action.type === 'resumeClock' ? (
            <select
              aria-label={s.policy}
              value={action.params?.policy ?? ''}
              onChange={(e) =>
                set(
                  i,
                  e.target.value
                    ? {
                        type: 'resumeClock',
                        params: { policy: e.target.value as 'resume' | 'restart' },
                      }
                    : { type: 'resumeClock' },
                )
              }
            >
              <option value="">—</option>
              <option value="resume">{s.policyResume}</option>
              <option value="restart">{s.policyRestart}</option>
            </select>
          ) : null}
          <button
            type="button"
            className="btn btn-icon"
            aria-label={`${s.remove}: ${t(actionLabels[action.type])}`}
            onClick={() => onChange(actions.filter((_, j) => j !== i))}
          >
            ×
          </button>
          {action.type === 'notifyApplicant' ? (
            <LocalizedInput
              label={s.message}
              value={action.params?.message}
              onChange={(message) =>
                set(i, { type: 'notifyApplicant', params: { message: message ?? { vi: '' } } })
              }
            />
          ) : null}
          {action.type === 'extendLegalDeadline' ? (
            <input
              type="text"
              aria-label={s.lawfulExtension}
              placeholder={s.lawfulExtension}
              value={action.params?.extension ?? ''}
              onChange={(e) =>
                set(i, {
                  type: 'extendLegalDeadline',
                  params: { extension: e.target.value.trim() },
                })
              }
            />
          ) : null}
          {action.type === 'extendDeadline' ? (
            <WorkingTimeInput
              label={s.extendBy}
              value={action.params?.by}
              onChange={(by) =>
                set(i, by ? { type: 'extendDeadline', params: { by } } : { type: 'extendDeadline' })
              }
            />
          ) : null}
        </div>
      ))}
      <button
        type="button"
        id={id}
        className="btn btn-small btn-ghost"
        onClick={() => onChange([...actions, defaultAction('issueSlip')])}
      >
        + {s.addAction}
      </button>
    </fieldset>
  );
}
