import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BEACON_BYTES } from '@telltale/shared';
import { TYPE_KEY, TYPE_NAV, TYPE_POINTER, TYPE_SCROLL } from '@telltale/shared/event_rows';

import { ADMIN_TOKEN, dumpDatabase, startService, type TestService } from '../support/start_service';
import { DESKTOP_CHROME_HEADERS, emptyBeacon, postBeacon } from '../support/beacons';

let service: TestService;

beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

function decodeClaims(tag: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(tag.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('POST /v1/collect', () => {
  it('accepts a beacon and answers with a signed tag', async () => {
    const beacon = emptyBeacon();
    const response = await postBeacon(service.url, beacon);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tag: string; class: string; expiresAt: string };

    expect(body.class).toBe('unknown');
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    const claims = decodeClaims(body.tag);
    expect(claims.sub).toBe(beacon.sid);
    expect(claims.aud).toBe('pk_demo');
    expect(claims.cls).toBe('unknown');
    expect(claims.agent_driven).toBe(false);
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(900);

    const row = service.db.$client.prepare('select class, last_seq, beacon_count from sessions where id = ?').get(beacon.sid);
    expect(row).toEqual({ class: 'unknown', last_seq: 0, beacon_count: 1 });
  });

  it('accepts application/json and gzip bodies', async () => {
    const beacon = emptyBeacon();
    const response = await fetch(`${service.url}/v1/collect`, {
      method: 'POST',
      headers: { ...DESKTOP_CHROME_HEADERS, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(beacon)),
    });
    expect(response.status).toBe(200);
  });

  it('stores a row-encoded beacon as events', async () => {
    const { events: _events, ...header } = emptyBeacon();
    const rows = [
      [12.54, null, TYPE_NAV, 0, 0],
      [40, 1, TYPE_KEY, 0, 0, 2],
      [41.2, 0, TYPE_POINTER, 0, 1e9, 20.5],
    ];
    const response = await postBeacon(service.url, { ...header, rows, strings: ['/demo/'] });
    expect(response.status).toBe(200);

    const row = service.db.$client.prepare('select events from beacons where session_id = ?').get(header.sid) as { events: string };
    expect(JSON.parse(row.events)).toEqual([
      { type: 'nav', t: 12.5, kind: 'load', path: '/demo/' },
      { type: 'key', t: 40, phase: 'down', cls: 'letter', field: 2 },
      { type: 'pointer', t: 41.2, kind: 'move', x: 1e6, y: 20.5, trusted: false },
    ]);
  });

  it('names an HTTP client that posts a beacon without browser facts', async () => {
    const { env: _env, ...beacon } = emptyBeacon();
    const response = await postBeacon(service.url, beacon, { 'user-agent': 'curl/8.5.0' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tag: string; class: string };
    expect(body.class).toBe('unverified_agent');
    const claims = decodeClaims(body.tag);
    expect(claims.fw).toBe('curl');
    expect(claims.reasons).toContain('http_client_user_agent');
  });

  it('keeps a browser beacon without browser facts unknown', async () => {
    const { env: _env, ...beacon } = emptyBeacon();
    const response = await postBeacon(service.url, beacon);
    const body = (await response.json()) as { class: string };
    expect(body.class).toBe('unknown');
  });

  it('returns the same tag while the class holds, and a new one when it changes', async () => {
    const beacon = emptyBeacon();
    const first = (await (await postBeacon(service.url, beacon)).json()) as { tag: string };
    const second = (await (await postBeacon(service.url, { ...beacon, seq: 1, env: undefined, events: [] })).json()) as { tag: string };
    expect(second.tag).toBe(first.tag);

    const declared = { ...beacon, seq: 2, env: { ...beacon.env!, webdriver: true } };
    const third = (await (await postBeacon(service.url, declared)).json()) as { tag: string; class: string };
    expect(third.class).toBe('unverified_agent');
    expect(third.tag).not.toBe(first.tag);
  });
});

describe('POST /v1/collect rejects bad input and stores nothing', () => {
  const cases: { name: string; status: number; code: string; send: (url: string, sid: string) => Promise<Response>; messageIncludes?: string }[] = [
    {
      name: 'oversized body',
      status: 413,
      code: 'beacon_too_large',
      send: (url, sid) => postBeacon(url, JSON.stringify({ ...emptyBeacon({ sid, seq: 5 }), padding: 'x'.repeat(MAX_BEACON_BYTES) })),
    },
    {
      name: 'gzip body that inflates past the limit',
      status: 413,
      code: 'beacon_too_large',
      send: (url, sid) =>
        fetch(`${url}/v1/collect`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: gzipSync(JSON.stringify({ ...emptyBeacon({ sid, seq: 5 }), padding: 'x'.repeat(MAX_BEACON_BYTES * 4) })),
        }),
    },
    {
      name: 'wrong content type',
      status: 415,
      code: 'unsupported_media_type',
      send: (url, sid) => postBeacon(url, emptyBeacon({ sid, seq: 5 }), { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    {
      name: 'invalid JSON',
      status: 400,
      code: 'invalid_json',
      send: (url) => postBeacon(url, '{"v":1,"site":'),
    },
    {
      name: 'schema violation',
      status: 400,
      code: 'invalid_payload',
      messageIncludes: 'events[1].type',
      send: (url, sid) => postBeacon(url, { ...emptyBeacon({ sid, seq: 5 }), events: [{ type: 'nav', t: 1, kind: 'load', path: '/' }, { type: 'keystroke', t: 2 }] }),
    },
    {
      name: 'malformed row',
      status: 400,
      code: 'invalid_payload',
      messageIncludes: 'rows[1]',
      send: (url, sid) => postBeacon(url, { ...emptyBeacon({ sid, seq: 5 }), events: undefined, rows: [[1, null, TYPE_SCROLL, 0], [2, null]] }),
    },
    {
      name: 'row with an unknown type code',
      status: 400,
      code: 'invalid_payload',
      messageIncludes: 'rows[3].type',
      send: (url, sid) => postBeacon(url, { ...emptyBeacon({ sid, seq: 5 }), events: undefined, rows: [[1, null, TYPE_SCROLL, 0], [2, null, TYPE_SCROLL, 0], [3, null, TYPE_SCROLL, 0], [4, 1, 99, 0]] }),
    },
    {
      name: 'string slot past the string table',
      status: 400,
      code: 'invalid_payload',
      messageIncludes: 'rows[0].path',
      send: (url, sid) => postBeacon(url, { ...emptyBeacon({ sid, seq: 5 }), events: undefined, rows: [[1, null, TYPE_NAV, 0, 1]], strings: ['/demo/'] }),
    },
    {
      name: 'both events and rows',
      status: 400,
      code: 'invalid_payload',
      messageIncludes: 'both events and rows',
      send: (url, sid) => postBeacon(url, { ...emptyBeacon({ sid, seq: 5 }), rows: [[1, null, TYPE_SCROLL, 0]] }),
    },
    {
      name: 'path with a query string',
      status: 400,
      code: 'invalid_payload',
      messageIncludes: 'path',
      send: (url, sid) => postBeacon(url, { ...emptyBeacon({ sid, seq: 5 }), path: '/demo/?q=secret' }),
    },
    {
      name: 'unknown site key',
      status: 401,
      code: 'unknown_site_key',
      send: (url, sid) => postBeacon(url, emptyBeacon({ sid, seq: 5, site: 'pk_nobody' })),
    },
    {
      name: 'origin not allowed for the site',
      status: 403,
      code: 'origin_not_allowed',
      send: (url, sid) => postBeacon(url, emptyBeacon({ sid, seq: 5, site: 'pk_locked' }), { origin: 'https://evil.example' }),
    },
    {
      name: 'replayed sequence number',
      status: 409,
      code: 'sequence_replayed',
      send: (url, sid) => postBeacon(url, emptyBeacon({ sid, seq: 1 })),
    },
    {
      name: 'older sequence number',
      status: 409,
      code: 'sequence_replayed',
      send: (url, sid) => postBeacon(url, emptyBeacon({ sid, seq: 0 })),
    },
  ];

  it.each(cases)('$name → $status $code', async ({ status, code, send, messageIncludes }) => {
    // A session with two stored beacons, so that a replay has something to collide with.
    const stored = emptyBeacon();
    expect((await postBeacon(service.url, stored)).status).toBe(200);
    expect((await postBeacon(service.url, { ...stored, seq: 1, env: undefined })).status).toBe(200);
    const before = dumpDatabase(service.db);

    const response = await send(service.url, stored.sid);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(body.error.requestId).toBeTruthy();
    if (messageIncludes) expect(body.error.message).toContain(messageIncludes);

    expect(dumpDatabase(service.db)).toBe(before);
  });
});

describe('admin sessions API', () => {
  it('rejects requests without the admin token', async () => {
    const response = await fetch(`${service.url}/v1/sessions`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('rejects a wrong admin token', async () => {
    const response = await fetch(`${service.url}/v1/sessions`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(response.status).toBe(401);
  });

  it('lists sessions newest first and pages through them', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      service.setNow(Date.now() + 60_000 + i * 1000);
      const beacon = emptyBeacon();
      ids.push(beacon.sid);
      expect((await postBeacon(service.url, beacon)).status).toBe(200);
    }
    service.setNow(Date.now());
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

    const first = (await (await fetch(`${service.url}/v1/sessions?limit=2`, { headers: auth })).json()) as { sessions: { id: string; class: string; agentDriven: boolean; framework: unknown; score: number; reasons: unknown[]; firstSeen: string; lastSeen: string }[]; next: string | null };
    expect(first.sessions.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.next).toBeTruthy();
    const session = first.sessions[0]!;
    expect(Object.keys(session)).toEqual(expect.arrayContaining(['id', 'class', 'agentDriven', 'framework', 'score', 'reasons', 'firstSeen', 'lastSeen']));

    const second = (await (await fetch(`${service.url}/v1/sessions?limit=2&cursor=${first.next}`, { headers: auth })).json()) as { sessions: { id: string }[] };
    expect(second.sessions[0]!.id).toBe(ids[0]);
  });

  it('rejects an unknown class filter naming the parameter', async () => {
    const response = await fetch(`${service.url}/v1/sessions?class=robot`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('class');
  });

  it('shows one session with its decisions and windows, and deletes it', async () => {
    const beacon = emptyBeacon();
    await postBeacon(service.url, beacon);
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

    const detail = (await (await fetch(`${service.url}/v1/sessions/${beacon.sid}`, { headers: auth })).json()) as { id: string; decisions: unknown[]; windows: unknown[] };
    expect(detail.id).toBe(beacon.sid);
    expect(detail.decisions).toHaveLength(1);
    expect(detail.windows).toHaveLength(1);

    expect((await fetch(`${service.url}/v1/sessions/${beacon.sid}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${service.url}/v1/sessions/${beacon.sid}`, { headers: auth })).status).toBe(404);
    const leftovers = service.db.$client.prepare('select (select count(*) from beacons where session_id = ?) + (select count(*) from windows where session_id = ?) + (select count(*) from decisions where session_id = ?) as n').get(beacon.sid, beacon.sid, beacon.sid);
    expect(leftovers).toEqual({ n: 0 });
  });
});

describe('service routes', () => {
  it('reports health', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('serves the public keys as a JWKS', async () => {
    const jwks = (await (await fetch(`${service.url}/.well-known/jwks.json`)).json()) as { keys: { kty: string; crv: string; kid: string; alg: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(jwks.keys[0]!.kid).toBeTruthy();
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await fetch(`${service.url}/v1/nothing`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('logs JSON lines with request ids and no tags', async () => {
    const response = await postBeacon(service.url, emptyBeacon());
    const { tag } = (await response.json()) as { tag: string };
    const lines = service.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const accepted = lines.filter((line) => line.event === 'beacon_accepted');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((line) => typeof line.requestId === 'string')).toBe(true);
    expect(service.logLines.join('\n')).not.toContain(tag);
    expect(service.logLines.join('\n')).not.toContain(ADMIN_TOKEN);
  });
});
