import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests load dist/telltale.js; the setup builds it when it is missing or stale.
    globalSetup: ['./test/build_bundle.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
