import type { Locator, Page } from '@playwright/test';

import { captureRequests } from '../src/captured-requests';
import { expect, test as base } from '../src/fixtures';
import { flushAndReadVerdict } from '../src/verdict';
import { attachVerdictReport } from '../src/verdict-report';

const DESKTOP_CHROME_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

// A bot that hides itself: navigator.webdriver is off and the user agent claims desktop Chrome
// on Windows. launchOptions is a worker fixture, so this file gets a browser of its own.
const test = base.extend({
  launchOptions: [
    async ({ launchOptions }, use) => {
      const args = [...(launchOptions.args ?? []), '--disable-blink-features=AutomationControlled'];
      await use({ ...launchOptions, args });
    },
    { scope: 'worker' },
  ],
});
test.use({ userAgent: DESKTOP_CHROME_USER_AGENT });

/** Moves the mouse to the centre of the element in 20 evenly spaced steps and clicks there. */
async function moveAndClick(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (box === null) throw new Error(`Element ${target.toString()} has no bounding box. Check that it is visible.`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y, { steps: 20 });
  await page.mouse.click(x, y);
}

test('disguised typing bot is rogue_bot', async ({ page, ingest }, testInfo) => {
  const requests = captureRequests(page);
  await page.goto('/demo/');
  expect(await page.evaluate(() => navigator.webdriver)).toBe(false);

  await moveAndClick(page, page.locator('#username'));
  await page.locator('#username').pressSequentially('grace.hopper', { delay: 80 });
  await moveAndClick(page, page.locator('#password'));
  await page.locator('#password').pressSequentially('cobol-1959', { delay: 80 });
  await moveAndClick(page, page.locator('button[type=submit]'));

  const verdict = await flushAndReadVerdict(page);
  await attachVerdictReport(testInfo, ingest, verdict, requests);

  expect(verdict.claims.sub).toBe(verdict.sessionId);
  expect(verdict.claims.cls).toBe('rogue_bot');
  expect(verdict.claims.agent_driven).toBe(true);

  expect(verdict.whoamiStatus).toBe(200);
  expect(verdict.whoami.class).toBe('rogue_bot');
  expect(verdict.whoami.agentDriven).toBe(true);
});
