import {
  createActor,
  type ActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate';
import type { GraphNode, MachineGraph } from '../validate/machineGraph.ts';
import type { PersistedMachine } from './dossierSnapshot.ts';

/** An action XState decided to execute, as returned by its pure transition functions. */
export interface ExecutableAction {
  readonly type: string;
  readonly params?: unknown;
}

/**
 * A pure stepper over one machine that reuses one inert actor scope. `xstate`'s public
 * `transition()` builds a fresh actor (and system) for every call, which costs several times
 * the transition itself; the machine's `transition(snapshot, event, actorScope)` is the public
 * ActorLogic interface, and an inert scope that only records actions keeps it pure. The xstate
 * minor version is pinned and `test/engine/machineRuntime.test.ts` proves both give the same
 * snapshots and actions.
 */
export class MachineStepper {
  private readonly scope: ActorScope<AnyMachineSnapshot, never>;
  private recorded: ExecutableAction[] = [];

  constructor(readonly machine: AnyStateMachine) {
    const self = createActor(machine);
    this.scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      system: self.system,
      stopChild: () => {},
      emit: () => {},
      actionExecutor: (action: ExecutableAction) => {
        this.recorded.push(action);
      },
    } as unknown as ActorScope<AnyMachineSnapshot, never>;
  }

  /** The initial snapshot for an input, and the actions of entering it. */
  initial(input: unknown): [AnyMachineSnapshot, ExecutableAction[]] {
    this.recorded = [];
    const snapshot = this.machine.getInitialSnapshot(
      this.scope as never,
      input,
    ) as AnyMachineSnapshot;
    return [snapshot, this.recorded];
  }

  /** The next snapshot for an event, and the actions to execute (not executed). */
  step(
    snapshot: AnyMachineSnapshot,
    event: { type: string },
  ): [AnyMachineSnapshot, ExecutableAction[]] {
    this.recorded = [];
    const next = this.machine.transition(
      snapshot,
      event as never,
      this.scope as never,
    ) as AnyMachineSnapshot;
    return [next, this.recorded];
  }

  /** Restore a live snapshot from its persisted form. */
  restore(persisted: PersistedMachine): AnyMachineSnapshot {
    return this.machine.resolveState({
      value: persisted.value as never,
      context: persisted.context,
      status: persisted.status,
    } as never) as AnyMachineSnapshot;
  }
}

/** The persisted (plain JSON) form of a live snapshot; shares its immutable value and context. */
export function persist(snapshot: AnyMachineSnapshot): PersistedMachine {
  return {
    value: snapshot.value,
    context: snapshot.context,
    status: snapshot.status,
  };
}

/** The active leaf nodes (steps and reached final states) for a state value. */
export function activeLeaves(graph: MachineGraph, value: unknown): GraphNode[] {
  const out: GraphNode[] = [];
  const walk = (node: GraphNode, v: unknown) => {
    if (typeof v === 'string') {
      const child = node.children.find((c) => c.key === v);
      if (child) out.push(child);
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, sub] of Object.entries(v)) {
        const child = node.children.find((c) => c.key === k);
        if (!child) continue;
        if (child.kind === 'atomic' || child.kind === 'final') out.push(child);
        else walk(child, sub);
      }
    }
  };
  walk(graph.root, value);
  return out;
}
