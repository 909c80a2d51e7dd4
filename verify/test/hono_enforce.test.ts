import { Hono } from 'hono';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEnforcer, type Enforcer } from '../src/create_enforcer';
import type { AgentIdentity, EnforcementRequest, ReportedDecision } from '../src/enforcement_types';
import { telltaleEnforce, type TelltaleEnforceVariables } from '../src/hono_enforce';
import { createTagFactory, TEST_POLICY } from './support/enforcement_fixtures';
import { startJwksServer, type JwksServer } from './support/jwks_server';
import { startServer, type RunningServer } from './support/serve';
import { SITE_KEY } from './support/signing_key';

let server: RunningServer;
let jwksServer: JwksServer;
let failingServer: RunningServer;
let tagFor: Awaited<ReturnType<typeof createTagFactory>>['tagFor'];
const reported: ReportedDecision[] = [];

/**
 * Stands in for a request-signature check: a user agent `agent:<id>` counts as proof of
 * that registered agent's identity.
 */
function identifyAgent(request: EnforcementRequest): AgentIdentity | null {
  return request.userAgent?.startsWith('agent:') ? { id: request.userAgent.slice('agent:'.length) } : null;
}

function buildApp(enforcer: Enforcer, failing: Enforcer): Hono<{ Variables: TelltaleEnforceVariables }> {
  const app = new Hono<{ Variables: TelltaleEnforceVariables }>();
  app.use('/api/*', telltaleEnforce({ enforcer, clientAddress: () => '198.51.100.23' }));
  app.get('/api/search', (c) => c.json({ class: c.get('telltaleDecision').class }));
  app.get('/api/account', (c) => c.json({ account: 'demo', class: c.get('telltaleDecision').class }));

  app.use('/degraded/*', telltaleEnforce({ enforcer: failing }));
  app.use('/degraded/account', telltaleEnforce({ enforcer: failing, label: 'account' }));
  app.get('/degraded/search', (c) => c.json({ ok: true }));
  app.get('/degraded/account', (c) => c.json({ ok: true }));
  return app;
}

beforeAll(async () => {
  const factory = await createTagFactory();
  tagFor = factory.tagFor;
  jwksServer = await startJwksServer([factory.key.publicJwk]);

  const enforcer = createEnforcer({
    jwksUrl: jwksServer.jwksUrl,
    audience: SITE_KEY,
    policy: TEST_POLICY,
    identifyAgent,
    onDecision: (decision) => reported.push(decision),
  });

  const unreachable = await startServer(new Hono().get('/.well-known/jwks.json', (c) => c.json({ error: 'down' }, 500)));
  failingServer = unreachable;
  const failing = createEnforcer({ jwksUrl: `${unreachable.origin}/.well-known/jwks.json`, audience: SITE_KEY, policy: TEST_POLICY });

  server = await startServer(buildApp(enforcer, failing));
});
afterAll(async () => {
  await server.close();
  await jwksServer.close();
  await failingServer.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: { code: string; message: string; rule: string }; class?: string } };
}

describe('telltaleEnforce data access', () => {
  it('lets a person read the account', async () => {
    const result = await get('/api/account', { 'telltale-tag': await tagFor('human', 'person-1') });
    expect(result.status).toBe(200);
    expect(result.body.class).toBe('human');
  });

  it('reads the tag from the cookie', async () => {
    const result = await get('/api/account', { cookie: `other=1; telltale_tag=${await tagFor('human', 'person-2')}` });
    expect(result.status).toBe(200);
  });

  it('refuses an unverified agent naming the rule', async () => {
    const result = await get('/api/account', { 'telltale-tag': await tagFor('unverified_agent', 'bot-1') });
    expect(result.status).toBe(403);
    expect(result.body.error?.code).toBe('forbidden');
    expect(result.body.error?.rule).toBe('labels.account');
    expect(result.body.error?.message).toContain('unverified_agent');
  });

  it('refuses a request without a tag', async () => {
    const result = await get('/api/account');
    expect(result.status).toBe(403);
    expect(result.body.error?.rule).toBe('labels.account');
  });

  it('treats an invalid tag as unknown', async () => {
    const tag = await tagFor('human', 'person-3');
    const result = await get('/api/account', { 'telltale-tag': `${tag.slice(0, -4)}AAAA` });
    expect(result.status).toBe(403);
    expect(result.body.error?.message).toContain('unknown');
  });

  it('lets an authorized agent with the scope read', async () => {
    const result = await get('/api/account', { 'telltale-tag': await tagFor('authorized_agent', 'agent-session-1'), 'user-agent': 'agent:agent-reader' });
    expect(result.status).toBe(200);
    expect(result.body.class).toBe('authorized_agent');
  });

  it('refuses an authorized agent without the scope', async () => {
    const result = await get('/api/account', { 'telltale-tag': await tagFor('authorized_agent', 'agent-session-2'), 'user-agent': 'agent:agent-fast' });
    expect(result.status).toBe(403);
    expect(result.body.error?.message).toContain('account:read');
  });

  it('refuses an authorized-agent tag with no proven identity', async () => {
    const result = await get('/api/account', { 'telltale-tag': await tagFor('authorized_agent', 'agent-session-3') });
    expect(result.status).toBe(403);
  });

  it('blocks a rogue bot everywhere', async () => {
    const tag = await tagFor('rogue_bot', 'rogue-1');
    for (const path of ['/api/search', '/api/account']) {
      const result = await get(path, { 'telltale-tag': tag });
      expect(result.status).toBe(403);
      expect(result.body.error?.rule).toBe('block');
    }
  });
});

describe('telltaleEnforce rate limits', () => {
  it('throttles an unverified agent after its class limit', async () => {
    const tag = await tagFor('unverified_agent', 'bot-limited');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const result = await get('/api/search', { 'telltale-tag': tag });
      statuses.push(result.status);
      expect(result.headers.get('ratelimit-policy')).toBe('"unverified_agent";q=3;w=60');
      expect(result.headers.get('ratelimit')).toMatch(new RegExp(`^"unverified_agent";r=${2 - i};t=\\d+$`));
    }
    expect(statuses).toEqual([200, 200, 200]);

    const limited = await get('/api/search', { 'telltale-tag': tag });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(limited.body.error?.rule).toBe('rateLimits.unverified_agent');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.headers.get('ratelimit')).toMatch(/^"unverified_agent";r=0;t=\d+$/);
  });

  it('keys the limit by session', async () => {
    const other = await get('/api/search', { 'telltale-tag': await tagFor('unverified_agent', 'bot-fresh') });
    expect(other.status).toBe(200);
  });

  it('applies an agent limit over its class limit', async () => {
    const headers = { 'telltale-tag': await tagFor('authorized_agent', 'fast-session'), 'user-agent': 'agent:agent-fast' };
    expect((await get('/api/search', headers)).status).toBe(200);
    expect((await get('/api/search', headers)).status).toBe(200);
    const limited = await get('/api/search', headers);
    expect(limited.status).toBe(429);
    expect(limited.body.error?.rule).toBe('agents.agent-fast.rateLimit');
    expect(limited.headers.get('ratelimit-policy')).toBe('"agent-agent-fast";q=2;w=30');
  });

  it('gives people a far higher limit', async () => {
    const tag = await tagFor('human', 'person-busy');
    for (let i = 0; i < 10; i += 1) expect((await get('/api/search', { 'telltale-tag': tag })).status).toBe(200);
  });
});

describe('telltaleEnforce failure modes', () => {
  it('fails closed on a sensitive route when keys cannot load', async () => {
    const result = await get('/degraded/account', { 'telltale-tag': await tagFor('human', 'person-4') });
    expect(result.status).toBe(503);
    expect(result.body.error?.code).toBe('unavailable');
  });

  it('fails open on an unlabelled route when keys cannot load', async () => {
    const result = await get('/degraded/search', { 'telltale-tag': await tagFor('human', 'person-5') });
    expect(result.status).toBe(200);
  });

  it('follows the label fail mode when the limiter store fails', async () => {
    class BrokenStore extends RateLimiterMemory {
      override consume(): never {
        throw new Error('store down');
      }
    }
    const makeBroken = () => new BrokenStore({ points: 1, duration: 1 });
    const open = { ...TEST_POLICY, labels: { account: { ...TEST_POLICY.labels.account, failMode: 'open' } } };
    const closedEnforcer = createEnforcer({ jwks: { keys: [] }, audience: SITE_KEY, policy: TEST_POLICY, createLimiter: makeBroken });
    const openEnforcer = createEnforcer({ jwks: { keys: [] }, audience: SITE_KEY, policy: open, createLimiter: makeBroken });
    const human = { method: 'GET', path: '/api/account', agent: { id: 'agent-reader' } };

    expect((await closedEnforcer.enforce(human)).status).toBe(503);
    expect((await openEnforcer.enforce(human)).status).toBe(200);
  });
});

describe('decision reports', () => {
  it('reports each decision with class, outcome and rule', () => {
    const limited = reported.find((r) => r.sessionId === 'bot-limited' && r.outcome === 'rate_limited');
    expect(limited).toMatchObject({ class: 'unverified_agent', route: 'GET /api/search', rule: 'rateLimits.unverified_agent', siteId: SITE_KEY, framework: 'playwright' });
    const blocked = reported.filter((r) => r.sessionId === 'rogue-1');
    expect(blocked.map((r) => r.outcome)).toEqual(['blocked', 'blocked']);
    const agent = reported.find((r) => r.sessionId === 'agent-session-1');
    expect(agent).toMatchObject({ outcome: 'allowed', agentId: 'agent-reader' });
  });

  it('reports only the network of the client', () => {
    expect(reported.length).toBeGreaterThan(0);
    for (const record of reported) expect(record.clientNetwork).toBe('198.51.100.0/24');
  });
});

describe('classifyRequest hook', () => {
  it('judges tagless requests from the request itself', async () => {
    const calls: string[] = [];
    const decisions: ReportedDecision[] = [];
    const enforcer = createEnforcer({
      jwks: { keys: [] },
      audience: SITE_KEY,
      policy: TEST_POLICY,
      classifyRequest: (request) => {
        const userAgent = request.fetchRequest?.().headers.get('user-agent') ?? '';
        calls.push(userAgent);
        return userAgent.startsWith('curl/') ? { cls: 'unverified_agent', framework: 'curl', reasons: ['automation_user_agent'] } : null;
      },
      onDecision: (decision) => decisions.push(decision),
    });
    const app = new Hono<{ Variables: TelltaleEnforceVariables }>();
    app.use('/api/*', telltaleEnforce({ enforcer, clientAddress: () => '192.0.2.10' }));
    app.get('/api/search', (c) => c.json({ class: c.get('telltaleDecision').class }));
    const local = await startServer(app);

    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await fetch(`${local.origin}/api/search`, { headers: { 'user-agent': 'curl/8.5.0' } })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(decisions.at(-1)).toMatchObject({ class: 'unverified_agent', framework: 'curl', reasons: ['automation_user_agent'], outcome: 'rate_limited' });

      const browser = await fetch(`${local.origin}/api/search`, { headers: { 'user-agent': 'Mozilla/5.0' } });
      expect(await browser.json()).toEqual({ class: 'unknown' });
      expect(calls).toHaveLength(5);
    } finally {
      await local.close();
    }
  });
});
