import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnforcer } from '@telltale/verify/enforce';
import type { SessionClass } from '@telltale/shared';

import { ACCOUNT_SCOPE, DEMO_POLICY } from '../../src/demo/demo_policy';
import { ADMIN_HEADERS } from '../audit/seed_audit';
import { startService, type TestService } from '../support/start_service';

let service: TestService;

beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

async function tagFor(cls: SessionClass, sessionId: string): Promise<string> {
  return (await service.signer.sign({ sessionId, siteId: 'pk_demo', cls, framework: cls === 'human' ? null : 'playwright', score: cls === 'human' ? 0.05 : 0.9, reasons: [] }, Date.now())).tag;
}

async function get(path: string, tag?: string) {
  const response = await fetch(`${service.url}${path}`, { headers: tag ? { 'telltale-tag': tag } : {} });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: { code: string; rule: string }; account?: unknown } };
}

async function auditRecords(sessionId: string): Promise<{ outcome: string; label: string; route: string; rule: string | null }[]> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const response = await fetch(`${service.url}/v1/audit?session=${sessionId}&limit=500`, { headers: ADMIN_HEADERS });
    const { records } = (await response.json()) as { records: { kind: string; outcome: string; label: string; route: string; rule: string | null }[] };
    const enforcement = records.filter((r) => r.kind === 'enforcement');
    if (enforcement.length > 0) return enforcement;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [];
}

describe('demo backend enforcement', () => {
  it('lets a person read the account', async () => {
    const result = await get('/demo/api/account', await tagFor('human', 'demo-person'));
    expect(result.status).toBe(200);
    expect(result.body.account).toMatchObject({ sessionId: 'demo-person' });
  });

  it('refuses the account to an unverified agent', async () => {
    const result = await get('/demo/api/account', await tagFor('unverified_agent', 'demo-bot'));
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: 'forbidden', rule: 'labels.sensitive' });
  });

  it('throttles an unverified agent on search', async () => {
    const tag = await tagFor('unverified_agent', 'demo-searcher');
    const limit = DEMO_POLICY.rateLimits.unverified_agent.points;
    for (let i = 0; i < limit; i += 1) expect((await get('/demo/api/search?q=a', tag)).status).toBe(200);
    const limited = await get('/demo/api/search?q=a', tag);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('ratelimit-policy')).toBe(`"unverified_agent";q=${limit};w=60`);
  });

  it('blocks a rogue bot on search', async () => {
    const result = await get('/demo/api/search?q=a', await tagFor('rogue_bot', 'demo-rogue'));
    expect(result.status).toBe(403);
    expect(result.body.error?.rule).toBe('block');
  });

  it('keeps whoami answering every class', async () => {
    const response = await fetch(`${service.url}/demo/api/whoami`, { headers: { 'telltale-tag': await tagFor('rogue_bot', 'demo-rogue-2') } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ class: 'rogue_bot', agentDriven: true, framework: 'playwright' });
  });

  it('writes each decision to the audit log', async () => {
    const person = await auditRecords('demo-person');
    expect(person).toEqual([expect.objectContaining({ outcome: 'allowed', label: 'Human', route: 'GET /demo/api/account', rule: 'labels.sensitive' })]);

    const bot = await auditRecords('demo-bot');
    expect(bot).toEqual([expect.objectContaining({ outcome: 'forbidden', label: 'Agent-Driven' })]);

    const rogue = await auditRecords('demo-rogue');
    expect(rogue).toEqual([expect.objectContaining({ outcome: 'blocked', label: 'Agent-Driven', rule: 'block' })]);

    const searcher = await auditRecords('demo-searcher');
    expect(searcher.filter((r) => r.outcome === 'rate_limited')).toHaveLength(1);
  });
});

describe('demo policy for authorized agents', () => {
  const enforcer = () => createEnforcer({ jwks: () => service.signer.jwks(), audience: 'pk_demo', policy: DEMO_POLICY });

  it('lets an agent with account:read read the account', async () => {
    const decision = await enforcer().enforce({ method: 'GET', path: '/demo/api/account', tag: await tagFor('authorized_agent', 'agent-1'), agent: { id: 'reader', scopes: [ACCOUNT_SCOPE] } });
    expect(decision.outcome).toBe('allowed');
    expect(decision.class).toBe('authorized_agent');
  });

  it('refuses an agent without the scope', async () => {
    const decision = await enforcer().enforce({ method: 'GET', path: '/demo/api/account', tag: await tagFor('authorized_agent', 'agent-2'), agent: { id: 'browser', scopes: ['search'] } });
    expect(decision.outcome).toBe('forbidden');
    expect(decision.body?.error.message).toContain(ACCOUNT_SCOPE);
  });
});
