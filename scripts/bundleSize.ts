/**
 * Sizes of the built designer (`npm run build` first): every script and style, raw, gzip and
 * brotli (the `.gz`/`.br` files the build writes and the server sends), and what a first load
 * downloads — the page's own script and style and the chunks it preloads, before any lazy
 * screen. Run: `npx tsx scripts/bundleSize.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../designer/dist/', import.meta.url));
if (!existsSync(join(dist, 'index.html')))
  throw new Error('build the designer first: npm run build');

const size = (path: string) => (existsSync(path) ? statSync(path).size : NaN);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = new Set(
  [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
);
const rows = readdirSync(join(dist, 'assets'))
  .filter((f) => /\.(js|css)$/.test(f))
  .map((f) => {
    const path = join(dist, 'assets', f);
    return {
      file: `assets/${f}`,
      raw: size(path),
      gz: size(`${path}.gz`),
      br: size(`${path}.br`),
      first: firstLoad.has(`assets/${f}`),
    };
  })
  .sort((a, b) => b.raw - a.raw);
console.log('| file | raw | gzip | brotli | first load |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gz)} | ${kb(r.br)} | ${r.first ? 'yes' : ''} |`);
const sum = (k: 'raw' | 'gz' | 'br', js: boolean) =>
  rows.filter((r) => r.first && r.file.endsWith('.js') === js).reduce((a, r) => a + r[k], 0);
console.log(
  `\nfirst load, JavaScript: ${kb(sum('raw', true))} raw, ${kb(sum('gz', true))} gzip, ${kb(sum('br', true))} brotli`,
);
console.log(
  `first load, CSS: ${kb(sum('raw', false))} raw, ${kb(sum('gz', false))} gzip, ${kb(sum('br', false))} brotli`,
);
