// Browser tests of the built script-tag SDK (dist/telltale.js) in Chromium, against the capture
// server in capture_server.ts. Assertions are on the beacon bodies the server received.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { beaconSchema } from '@telltale/shared/schema';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { CHROMIUM_ARGS, findChromium } from '../../../e2e/chromium.mjs';
import type { CaptureServer } from './capture_server';
import { startCaptureServer } from './capture_server';

let browser: Browser;
let server: CaptureServer;
let context: BrowserContext;
let page: Page;
let pageErrors: Error[];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  server = await startCaptureServer();
  context = await browser.newContext({ hasTouch: true });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
});

afterEach(async () => {
  await context.close();
  await server.close();
});

/** Beacons the server accepted and parsed, in arrival order. */
function accepted(): any[] {
  return server.beacons.filter((beacon) => beacon.status === 200).map((beacon) => beacon.json);
}

/** Events of `type` from every captured beacon, in order. */
function eventsOf(type: string): any[] {
  return server.beacons.flatMap((beacon) => (beacon.json?.events ?? []).filter((event: any) => event.type === type));
}

/** Loads a fixture page and waits for the SDK's API object. */
async function open(path = '/app/start'): Promise<void> {
  await page.goto(server.origin + path);
  await page.waitForFunction(() => window.telltale !== undefined);
}

async function flush(): Promise<void> {
  await page.evaluate(() => window.telltale!.flush());
}

describe('script-tag SDK', () => {
  it('sends a valid first beacon with the environment', async () => {
    await open('/app/start?token=secret-query#fragment');
    await server.waitFor((beacons) => beacons.length >= 1);

    const [first] = server.beacons;
    expect(first!.contentType).toBe('text/plain;charset=UTF-8');
    const parsed = beaconSchema.safeParse(first!.json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(first!.json.seq).toBe(0);
    expect(first!.json.page).toBe(1);
    expect(first!.json.path).toBe('/app/start');
    expect(first!.json.sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first!.json.sid).toBe(await page.evaluate(() => window.telltale!.sessionId));
    expect(first!.json.env.webdriver).toBe(true);
    expect(first!.json.env.timerResolutionMs).toBeGreaterThan(0);
    expect(first!.json.env.window.innerW).toBeGreaterThan(0);
    expect(first!.body).not.toContain('secret-query');
    expect(first!.body).not.toContain('fragment');
    expect(eventsOf('nav')[0]).toMatchObject({ kind: 'load', path: '/app/start' });
    expect(eventsOf('visibility')[0]).toMatchObject({ state: 'visible' });
    expect(pageErrors).toEqual([]);
  });
});
