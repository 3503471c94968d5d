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
    // @actions/workflow-parser imports its JSON schema without `with { type: 'json' }`, which
    // Node refuses; inlined, Vite transforms it (src/render/ci/validate.ts uses it).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
