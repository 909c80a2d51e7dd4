import { Hono, type Context } from 'hono';
import type { JSONWebKeySet } from 'jose';
import { TAG_TTL_SECONDS } from '@telltale/shared';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';

import { telltale, type TelltaleEnv, type TelltaleResult } from '../src/hono';
import { startJwksServer, type JwksServer } from './support/jwks_server';
import { startServer, type RunningServer } from './support/serve';
import { SITE_KEY, createSigningKey, epochSeconds, humanClaims, signTag } from './support/signing_key';
import type { SigningKey } from './support/signing_key';

let key: SigningKey;
let jwks: JSONWebKeySet;
let app: RunningServer;
let jwksServer: JwksServer;
let validTag: string;
let alteredTag: string;
let onErrorCalls: string[] = [];

/** JSON body a test route returns: the middleware's result without the error object. */
function describeResult(result: TelltaleResult): Record<string, unknown> {
  if (result.status === 'verified') return { status: result.status, cls: result.claims.cls, sub: result.claims.sub };
  if (result.status === 'invalid') return { status: result.status, code: result.error.code };
  return { status: result.status };
}

function buildApp(): Hono<TelltaleEnv> {
  const routes = new Hono<TelltaleEnv>();
  const echo = (c: Context<TelltaleEnv>) => c.json(describeResult(c.get('telltale')));

  routes.use('/open/*', telltale({ jwks, audience: SITE_KEY }));
  routes.get('/open/whoami', echo);

  routes.use('/locked/*', telltale({ jwks, audience: SITE_KEY, required: true }));
  routes.get('/locked/account', echo);

  routes.use('/custom-header/*', telltale({ jwks, audience: SITE_KEY, header: 'X-Session-Tag', required: true }));
  routes.get('/custom-header/whoami', echo);

  routes.use(
    '/custom-error/*',
    telltale({
      jwks,
      audience: SITE_KEY,
      required: true,
      onError: (error, c) => c.text(`denied: ${error.code} (${c.get('telltale').status})`, 403),
    }),
  );
  routes.get('/custom-error/whoami', echo);

  routes.use(
    '/logged/*',
    telltale({
      jwks,
      audience: SITE_KEY,
      onError: (error) => {
        onErrorCalls.push(error.code);
      },
    }),
  );
  routes.get('/logged/whoami', echo);

  routes.use('/remote/*', telltale({ jwksUrl: jwksServer.jwksUrl, audience: SITE_KEY, jwksMaxAgeMs: 0 }));
  routes.get('/remote/whoami', echo);

  return routes;
}

beforeAll(async () => {
  key = await createSigningKey('hono-key');
  jwks = { keys: [key.publicJwk] };
  jwksServer = await startJwksServer([key.publicJwk]);
  validTag = await signTag(key, humanClaims(epochSeconds()));
  const [header = '', payload = '', signature = ''] = validTag.split('.');
  alteredTag = [header, payload.slice(0, 12) + (payload[12] === 'A' ? 'B' : 'A') + payload.slice(13), signature].join(
    '.',
  );
  app = await startServer(buildApp());
});

afterAll(async () => {
  await app.close();
  await jwksServer.close();
});

function request(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.origin}${path}`, { headers });
}

describe('telltale middleware, optional tag', () => {
  it('sets verified claims for a valid tag', async () => {
    const response = await request('/open/whoami', { 'Telltale-Tag': validTag });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'verified', cls: 'human', sub: 'sess_0123456789' });
  });

  it('sets invalid with the error for an altered tag', async () => {
    const response = await request('/open/whoami', { 'Telltale-Tag': alteredTag });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'invalid', code: 'tag_bad_signature' });
  });

  it('sets missing when there is no header', async () => {
    const response = await request('/open/whoami');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'missing' });
  });

  it('calls onError for invalid tags and continues', async () => {
    onErrorCalls = [];

    const invalid = await request('/logged/whoami', { 'Telltale-Tag': 'not-a-tag' });
    const missing = await request('/logged/whoami');

    expect(invalid.status).toBe(200);
    expect(await invalid.json()).toEqual({ status: 'invalid', code: 'tag_malformed' });
    expect(missing.status).toBe(200);
    expect(onErrorCalls).toEqual(['tag_malformed']);
  });

  it('caches verified tags across requests', async () => {
    const before = jwksServer.fetchCount();

    for (let i = 0; i < 10; i += 1) {
      const response = await request('/remote/whoami', { 'Telltale-Tag': validTag });
      expect(await response.json()).toMatchObject({ status: 'verified' });
    }

    expect(jwksServer.fetchCount() - before).toBe(1);
  });
});

describe('telltale middleware, required tag', () => {
  it('passes a valid tag through', async () => {
    const response = await request('/locked/account', { 'Telltale-Tag': validTag });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'verified', cls: 'human', sub: 'sess_0123456789' });
  });

  it('rejects a missing tag with 401 tag_missing', async () => {
    const response = await request('/locked/account');
    const body = (await response.json()) as { error: { code: string; message: string } };

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(body.error.code).toBe('tag_missing');
    expect(body.error.message).toContain('Telltale-Tag');
  });

  it('rejects an altered tag with 401 tag_bad_signature', async () => {
    const response = await request('/locked/account', { 'Telltale-Tag': alteredTag });
    const text = await response.text();

    expect(response.status).toBe(401);
    expect(JSON.parse(text).error.code).toBe('tag_bad_signature');
    expect(text).not.toContain(alteredTag.split('.')[1]);
  });

  it.each([
    ['tag_expired', async () => signTag(key, humanClaims(epochSeconds() - TAG_TTL_SECONDS - 60))],
    ['tag_wrong_audience', async () => signTag(key, { ...humanClaims(epochSeconds()), aud: 'pk_other' })],
    ['tag_unknown_key', async () => signTag(await createSigningKey('unpublished'), humanClaims(epochSeconds()))],
    ['tag_malformed', async () => 'a.b'],
  ])('rejects with 401 %s', async (code, makeTag) => {
    const response = await request('/locked/account', { 'Telltale-Tag': await makeTag() });

    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('reads the configured header', async () => {
    const custom = await request('/custom-header/whoami', { 'X-Session-Tag': validTag });
    const standard = await request('/custom-header/whoami', { 'Telltale-Tag': validTag });
    const standardBody = (await standard.json()) as { error: { message: string } };

    expect(custom.status).toBe(200);
    expect(standard.status).toBe(401);
    expect(standardBody.error.message).toContain('X-Session-Tag');
  });

  it('sends the response onError returns', async () => {
    const missing = await request('/custom-error/whoami');
    const invalid = await request('/custom-error/whoami', { 'Telltale-Tag': alteredTag });

    expect(missing.status).toBe(403);
    expect(await missing.text()).toBe('denied: tag_missing (missing)');
    expect(invalid.status).toBe(403);
    expect(await invalid.text()).toBe('denied: tag_bad_signature (invalid)');
  });

  it('returns 503 when keys are unavailable', async () => {
    const failing = await startJwksServer([key.publicJwk]);
    failing.setFailing(true);
    const locked = new Hono<TelltaleEnv>()
      .use(telltale({ jwksUrl: failing.jwksUrl, audience: SITE_KEY, required: true }))
      .get('/', (c) => c.json(describeResult(c.get('telltale'))));
    const server = await startServer(locked);

    try {
      const response = await fetch(`${server.origin}/`, { headers: { 'Telltale-Tag': validTag } });

      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    } finally {
      await server.close();
      await failing.close();
    }
  });
});

describe('telltale middleware options', () => {
  it('rejects missing jwks and jwksUrl when created', () => {
    expect(() => telltale({ audience: SITE_KEY })).toThrow(/`jwks`/);
  });

  it('rejects a missing audience when created', () => {
    const options = { jwks } as unknown as Parameters<typeof telltale>[0];

    expect(() => telltale(options)).toThrow(/`audience`/);
  });

  it('rejects an empty header name when created', () => {
    expect(() => telltale({ jwks, audience: SITE_KEY, header: ' ' })).toThrow(/`header`/);
  });

  it('types the context variable for chained routes', async () => {
    const typed = new Hono().use(telltale({ jwks, audience: SITE_KEY })).get('/', (c) => {
      const result = c.get('telltale');
      expectTypeOf(result).toEqualTypeOf<TelltaleResult>();
      return c.json(describeResult(result));
    });

    const response = await typed.request('/', { headers: { 'Telltale-Tag': validTag } });

    expect(await response.json()).toMatchObject({ status: 'verified' });
  });
});
