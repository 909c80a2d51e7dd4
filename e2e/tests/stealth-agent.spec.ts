import { createCursor } from 'ghost-cursor-playwright';
import { chromium } from 'playwright-extra';
import StealthPlugin from 'puppeteer-extra-plugin-stealth';

import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';
import { captureRequests } from '../src/captured-requests';
import { expect, test } from '../src/fixtures';
import { flushAndReadVerdict } from '../src/verdict';
import { attachVerdictReport } from '../src/verdict-report';

chromium.use(StealthPlugin());

// A bot built to pass as a person: playwright-extra with the stealth plugin hides the webdriver
// flag and the headless user agent, ghost-cursor moves the mouse along curved paths with
// overshoot, and the form is typed key by key.
test('stealth bot with ghost cursor is rogue_bot', async ({ ingest }, testInfo) => {
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ baseURL: ingest.origin });
    const requests = captureRequests(page);
    // ghost-cursor installs its mouse tracker on the page, so it must be created before the first navigation.
    const cursor = await createCursor(page);
    await page.goto('/demo/');
    expect(await page.evaluate(() => navigator.webdriver)).toBe(false);
    expect(await page.evaluate(() => navigator.userAgent)).not.toContain('HeadlessChrome');

    await cursor.actions.click({ target: '#username' });
    await page.keyboard.type('grace.hopper', { delay: 90 });
    await cursor.actions.click({ target: '#password' });
    await page.keyboard.type('cobol-1959', { delay: 90 });
    await cursor.actions.click({ target: 'button[type=submit]' });

    const verdict = await flushAndReadVerdict(page);
    await attachVerdictReport(testInfo, ingest, verdict, requests);

    expect(verdict.claims.cls).toBe('rogue_bot');
    expect(verdict.claims.agent_driven).toBe(true);
    // The stealth plugin replaces the WebGL renderer with a string that desktop Chromium never reports.
    expect(verdict.claims.reasons).toContain('webgl_renderer_mismatch');
  } finally {
    await browser.close();
  }
});
