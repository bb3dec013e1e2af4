import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { designerAssets } from '../../server/http/staticAssets.ts';

/** A built designer in miniature: a hashed script with its .br and .gz, the page, an image. */
describe('the built designer as the server sends it', () => {
  const script = 'console.log("motcua");\n'.repeat(200);
  let app: Hono;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-assets-'));
    mkdirSync(join(dir, 'assets'));
    const js = join(dir, 'assets', 'index-DYT_pZtv.js');
    writeFileSync(js, script);
    writeFileSync(`${js}.br`, brotliCompressSync(script));
    writeFileSync(`${js}.gz`, gzipSync(script));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>motcua</title>');
    const assets = designerAssets(relative(process.cwd(), dir));
    app = new Hono();
    app.use('/*', assets.files);
    app.get('*', assets.index);
  });

  it('sends a hashed script as brotli when accepted, cached for a year', async () => {
    const r = await app.request('/assets/index-DYT_pZtv.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Encoding')).toBe('br');
    expect(r.headers.get('Vary')).toContain('Accept-Encoding');
    expect(r.headers.get('Content-Type')).toMatch(/javascript/);
    expect(r.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await r.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
  });

  it('sends gzip to a browser without brotli, and the file as it is to one without either', async () => {
    const gz = await app.request('/assets/index-DYT_pZtv.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    const plain = await app.request('/assets/index-DYT_pZtv.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    await expect(plain.text()).resolves.toBe(script);
  });

  it('has the page checked on every load, at / and at client-side routes', async () => {
    for (const path of ['/', '/dossiers/123', '/tra-cuu']) {
      const r = await app.request(path);
      expect(r.status).toBe(200);
      expect(r.headers.get('Cache-Control')).toBe('no-cache');
      await expect(r.text()).resolves.toContain('<title>motcua</title>');
    }
  });
});
