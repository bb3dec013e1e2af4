import { applyCommand, type Command } from './commands.ts';
import type { DesignDoc } from './designDoc.ts';

/** One undoable state: the doc and the label of the command that produced the next one. */
interface Entry {
  readonly doc: DesignDoc;
  readonly label: string;
}

/** Undo/redo history of docs: commands are pure, so history is a list of values. */
export interface History {
  readonly past: readonly Entry[];
  readonly present: DesignDoc;
  readonly future: readonly Entry[];
  /** Commands with the same merge key in a row (typing in a field) make one undo step. */
  readonly mergeKey: string | undefined;
}

/** How many steps back undo reaches. */
export const HISTORY_LIMIT = 200;

/** A history starting at `doc`. */
export function createHistory(doc: DesignDoc): History {
  return { past: [], present: doc, future: [], mergeKey: undefined };
}

/**
 * Apply a command. A command that changes nothing leaves the history as it is; one with the same
 * `mergeKey` as the previous command replaces the present instead of adding an undo step.
 */
export function execute(
  history: History,
  command: Command,
  label: string,
  mergeKey?: string,
): History {
  const next = applyCommand(history.present, command);
  if (next === history.present) return history;
  if (mergeKey !== undefined && mergeKey === history.mergeKey && history.past.length > 0) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, { doc: history.present, label }].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], mergeKey };
}

/** Step back. */
export function undo(history: History): History {
  const last = history.past[history.past.length - 1];
  if (!last) return history;
  return {
    past: history.past.slice(0, -1),
    present: last.doc,
    future: [{ doc: history.present, label: last.label }, ...history.future],
    mergeKey: undefined,
  };
}

/** Step forward again. */
export function redo(history: History): History {
  const [first, ...rest] = history.future;
  if (!first) return history;
  return {
    past: [...history.past, { doc: history.present, label: first.label }],
    present: first.doc,
    future: rest,
    mergeKey: undefined,
  };
}

/** The label of the command undo would revert, if any. */
export function undoLabel(history: History): string | undefined {
  return history.past[history.past.length - 1]?.label;
}

/** The label of the command redo would apply again, if any. */
export function redoLabel(history: History): string | undefined {
  return history.future[0]?.label;
}

/** Replace the present without an undo step (e.g. after loading or an automatic layout). */
export function resetTo(history: History, doc: DesignDoc, keepPast = false): History {
  return keepPast ? { ...history, present: doc, mergeKey: undefined } : createHistory(doc);
}
