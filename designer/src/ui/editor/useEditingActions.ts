import { useCallback, useEffect, useState, type Dispatch } from 'react';
import type { Procedure, StateNodeConfig, UnitCatalog } from '../../../../engine/index.ts';
import { COLUMN_PITCH, type Geometry } from '../../layout/geometry.ts';
import { pasteKey } from '../../model/commands.ts';
import type { EditorAction, EditorState } from '../../model/editorState.ts';
import { getState, parentPath } from '../../model/statePaths.ts';
import { newStepKey } from '../../model/stepCommands.ts';
import { parseRefKey } from '../../model/transitionRefs.ts';
import { NEW_DATA } from '../../model/newData.ts';
import { useI18n } from '../I18n.tsx';
import type { Exec, Mode } from './Editor.tsx';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * The editor's actions that are more than one command: add a step (next to the selection, in
 * its unit's lane), add a parallel group, delete the selection, copy and paste a step, and the
 * keyboard shortcuts (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, Ctrl+C, Ctrl+V, Ctrl+S).
 */
export function useEditingActions({
  state,
  dispatch,
  exec,
  procedure,
  geometry,
  catalog,
  mode,
  save,
}: {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  exec: Exec;
  procedure: Procedure;
  geometry: Geometry;
  catalog: UnitCatalog;
  mode: Mode;
  save: () => Promise<void>;
}) {
  const { s } = useI18n();
  const [clipboard, setClipboard] = useState<
    { parent: string; key: string; state: StateNodeConfig } | undefined
  >(undefined);

  const selectedBox =
    state.selection.kind === 'step' ? geometry.boxes.get(state.selection.path) : undefined;
  const selectedUnit =
    state.selection.kind === 'step'
      ? getState(procedure.machine, state.selection.path)?.meta?.unit
      : undefined;

  const addStep = useCallback(
    (final = false) => {
      const parent = state.selection.kind === 'step' ? parentPath(state.selection.path) : '';
      const text = final ? NEW_DATA.final : NEW_DATA.step;
      const name = text.vi;
      const key = newStepKey(procedure, parent, name);
      const step: StateNodeConfig = final
        ? { type: 'final', meta: { name: text, outcome: 'approved' } }
        : {
            meta: {
              name: text,
              ...(selectedUnit ? { unit: selectedUnit } : {}),
              role: 'specialist',
              duration: { workingDays: 1 },
            },
          };
      exec(
        {
          type: 'addStep',
          parent,
          key,
          step,
          ...(selectedBox ? { nearX: selectedBox.x + COLUMN_PITCH } : {}),
        },
        final ? s.cmd_addFinal : s.cmd_addStep,
        undefined,
        { kind: 'step', path: parent === '' ? key : `${parent}.${key}` },
      );
    },
    [state.selection, procedure, selectedUnit, selectedBox, exec, s],
  );

  const addParallel = useCallback(() => {
    const units = catalog.units.filter(
      (u) => !u.oneStop && u.id !== 'cong-dan' && u.level === procedure.level,
    );
    const regions = [0, 1].map((i) => ({
      name: { vi: `${NEW_DATA.branch.vi} ${i + 1}` },
      ...((units[i] ?? units[0]) ? { unit: (units[i] ?? units[0])!.id } : {}),
    }));
    const key = newStepKey(procedure, '', NEW_DATA.group.vi);
    exec(
      {
        type: 'addParallelGroup',
        parent: '',
        name: NEW_DATA.group,
        regions,
        ...(selectedBox ? { nearX: selectedBox.x + COLUMN_PITCH } : {}),
      },
      s.cmd_addParallelGroup,
      undefined,
      { kind: 'step', path: key },
    );
  }, [catalog, procedure, exec, s, selectedBox]);

  const deleteSelection = useCallback(() => {
    const steps =
      state.multi.steps.length > 0
        ? [...state.multi.steps]
        : state.selection.kind === 'step'
          ? [state.selection.path]
          : [];
    const transitionIds = state.multi.transitions.length > 0 ? [...state.multi.transitions] : [];
    const refs = transitionIds.flatMap((e) => {
      const ref = parseRefKey(e.split('|').slice(0, 4).join('|'));
      return ref ? [ref] : [];
    });
    if (state.selection.kind === 'transition' && refs.length === 0) refs.push(state.selection.ref);
    if (steps.length === 0 && refs.length === 0) return;
    exec({ type: 'deleteSelection', steps, transitions: refs }, s.cmd_deleteSelection, undefined, {
      kind: 'none',
    });
  }, [state.multi, state.selection, exec, s]);

  const copy = useCallback(() => {
    if (state.selection.kind !== 'step') return;
    const node = getState(procedure.machine, state.selection.path);
    if (!node) return;
    const path = state.selection.path;
    setClipboard({
      parent: parentPath(path),
      key: path.split('.').pop()!,
      state: structuredClone(node),
    });
  }, [state.selection, procedure]);

  const paste = useCallback(() => {
    if (!clipboard) return;
    const parent = getState(procedure.machine, clipboard.parent) ? clipboard.parent : '';
    const key = pasteKey(procedure, parent, clipboard.key);
    const sourceBox = geometry.boxes.get(
      parent === '' ? clipboard.key : `${parent}.${clipboard.key}`,
    );
    exec(
      {
        type: 'pasteStep',
        parent,
        key,
        state: clipboard.state,
        ...(sourceBox ? { at: { x: sourceBox.x, y: sourceBox.y + 40 } } : {}),
      },
      s.cmd_pasteStep,
      undefined,
      { kind: 'step', path: parent === '' ? key : `${parent}.${key}` },
    );
  }, [clipboard, procedure, geometry, exec, s]);

  // Keyboard: undo/redo, copy/paste of a step, save. Text fields keep their own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void save();
        return;
      }
      if (isTyping(e.target) || mode !== 'design') return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        dispatch({ type: 'undo' });
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      } else if (key === 'c') {
        copy();
      } else if (key === 'v') {
        e.preventDefault();
        paste();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [save, copy, paste, mode]);

  return { addStep, addParallel, deleteSelection };
}
