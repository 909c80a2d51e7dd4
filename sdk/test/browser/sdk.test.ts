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
    // The SDK sends row-encoded events, which the capture server expands into `events`.
    const raw = JSON.parse(first!.body);
    expect(Array.isArray(raw.rows)).toBe(true);
    expect(Array.isArray(raw.strings)).toBe(true);
    expect(raw.events).toBeUndefined();
    const parsed = beaconSchema.safeParse(first!.json);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(first!.json.seq).toBe(0);
    expect(first!.json.page).toBe(1);
    expect(first!.json.path).toBe('/app/start');
    expect(first!.json.sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first!.json.sid).toBe(await page.evaluate(() => window.telltale!.sessionId));
    expect(first!.json).not.toHaveProperty('dropped');
    // sentAt is rounded to 0.1 ms.
    expect(first!.json.sentAt * 10).toBeCloseTo(Math.round(first!.json.sentAt * 10), 6);
    expect(first!.json.env.webdriver).toBe(true);
    expect(first!.json.env.timerResolutionMs).toBeGreaterThan(0);
    expect(first!.json.env.window.innerW).toBeGreaterThan(0);
    expect(first!.body).not.toContain('secret-query');
    expect(first!.body).not.toContain('fragment');
    expect(eventsOf('nav')[0]).toMatchObject({ kind: 'load', path: '/app/start' });
    expect(eventsOf('visibility')[0]).toMatchObject({ state: 'visible' });
    expect(pageErrors).toEqual([]);
  });

  it('sends key classes but never typed characters', async () => {
    await open();
    const secret = 'Zq7#SecretPw';
    await page.click('#username');
    await page.keyboard.type('alice 42');
    await page.click('#password');
    await page.keyboard.type(secret);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Enter');
    await flush();

    for (const beacon of server.beacons) {
      expect(beacon.body).not.toContain(secret);
      expect(beacon.body).not.toContain('SecretPw');
      expect(beacon.body).not.toContain('alice');
    }
    const keys = eventsOf('key');
    expect(keys.length).toBe(2 * (8 + secret.length + 3));
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(expect.arrayContaining(['cls', 'phase', 't', 'type']));
      expect(key).not.toHaveProperty('key');
      expect(key).not.toHaveProperty('code');
    }
    const classes = new Set(keys.map((key) => key.cls));
    expect([...classes].sort()).toEqual(['backspace', 'digit', 'enter', 'letter', 'modifier', 'other', 'space']);
    // username is field 0 and password field 1 in document order.
    expect(keys.filter((key) => key.field === 0).length).toBe(2 * 8);
    expect(keys.filter((key) => key.field === 1).length).toBeGreaterThanOrEqual(2 * secret.length);

    const inputs = eventsOf('input');
    expect(inputs.filter((input) => input.field === 1).map((input) => input.delta)).toEqual([...Array(secret.length).fill(1), -1]);
    expect(inputs[0]).toMatchObject({ inputType: 'insertText', delta: 1 });
    expect(eventsOf('focus').map((focus) => [focus.kind, focus.field, focus.fieldKind])).toEqual([
      ['focus', 0, 'text'],
      ['blur', 0, 'text'],
      ['focus', 1, 'password'],
    ]);
    expect(eventsOf('submit')).toEqual([expect.objectContaining({ fields: 4 })]);
    for (const beacon of accepted()) expect(beaconSchema.safeParse(beacon).error?.issues ?? []).toEqual([]);
  });

  it('records click offsets from the target centre', async () => {
    await open();
    const box = (await page.locator('#submit').boundingBox())!;
    await page.mouse.move(box.x - 40, box.y - 30);
    await page.mouse.click(box.x + 10, box.y + 5);
    await flush();

    const [click] = eventsOf('click');
    expect(click).toBeDefined();
    expect(click.w).toBeCloseTo(box.width, 1);
    expect(click.h).toBeCloseTo(box.height, 1);
    // Chromium delivers whole-pixel mouse coordinates, so allow up to 1 px of rounding.
    expect(Math.abs(click.dx - (10 - box.width / 2))).toBeLessThanOrEqual(1);
    expect(Math.abs(click.dy - (5 - box.height / 2))).toBeLessThanOrEqual(1);
    expect(click.detail).toBe(1);
    expect(click.button).toBe(0);
    expect(click).not.toHaveProperty('trusted');
    const pointers = eventsOf('pointer');
    expect(pointers.map((pointer) => pointer.kind)).toEqual(expect.arrayContaining(['move', 'down', 'up']));
    // Screen offsets are sent with the first pointer event and then only when they change.
    expect(pointers.filter((pointer) => 'sx' in pointer).length).toBe(1);
  });

  it('records coalesced pointer samples', async () => {
    await open();
    await page.mouse.move(10, 10);
    // Keep the main thread busy while moves arrive, so Chromium coalesces them into one event.
    const busy = page.evaluate(() => {
      const end = performance.now() + 300;
      while (performance.now() < end) {
        // Busy wait.
      }
    });
    const moves: Promise<void>[] = [];
    for (let step = 1; step <= 30; step++) moves.push(page.mouse.move(10 + step * 5, 10 + step * 3));
    await Promise.all([busy, ...moves]);
    await flush();

    const pointers = eventsOf('pointer').filter((pointer) => pointer.kind === 'move');
    const coalesced = pointers.filter((pointer) => pointer.coalesced === true);
    expect(coalesced.length).toBeGreaterThan(0);
    expect(pointers.length).toBeGreaterThan(coalesced.length);
  });

  it('keeps seq increasing and counts pages', async () => {
    await open('/app/one');
    await flush();
    const firstTag = await page.evaluate(() => window.telltale!.getTag());
    await page.goto(server.origin + '/app/two');
    // The tag from the first page is there before the second page sends anything.
    const restored = await page.evaluate(async () => {
      while (!window.telltale) await new Promise((resolve) => setTimeout(resolve, 5));
      return window.telltale.getTag();
    });
    expect(restored).toBe(firstTag);
    await page.waitForFunction(() => window.telltale !== undefined);
    await flush();

    const beacons = accepted();
    const seqs = beacons.map((beacon) => beacon.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(new Set(beacons.map((beacon) => beacon.sid)).size).toBe(1);
    expect(beacons[0].page).toBe(1);
    expect(beacons.at(-1).page).toBe(2);
    expect(beacons.at(-1).path).toBe('/app/two');
    expect(beacons.filter((beacon) => beacon.env).map((beacon) => beacon.page)).toEqual([1, 2]);
  });

  it('serves getTag, onTag, headers and flush', async () => {
    await open();
    const result = await page.evaluate(async () => {
      const telltale = window.telltale!;
      const first = await telltale.getTag();
      const seen: [string, string][] = [];
      const stop = telltale.onTag((tag, cls) => seen.push([tag, cls]));
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      await telltale.flush();
      const afterFlush = await telltale.getTag();
      const headers = telltale.headers();
      stop();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true }));
      await telltale.flush();
      return { first, seen, afterFlush, headers, last: await telltale.getTag() };
    });

    const tags = server.beacons.map((beacon) => beacon.tag);
    expect(result.first).toBe('tag-1');
    expect(result.seen).toEqual([['tag-2', 'unknown']]);
    expect(result.afterFlush).toBe('tag-2');
    expect(result.headers).toEqual({ 'Telltale-Tag': 'tag-2' });
    expect(result.last).toBe(tags.at(-1));
    // Scripted events are marked untrusted.
    expect(eventsOf('key').every((key) => key.trusted === false)).toBe(true);
  });

  it('recovers after failed deliveries without page errors', async () => {
    server.failNext(503, 503);
    await open();
    const tag = await page.evaluate(() => window.telltale!.getTag());

    expect(server.beacons.slice(0, 3).map((beacon) => beacon.status)).toEqual([503, 503, 200]);
    // The retried beacon is the same body, so its seq does not change.
    expect(new Set(server.beacons.slice(0, 3).map((beacon) => beacon.body)).size).toBe(1);
    expect(tag).toBe('tag-1');
    expect(pageErrors).toEqual([]);
  });

  it('drops replayed and rejected beacons and reports drops', async () => {
    server.failNext(409);
    await open();
    await server.waitFor((beacons) => beacons.length >= 1);
    server.failNext(400);
    await page.mouse.move(5, 5);
    await flush();
    await page.mouse.move(50, 50);
    await flush();

    expect(server.beacons.map((beacon) => beacon.status)).toEqual([409, 400, 200]);
    expect(server.beacons[2]!.json.dropped).toBe(1);
    expect(server.beacons[2]!.json.seq).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('records History API navigation by path only', async () => {
    await open();
    await page.evaluate(() => {
      history.pushState({}, '', '/app/next?query=secret#top');
      history.replaceState({}, '', '/app/replaced?x=1');
    });
    await page.goBack();
    await flush();

    expect(eventsOf('nav').map((nav) => [nav.kind, nav.path])).toEqual([
      ['load', '/app/start'],
      ['push', '/app/next'],
      ['replace', '/app/replaced'],
      ['pop', '/app/start'],
    ]);
    for (const beacon of server.beacons) expect(beacon.body).not.toContain('secret');
  });

  it('records wheel, scroll and touch', async () => {
    await open();
    await page.mouse.move(100, 100);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => scrollY > 0);
    await page.touchscreen.tap(120, 80);
    await flush();

    expect(eventsOf('wheel')[0]).toMatchObject({ dx: 0, dy: 400 });
    expect(eventsOf('scroll').at(-1).y).toBeGreaterThan(0);
    expect(eventsOf('touch').map((touch) => touch.kind)).toEqual(['start', 'end']);
    expect(eventsOf('touch')[0]).toMatchObject({ x: 120, y: 80, n: 1 });
    expect(eventsOf('pointer').some((pointer) => pointer.pt === 'touch')).toBe(true);
  });

  it('reports web vitals', async () => {
    await open();
    await page.waitForTimeout(300);
    await flush();
    const names = eventsOf('vital').map((vital) => vital.name);
    expect(names).toEqual(expect.arrayContaining(['TTFB', 'FCP']));
  });

  it('sends pending events when the page is left', async () => {
    await open();
    await server.waitFor((beacons) => beacons.length >= 1);
    await page.click('#username');
    await page.keyboard.type('abc');
    await page.goto(server.origin + '/app/after');
    await server.waitFor((beacons) => beacons.some((beacon) => beacon.json?.page === 1 && beacon.json.events.some((event: any) => event.type === 'key')));

    const exitBeacon = server.beacons.find((beacon) => beacon.json?.page === 1 && beacon.json.events.some((event: any) => event.type === 'key'))!;
    expect(exitBeacon.json.events.filter((event: any) => event.type === 'key').length).toBe(6);
    expect(exitBeacon.contentType).toBe('text/plain;charset=UTF-8');
  });

  it('sends an identity once with the next beacon', async () => {
    await open();
    await server.waitFor((beacons) => beacons.length >= 1);
    expect(server.beacons[0]!.json).not.toHaveProperty('identity');

    const longId = 'user-42@example.com/' + 'x'.repeat(300);
    await page.evaluate((id) => {
      window.telltale!.identify('');
      window.telltale!.identify(id);
    }, longId);
    await page.mouse.move(20, 20);
    await page.mouse.move(60, 40);
    await flush();
    await page.mouse.move(90, 70);
    await flush();

    const withIdentity = server.beacons.filter((beacon) => beacon.json?.identity !== undefined);
    expect(withIdentity.length).toBe(1);
    expect(withIdentity[0]!.json.identity).toBe(longId.slice(0, 256));
    expect(withIdentity[0]!.status).toBe(200);
    expect(beaconSchema.safeParse(withIdentity[0]!.json).error?.issues ?? []).toEqual([]);
    const later = server.beacons.filter((beacon) => beacon.json && beacon.json.seq > withIdentity[0]!.json.seq);
    expect(later.length).toBeGreaterThanOrEqual(1);
  });
});

describe('ESM build', () => {
  it('validates init options and returns one instance', async () => {
    await page.goto(server.origin + '/esm.html');
    await page.waitForFunction(() => 'esm' in window);
    // Importing the module must start nothing: no global, no beacon.
    await page.waitForTimeout(800);
    expect(server.beacons).toEqual([]);
    const result = await page.evaluate(async (endpoint) => {
      const { init } = (window as unknown as { esm: typeof import('../../src/index') }).esm;
      const messages: string[] = [];
      for (const options of [{ site: '', endpoint }, { site: 'pk_test', endpoint: 'ftp://host' }, { site: 'pk_test', endpoint, intervalMs: 10 }]) {
        try {
          init(options as Parameters<typeof init>[0]);
        } catch (error) {
          messages.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
      }
      const first = init({ site: 'pk_test', endpoint });
      const second = init({ site: 'other', endpoint });
      return { messages, same: first === second, tag: await first.getTag(), imported: 'telltale' in window };
    }, server.origin);

    expect(result.messages).toHaveLength(3);
    expect(result.messages[0]).toMatch(/^TypeError: .*\bsite\b.*pk_demo/);
    expect(result.messages[1]).toMatch(/\bendpoint\b.*http\(s\) URL/);
    expect(result.messages[2]).toMatch(/\bintervalMs\b.*1000/);
    expect(result.same).toBe(true);
    expect(result.tag).toBe('tag-1');
    expect(result.imported).toBe(false);
  });
});

