import { defineConfig } from 'vitest/config';

// One runner, several projects. The server project runs on PGlite unless TEST_DATABASE_URL is set,
// in which case it runs against that PostgreSQL server. Browser tests have their own config (e2e/).
export default defineConfig({
  test: {
    // Two cores: two test files at a time (each server test file has its own database).
    maxWorkers: 2,
    reporters: process.env.CI_JSON_REPORT ? ['default', ['json', { outputFile: process.env.CI_JSON_REPORT }]] : ['default'],
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'contract', include: ['packages/contract/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      // Page tests type into whole forms; on two busy cores (server files run beside them) 5 s is too tight.
      { test: { name: 'web', include: ['packages/web/src/**/*.test.tsx', 'packages/web/src/**/*.test.ts'], environment: 'happy-dom', testTimeout: 20_000 } },
    ],
  },
});
