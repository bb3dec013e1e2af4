import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Prints the one line naming `apt-get install chromium` when the browser suites are skipped.
    globalSetup: ['test/support/globalSetup.ts'],
    // Shared 2-core machines: setup that logs in many users (scrypt) on PostgreSQL while the
    // browser tests run can take well over the default 10 s.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
