import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createActor, initialTransition, transition } from 'xstate';
import { applyEvent, compileProcedure, startDossier, type Procedure } from '../engine/index.ts';
import type { BenchResult } from './benchResult.ts';
import { measure, printTable } from './benchResult.ts';

/** One dossier's walk through birth registration: 6 events from reception to result. */
const WALK = ['ACCEPT', 'PROPOSE', 'SEND_BACK', 'PROPOSE', 'SIGN', 'RETURN_RESULT'] as const;

function load(): Procedure {
  return JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../procedures/dang-ky-khai-sinh.json', import.meta.url)),
      'utf8',
    ),
  );
}

/**
 * Events applied per second: motcua's `applyEvent` (snapshot + effects + working-time deadlines)
 * against raw xstate on the same compiled machine — an in-memory actor (`actor.send`) and the
 * public pure `transition()` — in the same run.
 */
export async function runEngineBench(): Promise<BenchResult[]> {
  const procedure = load();
  const { machine } = compileProcedure(procedure);
  const start = new Date('2026-03-02T02:00:00Z');
  const input = { data: {}, documents: [], channel: 'desk' as const };

  const engine = measure(() => {
    let t = startDossier(procedure, input, start);
    let now = start.getTime();
    for (const type of WALK) {
      now += 600_000;
      t = applyEvent(procedure, t.snapshot, { type }, new Date(now));
    }
    return WALK.length;
  });
  const actor = measure(() => {
    const a = createActor(machine, { input });
    a.start();
    for (const type of WALK) a.send({ type });
    return WALK.length;
  });
  const pure = measure(() => {
    let [s] = initialTransition(machine, input);
    for (const type of WALK) [s] = transition(machine, s, { type } as never);
    return WALK.length;
  });
  const machineNote =
    'birth registration (dang-ky-khai-sinh), 6-event walk per dossier incl. start';
  return [
    {
      name: 'engine.applyEvent',
      value: engine,
      unit: 'events/s',
      note: `motcua startDossier+applyEvent, with deadlines and effects; ${machineNote}`,
    },
    {
      name: 'engine.xstate.actor',
      value: actor,
      unit: 'events/s',
      note: `raw xstate createActor+send, same machine; ${machineNote}`,
    },
    {
      name: 'engine.xstate.transition',
      value: pure,
      unit: 'events/s',
      note: `raw xstate pure transition(), same machine; ${machineNote}`,
    },
    {
      name: 'engine.ratio.actor/applyEvent',
      value: actor / engine,
      unit: '×',
      note: 'cost of applyEvent relative to a raw xstate actor (goal ≤ 1.3)',
    },
    {
      name: 'engine.ratio.applyEvent/transition',
      value: engine / pure,
      unit: '×',
      note: 'applyEvent speed relative to xstate transition()',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await runEngineBench());
}
