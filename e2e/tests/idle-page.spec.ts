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

// Without a tag, the backend classifies the request itself: headless Chromium names itself
// in its user agent, so the request is a declared, unverified agent.
test('whoami without a tag reads the request', async ({ page }) => {
  await page.goto('/demo/');

  const whoami = await page.evaluate(async () => {
    const response = await fetch('/demo/api/whoami');
    return { status: response.status, body: (await response.json()) as { class: string; agentDriven: boolean; framework: string | null } };
  });

  expect(whoami.status).toBe(200);
  expect(whoami.body.class).toBe('unverified_agent');
  expect(whoami.body.agentDriven).toBe(true);
  expect(whoami.body.framework).toBe('headless-chrome');
});
