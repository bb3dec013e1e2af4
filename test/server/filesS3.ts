import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';

/**
 * A local S3-compatible server (s3rver, speaking the S3 REST protocol) for the file tests, with
 * a `motcua` bucket; `env` points a runtime's FILE_STORE at it.
 */
export async function startS3(): Promise<{
  endpoint: string;
  env: (prefix: string) => Record<string, string>;
  stop(): Promise<void>;
}> {
  const directory = mkdtempSync(join(tmpdir(), 'motcua-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: 'motcua' }],
  });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts these credentials; the SDK reads them from the environment.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  return {
    endpoint,
    env: (prefix) => ({ FILE_STORE: `s3://motcua/${prefix}`, S3_ENDPOINT: endpoint }),
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
