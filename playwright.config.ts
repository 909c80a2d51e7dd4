import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, findChromium } from './e2e/chromium.mjs';

const onCi = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e/tests',
  // Each test starts its own ingest service and drives a real Chromium, which takes a few seconds.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One worker keeps the measured key and pointer timings free of contention from a second
  // browser on the 2-core CI machines, because the classifier judges those timings.
  workers: 1,
  fullyParallel: false,
  forbidOnly: onCi,
  // On CI a failed test runs once more, only to record a trace of the failure. A retry that
  // passes still fails the run (failOnFlakyTests), so a flaky classification cannot slip through.
  retries: onCi ? 1 : 0,
  failOnFlakyTests: true,
  reporter: onCi ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    headless: true,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: await findChromium(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
