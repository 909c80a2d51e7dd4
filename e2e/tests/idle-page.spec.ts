import { captureRequests } from '../src/captured-requests';
import { expect, test } from '../src/fixtures';
import { flushAndReadVerdict } from '../src/verdict';
import { attachVerdictReport } from '../src/verdict-report';

// A headless browser that loads the page and does nothing: no behaviour to judge, but the
// environment (HeadlessChrome user agent, navigator.webdriver) still declares automation.
test('idle headless page is unverified_agent', async ({ page, ingest }, testInfo) => {
  const requests = captureRequests(page);
  await page.goto('/demo/');

  const verdict = await flushAndReadVerdict(page);
  await attachVerdictReport(testInfo, ingest, verdict, requests);

  expect(verdict.claims.sub).toBe(verdict.sessionId);
  expect(verdict.claims.cls).toBe('unverified_agent');
  expect(verdict.claims.agent_driven).toBe(true);

  expect(verdict.whoamiStatus).toBe(200);
  expect(verdict.whoami.class).toBe('unverified_agent');
  expect(verdict.whoami.agentDriven).toBe(true);
});

test('whoami without a tag is unknown', async ({ page }) => {
  await page.goto('/demo/');

  const whoami = await page.evaluate(async () => {
    const response = await fetch('/demo/api/whoami');
    return { status: response.status, body: (await response.json()) as { class: string; agentDriven: boolean } };
  });

  expect(whoami.status).toBe(200);
  expect(whoami.body.class).toBe('unknown');
  expect(whoami.body.agentDriven).toBe(false);
});
