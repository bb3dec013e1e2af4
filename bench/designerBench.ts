/**
 * The designer in headless Chromium against a built designer and the real server: how long it
 * takes to open a generated 150-step procedure and lay it out (goal: under one second), with and
 * without a layout sidecar, and what live validation and the canvas model cost per edit. Run
 * directly with `npx tsx bench/designerBench.ts`, or import `runDesignerBench` from a runner.
 */
import { pathToFileURL } from 'node:url';
import {
  formatProcedure,
  hasErrors,
  procedureTemplate,
  validateProcedure,
  type Procedure,
  type StateNodeConfig,
  type UnitCatalog,
} from '../engine/index.ts';
import { computeGeometry } from '../designer/src/layout/geometry.ts';
import { measureDiagram } from './diagramCounts.ts';
import { toCanvas } from '../designer/src/model/canvasModel.ts';
import { buildDesigner, launchChromium, startDesignerServer } from '../test/e2e/designerServer.ts';
import { measure, printTable, type BenchResult } from './benchResult.ts';

const STEPS = 150;
const ID = 'bench-150-buoc';
const UNITS = [
  'mot-cua-xa',
  'tu-phap-xa',
  'ubnd-xa',
  'van-thu-xa',
  'phong-kinh-te-xa',
  'cong-an-xa',
];

/**
 * A valid procedure of `steps` agency steps: a chain through six units (each step forwards to
 * the next, may send back to the previous one, or refuse), reception with a supplement loop, and
 * the outcomes. The legal deadline covers the chain exactly.
 */
export function generatedProcedure(steps = STEPS): Procedure {
  const base = procedureTemplate(ID, { name: `Thủ tục thử nghiệm ${steps} bước` });
  const states: Record<string, StateNodeConfig> = {};
  const refuse = {
    target: 'tuChoi',
    actions: [{ type: 'issueSlip' as const, params: { slip: 'refusal' as const } }],
  };
  states.tiepNhan = {
    ...base.machine.states.tiepNhan!,
    on: {
      ...base.machine.states.tiepNhan!.on,
      ACCEPT: { target: 'buoc1', actions: [{ type: 'startClock' }] },
    },
  };
  states.choBoSung = base.machine.states.choBoSung!;
  for (let i = 1; i <= steps - 2; i++) {
    const next = i === steps - 2 ? 'traKetQua' : `buoc${i + 1}`;
    states[`buoc${i}`] = {
      meta: {
        name: { vi: `Bước xử lý số ${i}`, en: `Processing step ${i}` },
        unit: UNITS[i % UNITS.length]!,
        role: 'specialist',
        duration: { workingHours: 1 },
      },
      on: {
        FORWARD: { target: next },
        ...(i > 1 && i % 5 === 0 ? { SEND_BACK: { target: `buoc${i - 1}` } } : {}),
        ...(i % 10 === 0 ? { REFUSE: refuse } : {}),
      },
    };
  }
  states.traKetQua = base.machine.states.traKetQua!;
  states.hoanThanh = base.machine.states.hoanThanh!;
  states.tuChoi = base.machine.states.tuChoi!;
  states.rutHoSo = base.machine.states.rutHoSo!;
  // Reception 4 h + chain + return 4 h, in 8-hour working days.
  const hours = 4 + (steps - 2) + 4;
  return {
    ...base,
    deadline: { workingDays: Math.ceil(hours / 8) },
    machine: { ...base.machine, states },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Open, lay out and render the generated procedure in Chromium; figures in milliseconds. */
export async function runDesignerBench(): Promise<BenchResult[]> {
  const procedure = generatedProcedure();
  const problems = validateProcedure(procedure);
  if (hasErrors(problems))
    throw new Error(`generated procedure invalid: ${problems[0]!.message.en}`);
  await buildDesigner();
  const server = await startDesignerServer({
    extra: { [`${ID}.json`]: formatProcedure(procedure) },
  });
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const login = await context.request.post(`${server.url}/api/auth/login`, {
      data: { username: 'admin', password: 'motcua' },
    });
    if (!login.ok()) throw new Error(`login: ${login.status()}`);
    const leaves = toCanvas(procedure).states.filter((s) => s.children.length === 0).length;

    const open = async () => {
      const page = await context.newPage();
      await page.goto(`${server.url}/procedures/${ID}`);
      // Drawn: React Flow has initialised its viewport and the boxes in view are on screen
      // (large diagrams render only what is visible).
      await page.waitForFunction(
        () =>
          performance.getEntriesByName('motcua:drawn').length > 0 &&
          document.querySelectorAll('.react-flow__node-step').length > 0,
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      const ready = await page.evaluate(() => performance.now());
      const detail = await page.evaluate(
        () =>
          (window as unknown as { __motcuaReady: { layoutMs: number; autoLayout: boolean } })
            .__motcuaReady,
      );
      await page.close();
      return { total: ready, layout: detail.layoutMs, auto: detail.autoLayout };
    };

    await open(); // warm the browser cache once
    const cold = [await open(), await open(), await open()];
    results.push({
      name: 'designer.open150.autoLayout',
      value: Math.round(median(cold.map((r) => r.total))),
      unit: 'ms',
      note: `navigation to the diagram of ${leaves} boxes on screen, no layout file (ELK in a worker, lanes, routing); goal < 1000 ms`,
    });
    results.push({
      name: 'designer.elkLayout150',
      value: Math.round(median(cold.map((r) => r.layout))),
      unit: 'ms',
      note: 'the automatic layout alone (ELK layered in a Web Worker + lanes)',
    });

    // Save the layout sidecar through the API, then open again: no ELK.
    const read = await context.request.get(`${server.url}/api/procedures/${ID}`);
    const body = (await read.json()) as { procedure: Procedure; etag: string };
    const { autoLayout } = await import('../designer/src/layout/autoLayout.ts');
    const layout = await autoLayout(body.procedure);
    const saved = await context.request.put(`${server.url}/api/procedures/${ID}`, {
      data: { procedure: body.procedure, layout },
      headers: { 'if-match': `"${body.etag}"` },
    });
    if (!saved.ok()) throw new Error(`save: ${saved.status()}`);
    const warm = [await open(), await open(), await open()];
    if (warm.some((r) => r.auto)) throw new Error('the layout file was not used');
    results.push({
      name: 'designer.open150.withLayout',
      value: Math.round(median(warm.map((r) => r.total))),
      unit: 'ms',
      note: `navigation to the diagram of ${leaves} boxes on screen, with its layout file`,
    });

    // What every edit costs before the canvas redraws (in Node, same code as the page).
    const validate = measure(() => {
      validateProcedure(procedure);
      return 1;
    });
    results.push({
      name: 'designer.validate150',
      value: Math.round((1000 / validate) * 10) / 10,
      unit: 'ms',
      note: 'live validation (engine validateProcedure) of the 150-step procedure, per edit',
    });
    const derive = measure(() => {
      computeGeometry(toCanvas(procedure), layout);
      return 1;
    });
    results.push({
      name: 'designer.canvasModel150',
      value: Math.round((1000 / derive) * 10) / 10,
      unit: 'ms',
      note: 'definition → canvas model → lanes geometry, per edit',
    });
    // Legibility after the automatic layout: arrow crossings and labels on boxes.
    const catalog = (await (
      await context.request.get(`${server.url}/api/units`)
    ).json()) as UnitCatalog;
    const list = (await (await context.request.get(`${server.url}/api/procedures`)).json()) as {
      items: { id: string }[];
    };
    for (const { id } of list.items) {
      const one = (await (
        await context.request.get(`${server.url}/api/procedures/${id}`)
      ).json()) as { procedure: Procedure };
      const q = await measureDiagram(one.procedure, catalog);
      results.push({
        name: `designer.crossings.${id}`,
        value: q.crossings,
        unit: 'count',
        note: `arrow crossings after automatic layout; ${q.labelsOnNodes} label(s) on boxes; ${q.steps} boxes, ${q.arrows} arrows`,
      });
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await runDesignerBench());
}
