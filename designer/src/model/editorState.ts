import type { Command } from './commands.ts';
import type { DesignDoc } from './designDoc.ts';
import { createHistory, execute, redo, undo, type History } from './history.ts';
import { NO_SELECTION, type Selection } from './selection.ts';
import { getState } from './statePaths.ts';
import { transitionAt } from './transitionRefs.ts';

/** The editor's state: the history of the doc and what is selected. */
export interface EditorState {
  readonly history: History;
  readonly selection: Selection;
  /** Everything selected on the canvas (for deleting several things at once). */
  readonly multi: { readonly steps: readonly string[]; readonly transitions: readonly string[] };
}

/** What the editor's reducer understands. */
export type EditorAction =
  | { readonly type: 'load'; readonly doc: DesignDoc }
  | { readonly type: 'replaceLayout'; readonly doc: DesignDoc }
  | {
      readonly type: 'exec';
      readonly command: Command;
      readonly label: string;
      readonly mergeKey?: string;
      readonly select?: Selection;
    }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  /** A save: the next edit starts a new undo step, so undo can reach back to each save. */
  | { readonly type: 'seal' }
  | {
      readonly type: 'select';
      readonly selection: Selection;
      readonly multi?: EditorState['multi'];
    };

const EMPTY_MULTI = { steps: [], transitions: [] } as const;

/** A fresh editor state. */
export function initialEditorState(doc: DesignDoc): EditorState {
  return { history: createHistory(doc), selection: NO_SELECTION, multi: EMPTY_MULTI };
}

/** Keep the selection only while what it points at exists. */
export function validSelection(doc: DesignDoc, selection: Selection): Selection {
  switch (selection.kind) {
    case 'none':
    case 'procedure':
      return selection;
    case 'step':
      return getState(doc.procedure.machine, selection.path) && selection.path !== ''
        ? selection
        : NO_SELECTION;
    case 'transition':
      return transitionAt(getState(doc.procedure.machine, selection.ref.source), selection.ref)
        ? selection
        : NO_SELECTION;
    case 'form':
      return doc.procedure.forms[selection.form] ? selection : { kind: 'procedure' };
    default: {
      const never: never = selection;
      throw new Error(`unknown selection ${JSON.stringify(never)}`);
    }
  }
}

function settle(
  state: EditorState,
  history: History,
  selection: Selection,
  keepMulti: boolean,
): EditorState {
  const next = validSelection(history.present, selection);
  const multi = keepMulti && next === selection ? state.multi : EMPTY_MULTI;
  if (next === state.selection && multi === state.multi && history === state.history) return state;
  return { history, selection: next, multi };
}

function sameSelection(a: Selection, b: Selection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameMulti(a: EditorState['multi'], b: EditorState['multi']): boolean {
  return (
    a.steps.join('\n') === b.steps.join('\n') &&
    a.transitions.join('\n') === b.transitions.join('\n')
  );
}

/** The editor's reducer: pure, so every edit can be replayed and undone. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return initialEditorState(action.doc);
    case 'replaceLayout':
      return { ...state, history: { ...state.history, present: action.doc } };
    case 'exec': {
      const history = execute(state.history, action.command, action.label, action.mergeKey);
      if (history === state.history) return state;
      return settle(state, history, action.select ?? state.selection, action.select === undefined);
    }
    case 'undo':
      return settle(state, undo(state.history), state.selection, true);
    case 'redo':
      return settle(state, redo(state.history), state.selection, true);
    case 'seal':
      return state.history.mergeKey === undefined
        ? state
        : { ...state, history: { ...state.history, mergeKey: undefined } };
    case 'select': {
      const selection = validSelection(state.history.present, action.selection);
      const multi = action.multi ?? EMPTY_MULTI;
      if (sameSelection(selection, state.selection) && sameMulti(multi, state.multi)) return state;
      return { ...state, selection, multi };
    }
    default: {
      const never: never = action;
      throw new Error(`unknown action ${JSON.stringify(never)}`);
    }
  }
}
