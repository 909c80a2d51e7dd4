import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { telltaleExpress, type TelltaleLocals } from '../src/express';
import { createTagFactory, TEST_POLICY } from './support/enforcement_fixtures';
import { SITE_KEY } from './support/signing_key';

let server: Server;
let origin: string;
let tagFor: Awaited<ReturnType<typeof createTagFactory>>['tagFor'];

beforeAll(async () => {
  const factory = await createTagFactory();
  tagFor = factory.tagFor;

  const app = express();
  app.use('/api', telltaleExpress({ jwks: { keys: [factory.key.publicJwk] }, audience: SITE_KEY, policy: TEST_POLICY }));
  app.get('/api/search', (_req, res) => {
    res.json({ class: (res.locals as TelltaleLocals).telltale.class });
  });
  app.get('/api/account', (_req, res) => {
    res.json({ account: 'demo' });
  });

  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: { code: string; rule: string }; class?: string } };
}

describe('telltaleExpress', () => {
  it('passes a person with rate-limit headers', async () => {
    const result = await get('/api/search', { 'telltale-tag': await tagFor('human', 'express-person') });
    expect(result.status).toBe(200);
    expect(result.body.class).toBe('human');
    expect(result.headers.get('ratelimit-policy')).toBe('"human";q=50;w=60');
    expect(result.headers.get('ratelimit')).toMatch(/^"human";r=49;t=\d+$/);
  });

  it('refuses the account to an unverified agent', async () => {
    const result = await get('/api/account', { 'telltale-tag': await tagFor('unverified_agent', 'express-bot') });
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: 'forbidden', rule: 'labels.account' });
  });

  it('answers 429 after the class limit', async () => {
    const tag = await tagFor('unverified_agent', 'express-bot-2');
    for (let i = 0; i < 3; i += 1) expect((await get('/api/search', { 'telltale-tag': tag })).status).toBe(200);
    const limited = await get('/api/search', { 'telltale-tag': tag });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('ratelimit')).toMatch(/^"unverified_agent";r=0;t=\d+$/);
  });

  it('keys tagless requests by client network', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await get('/api/search')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('blocks a rogue bot', async () => {
    const result = await get('/api/search', { 'telltale-tag': await tagFor('rogue_bot', 'express-rogue') });
    expect(result.status).toBe(403);
    expect(result.body.error?.rule).toBe('block');
  });
});
