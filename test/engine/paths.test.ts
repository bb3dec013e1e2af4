import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  needsReason,
  buildMachineGraph,
  compileProcedure,
  startDossier,
  type Guard,
  type Procedure,
} from '../../engine/index.ts';
import { loadProcedure, procedureIds } from '../support/procedures.ts';

/** Form-data variants that make each field guard true: one per compared value, plus empty data. */
function dataVariants(p: Procedure): Record<string, unknown>[] {
  const variants: Record<string, unknown>[] = [{}];
  const visit = (g: Guard) => {
    switch (g.type) {
      case 'field': {
        if (g.params.source === 'event') return;
        const values =
          g.params.op === 'in' && Array.isArray(g.params.value)
            ? g.params.value
            : [g.params.value ?? 'có'];
        for (const v of values) {
          const nudged = typeof v === 'number' ? [v, v + 1, v - 1] : [v];
          for (const n of nudged) variants.push(setPath({}, g.params.field, n));
        }
        return;
      }
      case 'all':
      case 'any':
        g.params.guards.forEach(visit);
        return;
      case 'not':
        visit(g.params.guard);
        return;
      default:
        return;
    }
  };
  for (const e of buildMachineGraph(p.machine).edges)
    if (e.transition.guard) visit(e.transition.guard);
  return variants;
}

function setPath(
  root: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const parts = path.split('.');
  let o = root;
  for (const part of parts.slice(0, -1)) o = (o[part] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]!] = value;
  return root;
}

describe.each(procedureIds())('paths of %s', (id) => {
  const procedure = loadProcedure(id);
  const { machine, graph } = compileProcedure(procedure);
  const eventsOf = (state: { matches: (v: unknown) => boolean }) => {
    const leaves = graph.nodes.filter(
      (n) => n.parent && (n.kind === 'atomic' || n.kind === 'final'),
    );
    const active = leaves.filter((n) => state.matches(pathValue(n.path)));
    const out: { type: string }[] = [];
    for (const leaf of active) {
      for (let n: typeof leaf | undefined = leaf; n; n = n.parent) {
        for (const e of graph.edgesFrom.get(n) ?? []) {
          if (e.kind === 'on') out.push({ type: e.event });
          if (e.kind === 'after') out.push({ type: `xstate.after.${e.event}.${e.source.id}` });
        }
      }
    }
    return out;
  };
  const finals = graph.nodes.filter((n) => n.kind === 'final' && n.parent === graph.root);

  it('reaches every final state by a path that replays through applyEvent with an outcome', () => {
    const reached = new Set<string>();
    for (const data of dataVariants(procedure)) {
      const paths = getShortestPaths(machine, {
        input: { data, documents: procedure.documents.map((d) => d.id), channel: 'desk' },
        events: eventsOf as never,
        toState: (s) => s.status === 'done',
      });
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        let now = new Date('2026-03-02T01:00:00Z');
        let t = startDossier(
          procedure,
          { data, documents: procedure.documents.map((d) => d.id), channel: 'desk' },
          now,
        );
        for (const step of path.steps.slice(1)) {
          now = new Date(now.getTime() + 3_600_000);
          // Events that must say why carry a reason, as the desk's dialog requires.
          const event = step.event as { type: string };
          const note = needsReason(procedure, event.type) ? { note: 'Lý do' } : {};
          t = applyEvent(procedure, t.snapshot, { ...event, ...note }, now);
        }
        expect(t.snapshot.status).toBe('done');
        expect(t.snapshot.outcome).toBeDefined();
        expect(t.snapshot.machine.value).toEqual(path.state.value);
        reached.add(JSON.stringify(path.state.value));
      }
    }
    for (const f of finals)
      expect(reached, `final ${f.key} never reached`).toContain(JSON.stringify(f.key));
  });
});

function pathValue(path: readonly string[]): unknown {
  return path.reduceRight<unknown>(
    (acc, key) => (acc === undefined ? key : { [key]: acc }),
    undefined,
  );
}
