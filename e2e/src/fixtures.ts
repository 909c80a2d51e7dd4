import { test as base } from '@playwright/test';

import { startIngestService, type IngestService } from './ingest-service';

export { expect } from '@playwright/test';

/**
 * Playwright's `test` with an `ingest` fixture: a fresh ingest service per test, with its own
 * database and keys, torn down afterwards. `baseURL` points at it, so `page.goto('/demo/')` works.
 * When a test fails, the service's log lines are attached to its report.
 */
export const test = base.extend<{ ingest: IngestService }>({
  // Playwright requires the first argument to be a destructuring pattern, even an empty one.
  ingest: async ({}, use, testInfo) => {
    const service = await startIngestService();
    try {
      await use(service);
    } finally {
      await service.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('ingest-log', { body: service.logLines.join('\n'), contentType: 'text/plain' });
      }
      await service.removeFiles();
    }
  },

  baseURL: async ({ ingest }, use) => {
    await use(ingest.origin);
  },
});
