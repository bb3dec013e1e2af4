import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, driven by playwright-core in the browser suites (no browser download);
 * `TEST_CHROMIUM_PATH` names another binary.
 */
export const CHROMIUM_PATH = process.env.TEST_CHROMIUM_PATH || '/usr/bin/chromium';

/** The one line printed when the browser suites are skipped. */
export const CHROMIUM_MISSING = `⚠ BROWSER SUITES SKIPPED (test/e2e): ${CHROMIUM_PATH} is missing — install it with: sudo apt-get install chromium`;

/**
 * Whether the browser suites run: Chromium is there. Under CI=true its absence is a failure,
 * not a skip (as for PostgreSQL, see databases.ts).
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is required in CI but ${CHROMIUM_PATH} is missing: apt-get install chromium`,
    );
  }
  return false;
}
