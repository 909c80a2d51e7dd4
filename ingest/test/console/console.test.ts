import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptyBeacon, postBeacon } from '../support/beacons';
import { ADMIN_TOKEN, startService, type TestService } from '../support/start_service';
import { postHumanAndBot, type PostedSession } from './post_console_sessions';

let service: TestService;
let human: PostedSession;
let bot: PostedSession;

beforeAll(async () => {
  service = await startService();
  ({ human, bot } = await postHumanAndBot(service.url));
});
afterAll(async () => {
  await service.close();
});

/** Posts the sign-in form as a browser on the console's own page would. */
function postSignIn(token: string, origin: string | null = service.url): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (origin !== null) headers.origin = origin;
  return fetch(`${service.url}/console/sign-in`, { method: 'POST', headers, body: new URLSearchParams({ token }), redirect: 'manual' });
}

async function signIn(): Promise<string> {
  const response = await postSignIn(ADMIN_TOKEN);
  expect(response.status).toBe(303);
  const cookie = response.headers.get('set-cookie')!;
  return cookie.split(';')[0]!;
}

async function getPage(path: string, cookie: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${service.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

describe('console sign-in', () => {
  it.each(['/console', '/console/sessions', `/console/sessions/abc`, '/console/agents', '/console/audit', '/console/audit/export'])('redirects %s without a cookie to sign-in', async (path) => {
    const response = await fetch(`${service.url}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/console\/(sign-in|sessions)$/);
    if (path !== '/console') expect(response.headers.get('location')).toBe('/console/sign-in');
  });

  it('redirects a forged session cookie to sign-in', async () => {
    const response = await fetch(`${service.url}/console/sessions`, { headers: { cookie: `telltale_console=${ADMIN_TOKEN}` }, redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/sign-in');
  });

  it('sets a strict HttpOnly cookie that is not the token', async () => {
    const response = await postSignIn(ADMIN_TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/sessions');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).not.toContain(ADMIN_TOKEN);
    expect(response.headers.get('location')).not.toContain(ADMIN_TOKEN);
  });

  it('rejects a wrong token with 401 and no cookie', async () => {
    const response = await postSignIn('not-the-token');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('The admin token is not valid');
  });

  it.each([
    ['another origin', 'https://attacker.example'],
    ['no origin', null],
  ])('rejects a sign-in post from %s', async (_name, origin) => {
    const response = await postSignIn(ADMIN_TOKEN, origin);
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('rejects an oversized sign-in form', async () => {
    const response = await postSignIn('x'.repeat(10_000));
    expect(response.status).toBe(413);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('signs out and forgets the cookie', async () => {
    const cookie = await signIn();
    const signOut = await fetch(`${service.url}/console/sign-out`, { method: 'POST', headers: { cookie, origin: service.url }, redirect: 'manual' });
    expect(signOut.status).toBe(303);
    const after = await getPage('/console/sessions', cookie);
    expect(after.status).toBe(303);
  });
});

describe('console pages', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn();
  });

  it('classifies the posted pair as expected', () => {
    expect(human.class).toBe('human');
    expect(['rogue_bot', 'unverified_agent']).toContain(bot.class);
  });

  it('lists both sessions with counts per class', async () => {
    const { status, html } = await getPage('/console/sessions', cookie);
    expect(status).toBe(200);
    expect(html).toContain(`data-session="${human.id}"`);
    expect(html).toContain(`data-session="${bot.id}"`);
    expect(html).toMatch(/<li data-class="human">.*?<strong class="count">1<\/strong>/s);
    expect(html).toMatch(/class="class-bar" data-class="human" data-count="1"/);
  });

  it('filters the list by class', async () => {
    const { html } = await getPage('/console/sessions?class=human', cookie);
    expect(html).toContain(`data-session="${human.id}"`);
    expect(html).not.toContain(`data-session="${bot.id}"`);
  });

  it('filters the list by agent-driven', async () => {
    const { html } = await getPage('/console/sessions?agentDriven=true', cookie);
    expect(html).toContain(`data-session="${bot.id}"`);
    expect(html).not.toContain(`data-session="${human.id}"`);
  });

  it('filters the list and counts by framework and identity', async () => {
    service.db.$client.prepare("update sessions set framework = 'playwright', identity_hash = 'identity-1' where id = ?").run(bot.id);
    try {
      for (const query of ['framework=playwright', 'identity=identity-1']) {
        const { html } = await getPage(`/console/sessions?${query}`, cookie);
        expect(html).toContain(`data-session="${bot.id}"`);
        expect(html).not.toContain(`data-session="${human.id}"`);
        expect(html).toMatch(new RegExp(`<li data-class="${bot.class}">.*?<strong class="count">1</strong>`, 's'));
        expect(html).toMatch(/<li data-class="human">.*?<strong class="count">0<\/strong>/s);
        expect(html).toMatch(new RegExp(`class="class-bar" data-class="${bot.class}" data-count="1"`));
      }
    } finally {
      service.db.$client.prepare('update sessions set framework = null, identity_hash = null where id = ?').run(bot.id);
    }
  });

  it('reports an invalid filter value', async () => {
    const { status, html } = await getPage('/console/sessions?class=robot', cookie);
    expect(status).toBe(200);
    expect(html).toContain('Ignored: class must be one of');
  });

  it.each([
    ['human', () => human],
    ['bot', () => bot],
  ])('draws the %s session', async (_name, session) => {
    const posted = session();
    const { status, html } = await getPage(`/console/sessions/${posted.id}`, cookie);
    expect(status).toBe(200);

    const path = /<path class="trajectory-path" data-points="(\d+)" d="([^"]*)"/.exec(html);
    expect(path).not.toBeNull();
    expect(Number(path![1])).toBe(posted.pointerCount);
    expect(path![2]!.match(/[ML]/g)!.length).toBe(posted.pointerCount);

    const histograms = [...html.matchAll(/<svg class="chart histogram"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(histograms).toHaveLength(2);
    expect(histograms[0]!.match(/class="bar"/g)?.length ?? 0).toBeGreaterThan(0);
    expect(html).toContain(`Hold time: ${posted.keyHoldCount} in this session`);

    const stored = service.db.$client.prepare('select evidence from sessions where id = ?').get(posted.id) as { evidence: string };
    const evidence = JSON.parse(stored.evidence) as { code: string }[];
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) expect(html).toContain(`data-reason="${item.code}"`);
  });

  it('shows scripted hold times in the lowest bin only', async () => {
    const { html } = await getPage(`/console/sessions/${bot.id}`, cookie);
    const hold = /<svg class="chart histogram"[\s\S]*?<\/svg>/.exec(html)![0];
    expect([...hold.matchAll(/data-bin="(\d+)"/g)].map((m) => m[1])).toEqual(['0']);
  });

  it('compares key timings with other human sessions', async () => {
    const botPage = await getPage(`/console/sessions/${bot.id}`, cookie);
    expect(botPage.html).toContain(`Hold time: ${bot.keyHoldCount} in this session, ${human.keyHoldCount} from other human sessions`);
    expect(botPage.html).toContain('<path class="population"');

    const humanPage = await getPage(`/console/sessions/${human.id}`, cookie);
    expect(humanPage.html).toContain(`Hold time: ${human.keyHoldCount} in this session, 0 from other human sessions`);
    expect(humanPage.html).not.toContain('<path class="population"');
  });

  it('returns 404 for an unknown session', async () => {
    const { status } = await getPage('/console/sessions/no-such-session', cookie);
    expect(status).toBe(404);
  });

  it('escapes a user agent containing markup', async () => {
    const markup = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const beacon = emptyBeacon();
    expect((await postBeacon(service.url, beacon, { 'user-agent': markup })).status).toBe(200);

    for (const path of ['/console/sessions', `/console/sessions/${beacon.sid}`]) {
      const { html } = await getPage(path, cookie);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('<img src=x');
    }
  });

  it('shows the audit log with chain status and exports it', async () => {
    const { status, html } = await getPage('/console/audit?verify=1', cookie);
    expect(status).toBe(200);
    expect(html).toContain('data-chain="ok"');

    const response = await fetch(`${service.url}/console/audit/export?format=jsonl`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    const count = (service.db.$client.prepare('select count(*) as n from audit_records').get() as { n: number }).n;
    expect(lines).toHaveLength(count);
  });

  it('filters the audit log by session and time', async () => {
    const bySession = await getPage(`/console/audit?session=${bot.id}`, cookie);
    const ids = [...bySession.html.matchAll(/<tr data-audit-id="(\d+)">/g)].map((m) => Number(m[1]));
    const stored = service.db.$client.prepare('select id from audit_records where session_id = ? order by id desc').all(bot.id) as { id: number }[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(stored.map((row) => row.id));

    const future = await getPage('/console/audit?from=2999-01-01T00:00Z', cookie);
    expect(future.html).toContain('No audit records match.');

    const invalid = await getPage('/console/audit?to=yesterday', cookie);
    expect(invalid.html).toContain('Ignored: to must be an ISO 8601 time');
  });

  it('shows agents, identities and rules fired', async () => {
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const registered = await fetch(`${service.url}/v1/agents`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'Shop <Assistant>', signatureAgent: 'https://agent.example', scopes: ['search'] }),
    });
    expect(registered.status).toBe(201);
    const agent = (await registered.json()) as { id: string };

    const at = Date.now();
    const decisions = [
      { at, class: 'authorized_agent', outcome: 'allowed', route: 'GET /api/search', rule: 'labels.search', agentId: agent.id, sessionId: 'agent-session-1' },
      { at, class: 'authorized_agent', outcome: 'forbidden', route: 'GET /api/account', rule: 'labels.account', agentId: agent.id, sessionId: 'agent-session-1' },
      { at, class: 'authorized_agent', outcome: 'allowed', route: 'GET /api/search', rule: 'labels.search', agentId: agent.id, sessionId: 'agent-session-2' },
    ];
    const reported = await fetch(`${service.url}/v1/audit/events`, { method: 'POST', headers: admin, body: JSON.stringify({ source: 'shop-backend', decisions }) });
    expect(reported.status).toBe(201);

    const { status, html } = await getPage('/console/agents', cookie);
    expect(status).toBe(200);
    expect(html).toContain('Shop &lt;Assistant&gt;');
    expect(html).toContain('https://agent.example');
    const identity = new RegExp(`<tr data-agent-id="${agent.id}"><th scope="row">${agent.id}</th><td>Shop &lt;Assistant&gt;</td><td>2</td><td>3</td>`);
    expect(html).toMatch(identity);
    expect(html).toMatch(/<th scope="row">[^<]+<\/th><td>labels\.search<\/td><td>allowed<\/td><td>2<\/td>/);
    expect(html).toMatch(/<td>labels\.account<\/td><td>forbidden<\/td><td>1<\/td>/);
  });

  it('sends a content security policy without inline scripts', async () => {
    const response = await fetch(`${service.url}/console/sessions`, { headers: { cookie } });
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
