import { solveChallenge } from 'altcha-lib/v1';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialectsUnderTest } from '../support/databases.ts';
import { BIRTH_RECEIPT, startTestRuntime, type TestRuntime } from '../support/runtime.ts';

// Each test solves proofs of work (up to 100,000 SHA-256 each): seconds on a busy machine.
vi.setConfig({ testTimeout: 90_000 });

const dialects = await dialectsUnderTest();

/** Solve a challenge as the citizen's browser does; the ALTCHA payload to send. */
async function solve(challenge: {
  algorithm: string;
  challenge: string;
  salt: string;
  signature: string;
}): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm)
    .promise;
  expect(solution).not.toBeNull();
  return Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution!.number,
      salt: challenge.salt,
      signature: challenge.signature,
    }),
  ).toString('base64');
}

describe.each(dialects)("the citizen's lookup limits on %s", (dialect) => {
  let rt: TestRuntime;
  let code: string;
  let code2: string;
  let secret2: string;

  beforeAll(async () => {
    rt = await startTestRuntime(dialect, { env: { TRUST_PROXY: 'true' } });
    const desk = await rt.login('mot-cua-xa');
    ({ code } = (await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT }))
      .body as { code: string });
    ({ code: code2, secret: secret2 } = (
      await rt.call('POST', '/api/dossiers', { token: desk, body: BIRTH_RECEIPT })
    ).body as { code: string; secret: string });
  });
  afterAll(async () => rt?.dispose());

  const lookup = (c: string, s: string, from: string, altcha?: string) =>
    rt.call(
      'GET',
      `/api/public/dossiers/${c}?secret=${s}${altcha ? `&altcha=${encodeURIComponent(altcha)}` : ''}`,
      { headers: { 'x-forwarded-for': from } },
    );

  it('asks a shared address for a proof of work after failures, never locks a neighbour out', async () => {
    for (let i = 0; i < 5; i++)
      expect((await lookup(code, 'SAIMABIMAT', '10.5.0.1')).status).toBe(404);
    // The neighbour behind the same address, with their own right code and secret:
    const asked = await lookup(code2, secret2, '10.5.0.1');
    expect(asked.status).toBe(429);
    expect(asked.body.error.details.challengeRequired).toBe(true);
    expect(asked.body.error.details.message.vi).toMatch(/xác minh/);
    const payload = await solve(asked.body.error.details.challenge);
    const through = await lookup(code2, secret2, '10.5.0.1', payload);
    expect(through.status).toBe(200);
    expect(through.body.code).toBe(code2);
    // A solution serves once; a wrong guess with a solution is still a plain "not found".
    expect((await lookup(code2, secret2, '10.5.0.1', payload)).status).toBe(429);
    const again = await solve((await rt.call('GET', '/api/public/challenge')).body);
    expect((await lookup(code, 'SAIMABIMAT', '10.5.0.1', again)).status).toBe(404);
    // Elsewhere nobody is asked anything.
    expect((await lookup(code2, secret2, '10.5.0.2')).status).toBe(200);
  });

  it('limits guesses at one code from many addresses, and a forged solution does not pass', async () => {
    for (let i = 0; i < 5; i++)
      expect((await lookup(code2, 'SAIMABIMAT', `10.6.0.${i}`)).status).toBe(404);
    const asked = await lookup(code2, secret2, '10.6.1.1');
    expect(asked.status).toBe(429);
    const forged = Buffer.from(
      JSON.stringify({ ...asked.body.error.details.challenge, number: 1 }),
    ).toString('base64');
    expect((await lookup(code2, secret2, '10.6.1.1', forged)).status).toBe(429);
    expect((await lookup(code2, secret2, '10.6.1.1', 'not base64 at all')).status).toBe(429);
    const payload = await solve(asked.body.error.details.challenge);
    expect((await lookup(code2, secret2, '10.6.1.1', payload)).status).toBe(200);
  });

  it('keeps the counts in the database, not in memory', async () => {
    const rows = await rt.deps.db.selectFrom('throttles').select(['key', 'failures']).execute();
    expect(rows.find((r) => r.key === `lookup:code:${code}`)?.failures).toBeGreaterThanOrEqual(5);
    expect(rows.find((r) => r.key === 'lookup:addr:10.5.0.1')?.failures).toBeGreaterThanOrEqual(5);
  });
});
