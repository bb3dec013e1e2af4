import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatProcedure,
  replayScenarioFile,
  validateProcedure,
  validateScenarioFile,
} from '../engine/index.ts';
import { expandPaths, loadCalendar } from '../server/library/procedureFiles.ts';
import { loadProcedure, PROCEDURES_DIR, procedureIds, units } from './support/procedures.ts';

const calendar = loadCalendar(PROCEDURES_DIR);

describe('the bundled procedure library', () => {
  it('has the procedures the issue asks for', () => {
    expect(procedureIds()).toContain('dang-ky-khai-sinh');
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
