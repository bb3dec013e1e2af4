import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileProcedure } from '../../engine/index.ts';
import { MachineStepper } from '../../engine/execute/machineRuntime.ts';
import { loadProcedure } from '../support/procedures.ts';

// The executor steps machines on a reused inert actor scope (see machineRuntime.ts). This suite
// pins that shortcut to xstate's public pure functions: same snapshots, same actions.
describe('MachineStepper', () => {
  const { machine } = compileProcedure(loadProcedure('dang-ky-khai-sinh'));
  const input = { data: {}, documents: [], channel: 'desk' };
  const strip = (actions: readonly { type: string; params?: unknown }[]) =>
    actions.map((a) => ({ type: a.type, params: a.params }));

  it('matches initialTransition and transition on every step of a walk', () => {
    const stepper = new MachineStepper(machine);
    let [ours, oursActions] = stepper.initial(input);
    let [theirs, theirActions] = initialTransition(machine, input);
    expect(ours.value).toEqual(theirs.value);
    expect(strip(oursActions)).toEqual(strip(theirActions));
    for (const type of [
      'REQUEST_SUPPLEMENT',
      'SUPPLEMENT',
      'ACCEPT',
      'PROPOSE',
      'SEND_BACK',
      'PROPOSE',
      'SIGN',
      'NOT_AN_EVENT',
      'RETURN_RESULT',
    ]) {
      [ours, oursActions] = stepper.step(ours, { type });
      [theirs, theirActions] = transition(machine, theirs, { type } as never);
      expect(ours.value).toEqual(theirs.value);
      expect(ours.status).toBe(theirs.status);
      expect(ours.context).toEqual(theirs.context);
      expect(strip(oursActions)).toEqual(strip(theirActions));
    }
    expect(ours.status).toBe('done');
  });

  it('restores a persisted snapshot to the same state', () => {
    const stepper = new MachineStepper(machine);
    const [s0] = stepper.initial(input);
    const [s1] = stepper.step(s0, { type: 'ACCEPT' });
    const restored = stepper.restore({
      value: s1.value,
      context: s1.context as never,
      status: 'active',
    });
    const [a] = stepper.step(restored, { type: 'PROPOSE' });
    const [b] = stepper.step(s1, { type: 'PROPOSE' });
    expect(a.value).toEqual(b.value);
  });
});
