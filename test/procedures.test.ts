import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildMachineGraph,
  formatProcedure,
  replayScenarioFile,
  validateProcedure,
  validateScenarioFile,
} from '../engine/index.ts';
import { expandPaths, loadCalendar } from '../server/library/procedureFiles.ts';
import { loadProcedure, PROCEDURES_DIR, procedureIds, units } from './support/procedures.ts';

const calendar = loadCalendar(PROCEDURES_DIR);

describe('the bundled procedure library', () => {
  it('covers what the library promises: levels, inter-agency, guards, supplements, fees, refusal', () => {
    const ids = procedureIds();
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const id of [
      'dang-ky-khai-sinh',
      'dang-ky-ket-hon',
      'dang-ky-khai-tu',
      'chung-thuc-ban-sao',
      'dang-ky-ho-kinh-doanh',
      'cap-giay-phep-xay-dung-nha-o',
      'cap-gcn-quyen-su-dung-dat-lan-dau',
      'lien-thong-tre-duoi-6-tuoi',
    ]) {
      expect(ids).toContain(id);
    }
    const all = ids.map((id) => loadProcedure(id));
    const levels = new Set(all.map((p) => p.level));
    for (const level of ['commune', 'province', 'district']) expect(levels).toContain(level);
    const graphs = all.map((p) => ({ p, g: buildMachineGraph(p.machine) }));
    expect(
      graphs.filter(({ g }) => g.nodes.some((n) => n.kind === 'parallel')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      graphs.filter(({ g }) =>
        g.edges.some((e) => JSON.stringify(e.transition.guard ?? null).includes('"field"')),
      ).length,
    ).toBeGreaterThanOrEqual(3);
    expect(
      graphs.filter(({ g }) => g.nodes.some((n) => n.config.meta?.clock === 'paused')).length,
    ).toBeGreaterThanOrEqual(3);
    expect(all.filter((p) => p.fees.some((f) => f.amountVnd > 0)).length).toBeGreaterThanOrEqual(2);
    for (const { p, g } of graphs) {
      expect(
        g.nodes.some(
          (n) => n.kind === 'final' && n.parent === g.root && n.config.meta?.outcome === 'refused',
        ),
        p.id,
      ).toBe(true);
    }
  });

  it.each(expandPaths([PROCEDURES_DIR]).filter((f) => !f.endsWith('.schema.json')))(
    '%s is in canonical format (motcua format)',
    (file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).toBe(formatProcedure(JSON.parse(text)));
    },
  );

  describe.each(procedureIds())('%s', (id) => {
    const text = readFileSync(`${PROCEDURES_DIR}${id}.json`, 'utf8');

    it('validates with zero errors and zero warnings', () => {
      expect(validateProcedure(text, { units })).toEqual([]);
    });

    it('replays its scenarios', () => {
      const file = JSON.parse(readFileSync(`${PROCEDURES_DIR}${id}.scenarios.json`, 'utf8'));
      expect(validateScenarioFile(file)).toEqual([]);
      expect(file.procedure).toBe(id);
      expect(file.scenarios.length).toBeGreaterThanOrEqual(2);
      expect(replayScenarioFile(loadProcedure(id), file, { calendar })).toEqual([]);
    });
  });
});
