import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two files at a time: most integration tests wait on sockets, timers and child processes,
    // and on the 2-core CI machine the default (one fork) ran the suite serially (390 s → 259 s).
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
