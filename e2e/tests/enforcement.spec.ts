import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Locator, type Page } from '@playwright/test';
import { exportJWK, generateKeyPair } from 'jose';
import { signatureHeaders } from 'web-bot-auth';
import { signerFromJWK } from 'web-bot-auth/crypto';

import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';

import { expect, test } from '../src/fixtures';
import type { IngestService } from '../src/ingest-service';
import { flushAndReadVerdict } from '../src/verdict';

/** A response of the demo API as the page's own code receives it. */
interface ApiResponse {
  status: number;
  retryAfter: string | null;
  rateLimit: string | null;
  rateLimitPolicy: string | null;
  body: { error?: { code: string; message: string; rule: string } };
}

/** An audit record as `GET /v1/audit` returns it. */
interface AuditRecord {
  kind: string;
  class: string;
  label: string;
  outcome: string | null;
  rule: string | null;
  route: string | null;
}

/** Calls the demo API `count` times from the page with `telltale.headers()`, as the app would. */
function callApi(page: Page, path: string, count: number): Promise<ApiResponse[]> {
  return page.evaluate(
    async ({ path, count }) => {
      const responses = [];
      for (let i = 0; i < count; i += 1) {
        const response = await fetch(path, { headers: window.telltale!.headers() });
        responses.push({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          rateLimit: response.headers.get('ratelimit'),
          rateLimitPolicy: response.headers.get('ratelimit-policy'),
          body: await response.json(),
        });
      }
      return responses;
    },
    { path, count },
  );
}

/** Returns the session's audit records, waiting up to 5 s until `ready` accepts them (the demo backend reports in batches). */
async function auditRecords(ingest: IngestService, sessionId: string, ready: (records: AuditRecord[]) => boolean): Promise<AuditRecord[]> {
  let records: AuditRecord[] = [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${ingest.origin}/v1/audit?session=${encodeURIComponent(sessionId)}&limit=500`, { headers: { authorization: `Bearer ${ingest.adminToken}` } });
    records = ((await response.json()) as { records: AuditRecord[] }).records;
    if (ready(records)) return records;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return records;
}

test.describe('default Playwright bot', () => {
  test('is throttled on search and refused the account', async ({ page, ingest }) => {
    await page.goto('/demo/');
    await page.locator('#username').fill('ada.lovelace');
    await page.locator('#password').fill('analytical-engine');
    await page.locator('button[type=submit]').click();
    const verdict = await flushAndReadVerdict(page);
    expect(verdict.claims.cls).toBe('unverified_agent');

    const searches = await callApi(page, '/demo/api/search?q=tag', 25);
    const firstLimited = searches.findIndex((response) => response.status === 429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(firstLimited).toBeLessThanOrEqual(20);
    expect(searches.slice(0, firstLimited).every((response) => response.status === 200)).toBe(true);
    expect(searches.slice(firstLimited).every((response) => response.status === 429)).toBe(true);

    const limited = searches[firstLimited]!;
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(limited.body.error?.rule).toBe('rateLimits.unverified_agent');
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited.rateLimitPolicy).toBe('"unverified_agent";q=20;w=60');
    expect(limited.rateLimit).toMatch(/^"unverified_agent";r=0;t=\d+$/);

    const [account] = await callApi(page, '/demo/api/account', 1);
    expect(account!.status).toBe(403);
    expect(account!.body.error?.code).toBe('forbidden');
    expect(account!.body.error?.rule).toBe('labels.sensitive');

    const records = await auditRecords(ingest, verdict.sessionId, (list) => list.some((r) => r.outcome === 'forbidden'));
    const classified = records.find((r) => r.kind === 'class_changed' && r.class === 'unverified_agent');
    expect(classified?.label).toBe('Agent-Driven');
    const rateLimited = records.filter((r) => r.outcome === 'rate_limited');
    expect(rateLimited).toHaveLength(25 - firstLimited);
    const forbidden = records.filter((r) => r.outcome === 'forbidden');
    expect(forbidden).toEqual([expect.objectContaining({ label: 'Agent-Driven', rule: 'labels.sensitive', route: 'GET /demo/api/account' })]);
    for (const record of records) expect(record.label).toBe('Agent-Driven');

    const chain = await fetch(`${ingest.origin}/v1/audit/verify`, { headers: { authorization: `Bearer ${ingest.adminToken}` } });
    expect(await chain.json()).toMatchObject({ ok: true, firstBrokenId: null });
  });
});

const DESKTOP_CHROME_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

test.describe('rogue bot', () => {
  async function moveAndClick(page: Page, target: Locator): Promise<void> {
    const box = await target.boundingBox();
    if (box === null) throw new Error(`Element ${target.toString()} has no bounding box; check that it is visible.`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 20 });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  // A bot that hides itself: no navigator.webdriver and a desktop Chrome user agent, but
  // straight-line pointer moves to the centre of each target and typing at a fixed pace.
  // The launch flag needs a browser of its own, which a describe-level `use` cannot give.
  test('is blocked on search and account', async ({ ingest }) => {
    const browser = await chromium.launch({ executablePath: await findChromium(), args: [...CHROMIUM_ARGS, '--disable-blink-features=AutomationControlled'] });
    try {
      const context = await browser.newContext({ userAgent: DESKTOP_CHROME_USER_AGENT, baseURL: ingest.origin });
      await blockedRogueBot(await context.newPage(), ingest);
    } finally {
      await browser.close();
    }
  });

  async function blockedRogueBot(page: Page, ingest: IngestService): Promise<void> {
    await page.goto('/demo/');
    await moveAndClick(page, page.locator('#username'));
    await page.locator('#username').pressSequentially('grace.hopper', { delay: 80 });
    await moveAndClick(page, page.locator('#password'));
    await page.locator('#password').pressSequentially('cobol-1959', { delay: 80 });
    await moveAndClick(page, page.locator('button[type=submit]'));
    const verdict = await flushAndReadVerdict(page);
    expect(verdict.claims.cls).toBe('rogue_bot');

    for (const path of ['/demo/api/search?q=tag', '/demo/api/account']) {
      const [response] = await callApi(page, path, 1);
      expect(response!.status).toBe(403);
      expect(response!.body.error?.rule).toBe('block');
    }

    const records = await auditRecords(ingest, verdict.sessionId, (list) => list.filter((r) => r.outcome === 'blocked').length === 2);
    const blocked = records.filter((r) => r.outcome === 'blocked');
    expect(blocked.map((r) => r.route).sort()).toEqual(['GET /demo/api/account', 'GET /demo/api/search']);
    for (const record of blocked) expect(record).toMatchObject({ class: 'rogue_bot', label: 'Agent-Driven', rule: 'block' });
    expect(records.some((r) => r.kind === 'class_changed' && r.class === 'rogue_bot' && r.label === 'Agent-Driven')).toBe(true);
  }
});

const HUMAN_TRACES_DIR = fileURLToPath(new URL('../../ingest/test/recordings/fixtures/delbot/', import.meta.url));

/** One recorded pointer sample: milliseconds from the recording's start, event kind and screen position. */
interface TraceSample {
  t: number;
  kind: 'Move' | 'Pressed' | 'Released';
  x: number;
  y: number;
}

/** Reads the recorded pointer traces of a person with a mouse (DELBOT-Mouse, MIT) that the ingest tests use too: three circles. */
function readHumanTraces(): { width: number; height: number; samples: TraceSample[] }[] {
  const traces = [];
  for (const folder of ['circles_human_pc1']) {
    for (const file of readdirSync(join(HUMAN_TRACES_DIR, folder)).sort()) {
      const [header, ...lines] = readFileSync(join(HUMAN_TRACES_DIR, folder, file), 'utf8').trim().split('\n');
      const [width, height] = header!.replace('resolution:', '').split(',').map(Number);
      const samples = lines.map((line) => {
        const [t, kind, x, y] = line.split(',');
        return { t: Number(t), kind: kind as TraceSample['kind'], x: Number(x), y: Number(y) };
      });
      traces.push({ width: width!, height: height!, samples });
    }
  }
  return traces;
}

/**
 * Replays recorded human pointer traces into the page at their recorded pace, scaled to the
 * viewport. Playwright sends them through the browser's input pipeline, so the page receives
 * trusted events with the person's timing and path.
 */
async function replayHumanTraces(page: Page): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  for (const trace of readHumanTraces()) {
    const scaleX = viewport.width / trace.width;
    const scaleY = viewport.height / trace.height;
    const start = performance.now();
    const t0 = trace.samples[0]!.t;
    for (const sample of trace.samples) {
      const wait = sample.t - t0 - (performance.now() - start);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const x = sample.x * scaleX;
      const y = sample.y * scaleY;
      if (sample.kind === 'Move') await page.mouse.move(x, y);
      else if (sample.kind === 'Pressed') await page.mouse.down();
      else await page.mouse.up();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

test.describe('human replay', () => {
  // Headless Chromium replaces a person's desktop browser here, because this machine has no
  // display for a headed one. Two context options remove traits that only headless Chromium
  // has: the `HeadlessChrome` token in the user agent (the rest, client hints included, stays
  // the browser's own) and a screen no larger than the window.
  test('reads the account', async ({ ingest }) => {
    const browser = await chromium.launch({ executablePath: await findChromium(), args: [...CHROMIUM_ARGS, '--disable-blink-features=AutomationControlled'] });
    try {
      const probe = await browser.newPage();
      const userAgent = (await probe.evaluate(() => navigator.userAgent)).replace('HeadlessChrome', 'Chrome');
      await probe.close();
      const context = await browser.newContext({ userAgent, screen: { width: 1920, height: 1080 }, baseURL: ingest.origin });
      const page = await context.newPage();

      await page.goto('/demo/articles');
      await replayHumanTraces(page);
      const verdict = await flushAndReadVerdict(page);
      expect(verdict.claims.cls, JSON.stringify(verdict.claims)).toBe('human');
      expect(verdict.claims.agent_driven).toBe(false);

      const [account] = await callApi(page, '/demo/api/account', 1);
      expect(account!.status).toBe(200);
      const [search] = await callApi(page, '/demo/api/search?q=tag', 1);
      expect(search!.status).toBe(200);
      expect(search!.rateLimitPolicy).toBe('"human";q=600;w=60');

      const records = await auditRecords(ingest, verdict.sessionId, (list) => list.filter((r) => r.kind === 'enforcement').length === 2);
      const enforcement = records.filter((r) => r.kind === 'enforcement');
      expect(enforcement.map((r) => r.route).sort()).toEqual(['GET /demo/api/account', 'GET /demo/api/search']);
      for (const record of enforcement) expect(record).toMatchObject({ class: 'human', label: 'Human' });
      expect(enforcement.find((r) => r.route === 'GET /demo/api/account')?.outcome).toBe('allowed');
    } finally {
      await browser.close();
    }
  });
});

test.describe('registered signed agent', () => {
  // The agent's key directory is served on 127.0.0.1 over plain HTTP, which the service
  // fetches only with this setting. The ingest fixture passes the environment on.
  const previousSetting = process.env.TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES;
  test.beforeAll(() => {
    process.env.TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES = 'loopback';
  });
  test.afterAll(() => {
    if (previousSetting === undefined) delete process.env.TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES;
    else process.env.TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES = previousSetting;
  });

  test('reads the account within its scope', async ({ ingest }) => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const signer = await signerFromJWK((await exportJWK(privateKey)) as Parameters<typeof signerFromJWK>[0]);
    const publicJwk = await exportJWK(publicKey);
    const directory = createServer((request, response) => {
      if (request.url !== '/.well-known/http-message-signatures-directory') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/http-message-signatures-directory+json' }).end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => directory.listen(0, '127.0.0.1', resolve));
    const directoryOrigin = `http://127.0.0.1:${(directory.address() as AddressInfo).port}`;

    try {
      const admin = { authorization: `Bearer ${ingest.adminToken}`, 'content-type': 'application/json' };
      const registered = await fetch(`${ingest.origin}/v1/agents`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ name: 'Account assistant', signatureAgent: directoryOrigin, keyThumbprints: [signer.keyid], scopes: ['/demo/api/account', 'account:read'] }),
      });
      expect(registered.status).toBe(201);

      const url = `${ingest.origin}/demo/api/account`;
      const agentHeader = `"${directoryOrigin}"`;
      const created = new Date();
      const signed = await signatureHeaders(new Request(url, { headers: { 'Signature-Agent': agentHeader } }), signer, { created, expires: new Date(created.getTime() + 60_000) });
      const response = await fetch(url, { headers: { 'Signature-Agent': agentHeader, Signature: signed.Signature, 'Signature-Input': signed['Signature-Input'] } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ class: 'authorized_agent', agentDriven: true });

      const auditResponse = async () => {
        const list = await fetch(`${ingest.origin}/v1/audit?class=authorized_agent`, { headers: admin });
        return ((await list.json()) as { records: (AuditRecord & { agentId: string | null })[] }).records;
      };
      let records = await auditResponse();
      for (let attempt = 0; attempt < 50 && records.length === 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        records = await auditResponse();
      }
      expect(records).toEqual([expect.objectContaining({ kind: 'enforcement', outcome: 'allowed', label: 'Agent-Driven', route: 'GET /demo/api/account' })]);
      expect(records[0]!.agentId).toBeTruthy();
    } finally {
      await new Promise<void>((resolve) => directory.close(() => resolve()));
    }
  });
});
