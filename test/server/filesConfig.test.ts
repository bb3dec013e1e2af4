import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config.ts';

describe('the file store configuration', () => {
  it('keeps files beside the SQLite database by default, in data/files with PostgreSQL', () => {
    expect(parseConfig({}, '/srv/motcua').files).toMatchObject({
      store: { kind: 'disk', dir: '/srv/motcua/data/files' },
      maxFileBytes: 20 * 1_048_576,
      maxDossierBytes: 100 * 1_048_576,
      uploadTtlSeconds: 3600,
    });
    expect(
      parseConfig({ DATABASE_URL: 'sqlite:/var/lib/motcua/db.sqlite' }, '/x').files.store,
    ).toEqual({
      kind: 'disk',
      dir: '/var/lib/motcua/files',
    });
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h/db' }, '/srv/motcua').files.store).toEqual({
      kind: 'disk',
      dir: join('/srv/motcua', 'data/files'),
    });
    // An in-memory database never shares a folder with real files.
    const memory = parseConfig({ DATABASE_URL: 'sqlite::memory:' }, '/srv/motcua').files.store;
    expect(memory.kind === 'disk' && memory.dir.startsWith('/srv/motcua')).toBe(false);
  });

  it('switches to an S3-compatible bucket with one variable', () => {
    expect(
      parseConfig({ FILE_STORE: 's3://ho-so-motcua/files', S3_ENDPOINT: 'http://minio:9000' }, '/x')
        .files.store,
    ).toEqual({
      kind: 's3',
      bucket: 'ho-so-motcua',
      prefix: 'files/',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
    });
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      parseConfig(
        { FILE_STORE: 'ftp://x', MAX_FILE_BYTES: '12', UPLOAD_TTL_SECONDS: 'soon' },
        '/x',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^FILE_STORE=ftp:\/\/x: /),
      expect.stringMatching(/^MAX_FILE_BYTES=12: /),
      expect.stringMatching(/^UPLOAD_TTL_SECONDS=soon: /),
    ]);
  });
});
