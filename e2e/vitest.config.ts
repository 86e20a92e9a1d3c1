import { defineConfig } from 'vitest/config';

// Browser tests: each file starts its own server (embedded database in a temporary folder) and
// drives Debian's Chromium through playwright-core. Run after `npm run build`.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
