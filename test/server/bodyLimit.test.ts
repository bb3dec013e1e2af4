import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

/** The body limit: by the Content-Length header when there is one, by counting when chunked. */
describe('request body limit', () => {
  let rt: TestRuntime;
  let desk: string;
  beforeAll(async () => {
    rt = await startTestRuntime('sqlite');
    desk = await rt.login('mot-cua-xa');
  });
  afterAll(async () => rt?.dispose());

  const big = JSON.stringify({ ...BIRTH_RECEIPT, data: { x: 'a'.repeat(1_100_000) } });

  it('refuses a declared length over the limit before reading the body', async () => {
    const r = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: big,
      headers: { 'content-length': String(Buffer.byteLength(big)) },
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload-too-large');
  });

  it('counts a body sent without a length (chunked) and refuses it past the limit', async () => {
    const res = await rt.app.request('/api/dossiers', {
      method: 'POST',
      headers: { authorization: `Bearer ${desk}`, 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 400 to a Content-Length that is not a number', async () => {
    const r = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body: JSON.stringify(BIRTH_RECEIPT),
      headers: { 'content-length': 'many' },
    });
    expect(r.status).toBe(400);
  });

  it('takes a body within the limit whose length is declared', async () => {
    const body = JSON.stringify(BIRTH_RECEIPT);
    const r = await rt.call('POST', '/api/dossiers', {
      token: desk,
      body,
      headers: { 'content-length': String(Buffer.byteLength(body)) },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });
});
