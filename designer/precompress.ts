import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing: text (scripts, styles, pages, data, SVG) and WebAssembly. */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map|wasm|webmanifest)$/;
/** Below this the headers cost more than compression saves. */
const MIN_BYTES = 1024;

/** Every file under `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * Write `file.gz` (gzip, level 9) and `file.br` (brotli, quality 11) beside each compressible
 * built file, when smaller: the server sends them as they are (`Content-Encoding`), so a modest
 * office PC downloads a third of the bytes and the server spends no CPU compressing.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'motcua-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of files(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const raw = readFileSync(file);
        if (raw.length < MIN_BYTES) continue;
        const gz = gzipSync(raw, { level: process.env.VITEST ? 6 : 9 });
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
        const br = brotliCompressSync(raw, {
          params: {
            // The browser tests build on every run: a quicker quality there, the best for releases.
            [constants.BROTLI_PARAM_QUALITY]: process.env.VITEST ? 5 : 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
      }
    },
  };
}
