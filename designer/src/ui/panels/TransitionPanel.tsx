import type { Problem, Procedure } from '../../../../engine/index.ts';
import type { CanvasModel } from '../../model/canvasModel.ts';
import { problemTarget, type Selection } from '../../model/selection.ts';
import { getState, lastKey } from '../../model/statePaths.ts';
import {
  asList,
  entryOf,
  refKey,
  transitionAt,
  type TransitionRef,
} from '../../model/transitionRefs.ts';
import { Field } from '../controls.tsx';
import type { Exec } from '../editor/Editor.tsx';
import { useI18n } from '../I18n.tsx';
import { ActionsEditor } from './ActionsEditor.tsx';
import { EventPicker } from './EventPicker.tsx';
import { defaultGuard, GuardBuilder } from './GuardBuilder.tsx';
import { InlineProblems } from './StepPanel.tsx';

/** Properties of a transition: event, target, condition, actions, order among alternatives. */
export function TransitionPanel({
  transitionRef: ref,
  procedure,
  model,
  problems,
  exec,
  onSelect,
}: {
  transitionRef: TransitionRef;
  procedure: Procedure;
  model: CanvasModel;
  problems: readonly Problem[];
  exec: Exec;
  onSelect: (selection: Selection) => void;
}) {
  const { s, t } = useI18n();
  const source = getState(procedure.machine, ref.source);
  const transition = transitionAt(source, ref);
  const canvas = model.transitions.find((x) => x.id === refKey(ref));
  if (!transition || !canvas || !source) return null;
  const key = refKey(ref);
  const siblings = asList(entryOf(source, ref.kind, ref.event)).length;
  const name = (path: string) =>
    path === '' ? s.anyStep : t(getState(procedure.machine, path)?.meta?.name, lastKey(path));
  const mine = problems.filter((p) => {
    const target = problemTarget(procedure, p.path);
    return target.kind === 'transition' && refKey(target.ref) === key;
  });
  const targets = canvas.targets.length > 0 ? canvas.targets : [{ raw: '', path: null }];

  return (
    <div className="panel-section" data-testid="transition-panel">
      <h2 className="panel-title">{s.transitionProperties}</h2>
      <InlineProblems problems={mine} />
      <p className="muted">
        {s.transitionFrom}:{' '}
        <button
          type="button"
          className="linkish"
          onClick={() => ref.source !== '' && onSelect({ kind: 'step', path: ref.source })}
        >
          {name(ref.source)}
        </button>
      </p>
      {ref.kind === 'on' ? (
        <EventPicker
          procedure={procedure}
          value={ref.event}
          onChange={(choice) =>
            exec(
              {
                type: 'changeEvent',
                ref,
                event: choice.event,
                ...(choice.eventName ? { eventName: choice.eventName } : {}),
              },
              s.cmd_changeEvent,
              undefined,
              {
                kind: 'transition',
                ref: {
                  ...ref,
                  event: choice.event,
                  index: (() => {
                    const n = asList(entryOf(source, 'on', choice.event)).length;
                    return n === 0 ? null : n;
                  })(),
                },
              },
            )
          }
        />
      ) : (
        <p>
          <strong>
            {ref.kind === 'onDone'
              ? s.kind_onDone
              : ref.kind === 'always'
                ? s.kind_always
                : s.kind_after.replace('{delay}', ref.event)}
          </strong>
        </p>
      )}
      {targets.map((target, i) => (
        <Field key={i} label={s.target}>
          {(id) => (
            <select
              id={id}
              value={target.path ?? ''}
              onChange={(e) =>
                exec(
                  { type: 'retarget', ref, targetIndex: i, target: e.target.value },
                  s.cmd_retarget,
                )
              }
            >
              {target.path === null ? (
                <option value="">{target.raw || s.chooseTarget}</option>
              ) : null}
              {model.states.map((x) => (
                <option key={x.path} value={x.path}>
                  {name(x.path)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <fieldset className="guard-box">
        <legend>{s.guard}</legend>
        {transition.guard ? (
          <GuardBuilder
            guard={transition.guard}
            procedure={procedure}
            onChange={(guard) =>
              exec(
                { type: 'updateTransition', ref, patch: { guard: guard ?? null } },
                s.cmd_updateTransition,
                `tr:${key}:guard`,
              )
            }
          />
        ) : (
          <>
            <p className="muted small">{s.noGuard}</p>
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                exec(
                  {
                    type: 'updateTransition',
                    ref,
                    patch: { guard: defaultGuard('field', procedure) },
                  },
                  s.cmd_updateTransition,
                )
              }
            >
              + {s.addGuard}
            </button>
          </>
        )}
      </fieldset>
      <ActionsEditor
        label={s.transitionActions}
        actions={transition.actions ?? []}
        onChange={(actions) =>
          exec(
            { type: 'updateTransition', ref, patch: { actions } },
            s.cmd_updateTransition,
            `tr:${key}:actions`,
          )
        }
      />
      {siblings > 1 && ref.index !== null ? (
        <div className="panel-row">
          <span className="muted small">{s.alternatives}</span>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={ref.index === 0}
            onClick={() =>
              exec(
                { type: 'reorderAlternative', ref, delta: -1 },
                s.cmd_reorderAlternative,
                undefined,
                {
                  kind: 'transition',
                  ref: { ...ref, index: ref.index! - 1 },
                },
              )
            }
          >
            ↑ {s.moveUp}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={ref.index === siblings - 1}
            onClick={() =>
              exec(
                { type: 'reorderAlternative', ref, delta: 1 },
                s.cmd_reorderAlternative,
                undefined,
                {
                  kind: 'transition',
                  ref: { ...ref, index: ref.index! + 1 },
                },
              )
            }
          >
            ↓ {s.moveDown}
          </button>
        </div>
      ) : null}
      <div className="panel-actions">
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={() =>
            exec({ type: 'deleteTransition', ref }, s.cmd_deleteTransition, undefined, {
              kind: 'none',
            })
          }
        >
          {s.deleteTransition}
        </button>
      </div>
    </div>
  );
}
