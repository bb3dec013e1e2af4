import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../server/config.ts';
import { DEMO_PASSWORD } from '../server/seed.ts';
import { startRuntime } from '../server/startRuntime.ts';
import { BIRTH_RECEIPT } from '../test/support/runtime.ts';
import { printTable, type BenchResult } from './benchResult.ts';

const FILES = 24;
const MB = 1_048_576;

/** A distinct 1 MB "PDF" (the header makes it one for the type check; the rest is random). */
function pdfOfOneMb(): Uint8Array {
  const bytes = randomBytes(MB);
  bytes.set(Buffer.from('%PDF-1.4\n'));
  return bytes;
}

/** One HTTP exchange over a real socket (node:http, so the client costs next to nothing). */
function exchange(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Uint8Array,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.setHeader('content-length', body.byteLength);
    req.end(body);
  });
}

/** MB/s of `count` MB done in `ms`. */
const rate = (count: number, ms: number) => (count * 1000) / ms;

/**
 * Upload and download throughput of 1 MB files over a real socket to the disk store (type
 * sniffed, hashed, written atomically with fsync; read back with its headers), next to a plain
 * write + fsync and a plain read of the same files on the same disk.
 */
export async function runFilesBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-files-bench-'));
  const runtime = await startRuntime(
    parseConfig({
      DATABASE_URL: `sqlite:${join(dir, 'motcua.db')}`,
      FILE_STORE: `disk:${join(dir, 'files')}`,
      SCHEDULER_INTERVAL_MS: '0',
      DESIGNER_DIR: join(dir, 'none'),
    }),
    { startScheduler: false },
  );
  try {
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s),
      );
    });
    const { port } = server.address() as AddressInfo;
    const files = Array.from({ length: FILES }, pdfOfOneMb);
    const login = await runtime.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mot-cua-xa', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    // Plain copy: write each file and fsync it, then read it back.
    const plainDir = join(dir, 'plain');
    await import('node:fs/promises').then((fs) => fs.mkdir(plainDir));
    let t0 = performance.now();
    for (const [i, bytes] of files.entries()) {
      const handle = await open(join(plainDir, `f${i}`), 'w');
      await handle.writeFile(bytes);
      await handle.sync();
      await handle.close();
    }
    const plainWrite = rate(FILES, performance.now() - t0);
    t0 = performance.now();
    for (let i = 0; i < FILES; i++) await readFile(join(plainDir, `f${i}`));
    const plainRead = rate(FILES, performance.now() - t0);

    t0 = performance.now();
    const ids: string[] = [];
    for (const [i, bytes] of files.entries()) {
      const r = await exchange(port, 'POST', `/api/uploads?name=scan-${i}.pdf`, auth, bytes);
      if (r.status !== 201) throw new Error(`upload ${i}: ${r.status} ${r.body.toString()}`);
      ids.push((JSON.parse(r.body.toString()) as { id: string }).id);
    }
    const upload = rate(FILES, performance.now() - t0);

    const received = await runtime.app.request('/api/dossiers', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...BIRTH_RECEIPT,
        uploads: ids.map((uploadId) => ({ uploadId, document: 'giayChungSinh' })),
      }),
    });
    if (received.status !== 201) throw new Error(`receive: ${await received.text()}`);
    const { id } = (await received.json()) as { id: string };
    const list = (await (
      await runtime.app.request(`/api/dossiers/${id}/files`, { headers: auth })
    ).json()) as { documents: { files: { url: string }[] }[] };
    const urls = list.documents.flatMap((d) => d.files.map((f) => f.url));
    t0 = performance.now();
    for (const url of urls) {
      const r = await exchange(port, 'GET', url, auth);
      if (r.body.byteLength !== MB) throw new Error(`download ${url}: ${r.status}`);
    }
    server.close();
    const download = rate(urls.length, performance.now() - t0);
    return [
      {
        name: 'files.upload.1mb',
        value: upload,
        unit: 'MB/s',
        note: `POST /api/uploads over a socket to the disk store; ${(upload / plainWrite).toFixed(2)}× a plain write+fsync`,
      },
      {
        name: 'files.plain.write',
        value: plainWrite,
        unit: 'MB/s',
        note: 'the same files written and fsynced directly',
      },
      {
        name: 'files.download.1mb',
        value: download,
        unit: 'MB/s',
        note: `GET /api/files/{id} over a socket (scope check, headers); ${(download / plainRead).toFixed(2)}× a plain read`,
      },
      {
        name: 'files.plain.read',
        value: plainRead,
        unit: 'MB/s',
        note: 'the same files read directly',
      },
    ];
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await runFilesBench());
}
