import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and e2e tests start real servers and browsers: keep the 2-core machine unsaturated.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
