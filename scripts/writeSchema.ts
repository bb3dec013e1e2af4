/**
 * Writes the JSON Schemas of the procedure file and the unit catalog into `procedures/`, from the
 * TypeBox definitions in `engine/format/` (the single source of truth). `npm run schema`.
 * A test fails when the committed files are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaFiles } from './schemaFiles.ts';

for (const [file, text] of Object.entries(schemaFiles())) {
  writeFileSync(fileURLToPath(new URL(`../procedures/${file}`, import.meta.url)), text);
  console.log(`wrote procedures/${file}`);
}
