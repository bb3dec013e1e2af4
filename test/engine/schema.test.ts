import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../scripts/schemaFiles.ts';
import { PROCEDURES_DIR } from '../support/procedures.ts';

describe('committed JSON Schemas', () => {
  for (const [file, text] of Object.entries(schemaFiles())) {
    it(`procedures/${file} is generated from engine/format (run \`npm run schema\` if this fails)`, () => {
      expect(readFileSync(`${PROCEDURES_DIR}${file}`, 'utf8')).toBe(text);
    });
  }
});
