import { useCallback, useMemo, type Dispatch } from 'react';
import type { Procedure, StateNodeConfig } from '../../../../engine/index.ts';
import { COLUMN_PITCH, type Geometry } from '../../layout/geometry.ts';
import { laneUnit } from '../../layout/lanes.ts';
import type { XY } from '../../model/designDoc.ts';
import type { EditorAction } from '../../model/editorState.ts';
import { NEW_DATA } from '../../model/newData.ts';
import { getState, parentPath } from '../../model/statePaths.ts';
import { newStepKey } from '../../model/stepCommands.ts';
import type { CanvasActions, PaletteShape } from '../canvas/canvasActions.ts';
import { useI18n } from '../I18n.tsx';
import type { Exec } from './Editor.tsx';

const join = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

function newStep(unit: string | undefined): StateNodeConfig {
  return {
    meta: {
      name: NEW_DATA.step,
      ...(unit ? { unit } : {}),
      role: 'specialist',
      duration: { workingDays: 1 },
    },
  };
}

/**
 * Modelling on the canvas itself: shapes dropped from the palette onto a lane, the context pad
 * (append a connected next step, step ⇄ outcome, delete), rename in place, select all.
 */
export function useCanvasEditing({
  procedure,
  geometry,
  exec,
  dispatch,
  editable,
  onConnect,
  addParallel,
  padFor,
}: {
  padFor: string | undefined;
  procedure: Procedure;
  geometry: Geometry;
  exec: Exec;
  dispatch: Dispatch<EditorAction>;
  editable: boolean;
  onConnect: (source: string, target: string) => void;
  addParallel: () => void;
}) {
  const { s, lang } = useI18n();

  const dropShape = useCallback(
    (shape: PaletteShape, at: XY) => {
      if (shape === 'parallel') return addParallel();
      const lane = geometry.lanes.find((l) => at.y >= l.top && at.y < l.top + l.height);
      const unit = lane ? laneUnit(lane.key) : undefined;
      const text = shape === 'final' ? NEW_DATA.final : NEW_DATA.step;
      const key = newStepKey(procedure, '', text.vi);
      const state: StateNodeConfig =
        shape === 'final'
          ? { type: 'final', meta: { name: text, outcome: 'approved' } }
          : newStep(unit);
      exec(
        { type: 'pasteStep', parent: '', key, state, at: { x: at.x - 20, y: at.y - 20 } },
        shape === 'final' ? s.cmd_addFinal : s.cmd_addStep,
        undefined,
        { kind: 'step', path: key },
      );
    },
    [geometry, procedure, exec, s, addParallel],
  );

  const actions = useMemo<CanvasActions>(
    () => ({
      editable,
      padFor,
      append(path) {
        const box = geometry.boxes.get(path);
        const parent = parentPath(path);
        const key = newStepKey(procedure, parent, NEW_DATA.step.vi);
        const unit = getState(procedure.machine, path)?.meta?.unit;
        exec(
          {
            type: 'pasteStep',
            parent,
            key,
            state: newStep(unit),
            ...(box ? { at: { x: box.x + COLUMN_PITCH, y: box.y } } : {}),
          },
          s.cmd_addStep,
          undefined,
          { kind: 'step', path: join(parent, key) },
        );
        onConnect(path, join(parent, key));
      },
      remove(path) {
        exec({ type: 'deleteStep', path }, s.cmd_deleteStep, undefined, { kind: 'none' });
      },
      rename(path, name) {
        const meta = getState(procedure.machine, path)?.meta;
        const before = meta?.name ?? { vi: '' };
        const next = lang === 'en' ? { ...before, en: name } : { ...before, vi: name };
        exec(
          { type: 'updateStep', path, patch: { meta: { ...meta, name: next } } },
          s.cmd_updateStep,
        );
      },
      toggleFinal(path) {
        const node = getState(procedure.machine, path);
        if (!node) return;
        const name = node.meta?.name ?? NEW_DATA.step;
        const patch: Partial<StateNodeConfig> =
          node.type === 'final'
            ? { type: undefined, ...newStep(undefined), meta: { ...newStep(undefined).meta, name } }
            : {
                type: 'final',
                on: undefined,
                after: undefined,
                always: undefined,
                meta: { name, outcome: 'approved' },
              };
        exec({ type: 'updateStep', path, patch }, s.cmd_updateStep);
      },
    }),
    [editable, padFor, geometry, procedure, exec, s, lang, onConnect],
  );

  const selectAll = useCallback(
    (steps: string[]) => {
      if (steps.length === 0) return;
      dispatch({
        type: 'select',
        selection: { kind: 'step', path: steps[0]! },
        multi: { steps, transitions: [] },
      });
    },
    [dispatch],
  );

  return { dropShape, actions, selectAll };
}
