import type { Guard, Procedure } from '../../../engine/index.ts';
import { toCanvas } from './canvasModel.ts';

function collect(guard: Guard, out: { source: 'form' | 'event'; field: string }[]): void {
  switch (guard.type) {
    case 'field':
      out.push({
        source: guard.params.source === 'event' ? 'event' : 'form',
        field: guard.params.field,
      });
      return;
    case 'all':
    case 'any':
      guard.params.guards.forEach((g) => collect(g, out));
      return;
    case 'not':
      collect(guard.params.guard, out);
      return;
    case 'elapsed':
      out.push({
        source: guard.params.source === 'event' ? 'event' : 'form',
        field: guard.params.field,
      });
      return;
    case 'documentPresent':
    case 'channel':
      return;
    default: {
      const never: never = guard;
      throw new Error(`unknown guard ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The data the procedure's conditions read: e-form fields (filled when the dossier is received)
 * and, per event, the fields of the data sent with that event. The simulator asks for exactly these.
 */
export function guardFields(procedure: Procedure): {
  readonly form: readonly string[];
  readonly event: ReadonlyMap<string, readonly string[]>;
} {
  const form = new Set<string>();
  const event = new Map<string, Set<string>>();
  for (const t of toCanvas(procedure).transitions) {
    if (!t.transition.guard) continue;
    const found: { source: 'form' | 'event'; field: string }[] = [];
    collect(t.transition.guard, found);
    for (const f of found) {
      if (f.source === 'form') form.add(f.field);
      else if (t.ref.kind === 'on') {
        const set = event.get(t.ref.event) ?? new Set<string>();
        set.add(f.field);
        event.set(t.ref.event, set);
      }
    }
  }
  return {
    form: [...form],
    event: new Map([...event].map(([k, v]) => [k, [...v]])),
  };
}
