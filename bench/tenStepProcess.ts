import type { Procedure } from '../engine/index.ts';

/**
 * The process every engine runs in the comparison: ten sequential user tasks (steps), each
 * completed by one event. Built as a motcua procedure and as BPMN 2.0 XML with userTasks.
 */
export function tenStepProcedure(): Procedure {
  const states: Record<string, unknown> = {};
  for (let i = 1; i <= 10; i++) {
    states[`buoc${i}`] = {
      meta: {
        name: { vi: `Bước ${i}` },
        unit: 'ubnd-xa',
        role: 'specialist',
        duration: { workingHours: 4 },
      },
      on: { COMPLETE: { target: i === 10 ? 'xong' : `buoc${i + 1}` } },
    };
  }
  states.xong = { type: 'final', meta: { name: { vi: 'Xong' }, outcome: 'approved' } };
  return {
    id: 'muoi-buoc',
    name: { vi: 'Quy trình mười bước', en: 'Ten-step process' },
    field: 'Thử nghiệm',
    level: 'commune',
    legalBasis: [],
    deadline: { workingDays: 5 },
    fees: [],
    documents: [],
    forms: [],
    onlineService: 'none',
    machine: { id: 'muoi-buoc', initial: 'buoc1', states: states as never },
  };
}

/** The same ten user tasks in BPMN 2.0. */
export function tenStepBpmn(): string {
  const tasks = Array.from({ length: 10 }, (_, i) => `<userTask id="task${i + 1}" />`).join('');
  const ids = ['start', ...Array.from({ length: 10 }, (_, i) => `task${i + 1}`), 'end'];
  const flows = ids
    .slice(1)
    .map((id, i) => `<sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}" />`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs"><process id="muoiBuoc" isExecutable="true"><startEvent id="start" />${tasks}<endEvent id="end" />${flows}</process></definitions>`;
}
