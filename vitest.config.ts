import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Shared 2-core machines: setup that logs in many users (scrypt) on PostgreSQL while the
    // browser tests run can take well over the default 10 s.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
