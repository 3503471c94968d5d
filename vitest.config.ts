import { defineConfig } from 'vitest/config';

// Integration tests build images, start servers and databases: they get generous
// per-test limits (they never assert on elapsed time) and files run in forks so a
// crash in one suite cannot take the others down.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
