import { solveChallenge } from 'altcha-lib/v1';
import { ApiError } from '../../api/client.ts';
import type { Strings } from '../../i18n/strings.ts';

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

/**
 * Ask the server; when it answers with a challenge (after repeated failed lookups from this
 * address or for this code), solve it in a moment and ask once more with the solution.
 * `checking` is told while the browser solves it.
 */
export async function withChallenge<T>(
  ask: (altcha?: string) => Promise<T>,
  checking: (solving: boolean) => void,
): Promise<T> {
  try {
    return await ask();
  } catch (first) {
    const challenge = first instanceof ApiError ? challengeOf(first.details) : undefined;
    if (!challenge) throw first;
    checking(true);
    const payload = await solvePow(challenge).finally(() => checking(false));
    if (!payload) throw first;
    return ask(payload);
  }
}

/** What a failed lookup tells the citizen: too many tries, or no such code and secret. */
export function lookupErrorText(error: Error, s: Strings): string {
  if (error instanceof ApiError && error.status === 429) return s.lookupRateLimited;
  if (error instanceof ApiError && (error.status === 404 || error.status === 422))
    return s.lookupNotFound;
  return error.message;
}
