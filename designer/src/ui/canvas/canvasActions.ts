import { createContext, useContext } from 'react';

/** What a shape on the canvas can ask of the editor (the context pad, rename in place). */
export interface CanvasActions {
  /** Whether the diagram can be edited now. */
  readonly editable: boolean;
  /** The one selected shape that shows the context pad (none when several are selected). */
  readonly padFor?: string | undefined;
  /** Add a next step right of this one and connect them (the event is chosen in a dialog). */
  append(path: string): void;
  /** Delete this step. */
  remove(path: string): void;
  /** Rename in place. */
  rename(path: string, name: string): void;
  /** Turn a step into an outcome, or an outcome into a step. */
  toggleFinal(path: string): void;
}

const NONE: CanvasActions = {
  editable: false,
  append: () => undefined,
  remove: () => undefined,
  rename: () => undefined,
  toggleFinal: () => undefined,
};

/** The editor's actions, for the shapes. */
export const CanvasActionsContext = createContext<CanvasActions>(NONE);

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}

/** The kinds of shapes the palette drags onto the canvas. */
export type PaletteShape = 'step' | 'final' | 'parallel';

/** The drag-and-drop type of a palette shape. */
export const PALETTE_MIME = 'application/x-motcua-shape';
