import {
  procedureTemplate,
  templateUnits,
  type Procedure,
  type StateNodeConfig,
  type TransitionConfig,
  type UnitCatalog,
} from '../../../engine/index.ts';

/** A procedure id: a slug, as the server and the file name require. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why an id cannot be used, or undefined when it can. */
export function idProblem(id: string, taken: ReadonlySet<string>): 'invalid' | 'taken' | undefined {
  if (!SLUG.test(id) || id.length > 100) return 'invalid';
  return taken.has(id) ? 'taken' : undefined;
}

/**
 * A new procedure from the engine's template, with units of the chosen level from the catalog
 * when it has a one-stop desk there (else the template's commune units) and their agency.
 */
export function newFromTemplate(
  id: string,
  name: string,
  level: string,
  catalog: UnitCatalog,
): Procedure {
  return procedureTemplate(id, { name, level, ...templateUnits(catalog, level) });
}

function retargetIds(t: TransitionConfig, from: string, to: string): TransitionConfig {
  const fix = (target: string) =>
    target === `#${from}` || target.startsWith(`#${from}.`)
      ? `#${to}${target.slice(from.length + 1)}`
      : target;
  if (t.target === undefined) return t;
  return {
    ...t,
    target: typeof t.target === 'string' ? fix(t.target) : t.target.map(fix),
  };
}

function retargetNode(node: StateNodeConfig, from: string, to: string): StateNodeConfig {
  const list = (entry: TransitionConfig | readonly TransitionConfig[]) =>
    Array.isArray(entry)
      ? (entry as TransitionConfig[]).map((t) => retargetIds(t, from, to))
      : retargetIds(entry as TransitionConfig, from, to);
  const map = (
    m: Readonly<Record<string, TransitionConfig | readonly TransitionConfig[]>> | undefined,
  ) => m && Object.fromEntries(Object.entries(m).map(([k, v]) => [k, list(v)]));
  const out: Record<string, unknown> = { ...node };
  if (node.on) out.on = map(node.on);
  if (node.after) out.after = map(node.after);
  if (node.always) out.always = list(node.always);
  if (node.onDone) out.onDone = list(node.onDone);
  if (node.states) {
    out.states = Object.fromEntries(
      Object.entries(node.states).map(([k, s]) => [k, retargetNode(s, from, to)]),
    );
  }
  return out as StateNodeConfig;
}

/**
 * A copy of a procedure under a new id (a variant to simplify): the machine id and every
 * `#<old id>.…` target follow, so the copy validates like the original.
 */
export function duplicateProcedure(procedure: Procedure, id: string, name: string): Procedure {
  const old = procedure.machine.id;
  const root = retargetNode(
    {
      states: procedure.machine.states,
      ...(procedure.machine.on ? { on: procedure.machine.on } : {}),
    },
    old,
    id,
  );
  return {
    ...structuredClone(procedure),
    id,
    name: { ...procedure.name, vi: name },
    machine: {
      ...procedure.machine,
      id,
      ...(root.on ? { on: root.on } : {}),
      states: root.states ?? {},
    },
  };
}
