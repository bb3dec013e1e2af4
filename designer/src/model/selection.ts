import { parsePointer, type Procedure } from '../../../engine/index.ts';
import { getState, joinPath } from './statePaths.ts';
import { entryOf, type TransitionKind, type TransitionRef } from './transitionRefs.ts';

/** What the designer has selected: it decides what the properties panel shows. */
export type Selection =
  | { readonly kind: 'none' }
  | { readonly kind: 'step'; readonly path: string }
  | { readonly kind: 'transition'; readonly ref: TransitionRef }
  | { readonly kind: 'procedure'; readonly section?: string }
  | { readonly kind: 'form'; readonly form: number; readonly field?: string };

/** Nothing selected. */
export const NO_SELECTION: Selection = { kind: 'none' };

const KINDS: readonly TransitionKind[] = ['on', 'after', 'always', 'onDone'];

/**
 * What a validation problem concerns, from its JSON pointer: a step (`/machine/states/a/meta/unit`
 * → step `a`), a transition (`…/on/ACCEPT/1/target` → that alternative), an e-form field
 * (`/forms/0/schema/properties/hoTen`) or a part of the procedure (`/deadline`).
 */
export function problemTarget(procedure: Procedure, pointer: string): Selection {
  const segments = parsePointer(pointer);
  if (segments[0] === 'forms' && segments[1] !== undefined && /^\d+$/.test(segments[1])) {
    const field =
      segments[2] === 'schema' && segments[3] === 'properties' ? segments[4] : undefined;
    return { kind: 'form', form: Number(segments[1]), ...(field ? { field } : {}) };
  }
  if (segments[0] !== 'machine') {
    return segments.length === 0
      ? { kind: 'procedure' }
      : { kind: 'procedure', section: segments[0] };
  }
  const path: string[] = [];
  let i = 1;
  while (segments[i] === 'states' && segments[i + 1] !== undefined) {
    const next = [...path, segments[i + 1]!];
    if (!getState(procedure.machine, joinPath(next))) break;
    path.push(segments[i + 1]!);
    i += 2;
  }
  const source = joinPath(path);
  const kind = segments[i] as TransitionKind | undefined;
  if (kind && KINDS.includes(kind)) {
    const node = getState(procedure.machine, source);
    const named = kind === 'on' || kind === 'after';
    const event = named ? segments[i + 1] : '';
    const indexSegment = named ? segments[i + 2] : segments[i + 1];
    if (node && event !== undefined) {
      const entry = entryOf(node, kind, event);
      if (entry !== undefined) {
        const index = Array.isArray(entry)
          ? indexSegment !== undefined && /^\d+$/.test(indexSegment)
            ? Number(indexSegment)
            : 0
          : null;
        return { kind: 'transition', ref: { source, kind, event, index } };
      }
    }
  }
  if (source === '') {
    if (segments[i] === 'initial') {
      const initial = procedure.machine.initial;
      if (getState(procedure.machine, initial)) return { kind: 'step', path: initial };
    }
    return { kind: 'procedure', section: 'machine' };
  }
  return { kind: 'step', path: source };
}

/** The state path a problem concerns, for the badges on the canvas (transitions count for their source). */
export function problemStep(procedure: Procedure, pointer: string): string | undefined {
  const target = problemTarget(procedure, pointer);
  if (target.kind === 'step') return target.path;
  if (target.kind === 'transition') return target.ref.source === '' ? undefined : target.ref.source;
  return undefined;
}
