import { captureRequests } from '../src/captured-requests';
import { expect, test } from '../src/fixtures';
import { flushAndReadVerdict } from '../src/verdict';
import { attachVerdictReport } from '../src/verdict-report';

// Headless Playwright with its defaults: the browser's own HeadlessChrome user agent and
// navigator.webdriver set, with fill() and click() instead of key and pointer input.
test('fill and click sign-in is unverified_agent', async ({ page, ingest }, testInfo) => {
  const requests = captureRequests(page);
  await page.goto('/demo/');

  await page.locator('#username').fill('ada.lovelace');
  await page.locator('#password').fill('analytical-engine');
  await page.locator('button[type=submit]').click();

  const verdict = await flushAndReadVerdict(page);
  await attachVerdictReport(testInfo, ingest, verdict, requests);

  expect(verdict.claims.sub).toBe(verdict.sessionId);
  expect(verdict.claims.aud).toBe('pk_demo');
  expect(verdict.claims.cls).toBe('unverified_agent');
  expect(verdict.claims.agent_driven).toBe(true);
  expect(verdict.claims.fw).toBe('playwright');

  expect(verdict.whoamiStatus).toBe(200);
  expect(verdict.whoami.class).toBe('unverified_agent');
  expect(verdict.whoami.agentDriven).toBe(true);
  expect(verdict.whoami.framework).toBe('playwright');
});
