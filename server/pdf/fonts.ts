import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The faces a document uses: DejaVu Serif, which covers every Vietnamese letter and tone mark. */
export interface FontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
}

let cached: FontFiles | undefined;

/**
 * The TrueType files of DejaVu Serif shipped by the npm package `dejavu-fonts-ttf` (the same
 * 2.37 files as Debian's fonts-dejavu-core; free license), read once: `npm ci` is all a machine
 * needs, no system fonts. (Noto Serif lost glyphs in pdf-lib's subsetting; DejaVu does not.)
 */
export function fontFiles(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const read = (file: string) => new Uint8Array(readFileSync(join(root, file)));
  cached = {
    regular: read('DejaVuSerif.ttf'),
    bold: read('DejaVuSerif-Bold.ttf'),
    italic: read('DejaVuSerif-Italic.ttf'),
  };
  return cached;
}
