import { CHROMIUM_MISSING, chromiumAvailable } from './chromium.ts';

/** Once per run, before any test file: say loudly, in one line, what will be skipped and why. */
export default function setup(): void {
  if (process.env.CI !== 'true' && !chromiumAvailable()) console.warn(`\n${CHROMIUM_MISSING}\n`);
}
