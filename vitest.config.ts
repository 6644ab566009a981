import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    // Waiting budgets, not assertions: the machine may be busy (issue 12). Speed lives in `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
