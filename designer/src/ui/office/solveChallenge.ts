import { solveChallenge } from 'altcha-lib/v1';

/** The proof-of-work challenge the server sends after repeated failed lookups (ALTCHA). */
export interface PowChallenge {
  readonly algorithm: string;
  readonly challenge: string;
  readonly salt: string;
  readonly signature: string;
}

/** Whether an API error's details carry a challenge to solve. */
export function challengeOf(details: unknown): PowChallenge | undefined {
  const d = details as { challengeRequired?: boolean; challenge?: PowChallenge } | undefined;
  return d?.challengeRequired && d.challenge ? d.challenge : undefined;
}

/**
 * Solve a challenge in the browser (SHA-256 over numbers until the hash matches: a fraction of a
 * second on a phone) and return the payload the server verifies.
 */
export async function solvePow(c: PowChallenge): Promise<string | undefined> {
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm).promise;
  if (!solution) return undefined;
  return btoa(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number: solution.number,
      salt: c.salt,
      signature: c.signature,
    }),
  );
}
