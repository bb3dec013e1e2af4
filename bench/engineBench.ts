import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { Engine } from 'bpmn-engine';
import { createActor } from 'xstate';
import { applyEvent, compileProcedure, startDossier } from '../engine/index.ts';
import { MachineStepper } from '../engine/execute/machineRuntime.ts';
import { measure, printTable, type BenchResult } from './benchResult.ts';
import { tenStepBpmn, tenStepProcedure } from './tenStepProcess.ts';

const STEPS = 10;
const COMPLETE = { type: 'COMPLETE' } as const;

/** Run `n` BPMN instances of the ten-step process, signalling each user task as it waits. */
async function bpmnRun(source: string, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const listener = new EventEmitter();
    listener.on('wait', (api: { signal: () => void }) => api.signal());
    const engine = new Engine({ name: 'bench', source });
    await new Promise<void>((resolve, reject) => {
      engine.once('end', () => resolve());
      engine.once('error', reject);
      void engine.execute({ listener });
    });
  }
  return (n * STEPS * 1000) / (performance.now() - t0);
}

/**
 * Events applied per second on the same ten-step process (one dossier per ten events, started
 * from scratch each time): motcua's `applyEvent` with deadlines and effects; raw xstate as an
 * in-memory actor and as a pure step on a reused scope; and bpmn-engine signalling user tasks.
 */
export async function runEngineBench(): Promise<BenchResult[]> {
  const procedure = tenStepProcedure();
  const { machine } = compileProcedure(procedure);
  const input = { data: {}, documents: [], channel: 'desk' as const };
  const start = new Date('2026-03-02T02:00:00Z');

  const motcua = measure(() => {
    let t = startDossier(procedure, input, start);
    let now = start.getTime();
    for (let i = 0; i < STEPS; i++) {
      now += 600_000;
      t = applyEvent(procedure, t.snapshot, COMPLETE, new Date(now));
    }
    return STEPS;
  });
  const actor = measure(() => {
    const a = createActor(machine, { input });
    a.start();
    for (let i = 0; i < STEPS; i++) a.send(COMPLETE);
    return STEPS;
  });
  const stepper = new MachineStepper(machine);
  const pure = measure(() => {
    let [s] = stepper.initial(input);
    for (let i = 0; i < STEPS; i++) [s] = stepper.step(s, COMPLETE);
    return STEPS;
  });
  const source = tenStepBpmn();
  await bpmnRun(source, 20);
  const bpmnRates: number[] = [];
  for (let r = 0; r < 5; r++) bpmnRates.push(await bpmnRun(source, 60));
  bpmnRates.sort((a, b) => a - b);
  const bpmn = bpmnRates[2]!;
  const what = 'ten sequential user tasks, a new dossier/instance every 10 events';
  return [
    {
      name: 'engine.motcua.applyEvent',
      value: motcua,
      unit: 'events/s',
      note: `startDossier + applyEvent with working-time deadlines and effects; ${what}`,
    },
    {
      name: 'engine.xstate.actor',
      value: actor,
      unit: 'events/s',
      note: `raw xstate createActor + send, same compiled machine; ${what}`,
    },
    {
      name: 'engine.xstate.pureStep',
      value: pure,
      unit: 'events/s',
      note: `raw xstate machine.transition on a reused inert scope (the executor's core); ${what}`,
    },
    {
      name: 'engine.bpmn-engine',
      value: bpmn,
      unit: 'events/s',
      note: `bpmn-engine ${'25'} signalling userTasks; ${what}`,
    },
    {
      name: 'engine.ratio.motcua/bpmn',
      value: motcua / bpmn,
      unit: '×',
      note: 'motcua speed over bpmn-engine (goal ≥ 200)',
    },
    {
      name: 'engine.ratio.actor/motcua',
      value: actor / motcua,
      unit: '×',
      note: 'applyEvent cost relative to a raw xstate actor (goal ≤ 1.3)',
    },
    {
      name: 'engine.ratio.pureStep/motcua',
      value: pure / motcua,
      unit: '×',
      note: 'applyEvent cost relative to the bare pure step it wraps',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await runEngineBench());
}
