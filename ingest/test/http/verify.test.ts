import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TagVerificationError, verifyTag } from '@telltale/verify';

import { startService, type TestService } from '../support/start_service';
import { emptyBeacon, postBeacon } from '../support/beacons';

let service: TestService;
const tags: { valid: string; altered: string; expired: string; otherSite: string; unregisteredSite: string } = {
  valid: '',
  altered: '',
  expired: '',
  otherSite: '',
  unregisteredSite: '',
};

/** Changes one character of the signature part while keeping it valid base64url. */
function alterOneCharacter(tag: string): string {
  const index = tag.lastIndexOf('.') + 5;
  const replacement = tag[index] === 'A' ? 'B' : 'A';
  return tag.slice(0, index) + replacement + tag.slice(index + 1);
}

beforeAll(async () => {
  service = await startService();

  const collected = (await (await postBeacon(service.url, emptyBeacon())).json()) as { tag: string };
  tags.valid = collected.tag;
  tags.altered = alterOneCharacter(collected.tag);

  const anHourAgo = Date.now() - 60 * 60 * 1000;
  tags.expired = (await service.signer.sign({ sessionId: 'expired-session', siteId: 'pk_demo', cls: 'human', framework: null, score: 0.1, reasons: [] }, anHourAgo)).tag;
  tags.otherSite = (await (await postBeacon(service.url, emptyBeacon({ site: 'pk_locked' }))).json() as { tag: string }).tag;
  tags.unregisteredSite = (await service.signer.sign({ sessionId: 'foreign-session', siteId: 'pk_elsewhere', cls: 'human', framework: null, score: 0.1, reasons: [] }, Date.now())).tag;
});
afterAll(async () => {
  await service.close();
});

const rejections = [
  { name: 'tag altered in one character', tag: () => tags.altered, code: 'tag_bad_signature' },
  { name: 'expired tag', tag: () => tags.expired, code: 'tag_expired' },
  { name: 'tag for another site key', tag: () => tags.otherSite, code: 'tag_wrong_audience' },
  { name: 'not a JWS at all', tag: () => 'not-a-tag', code: 'tag_malformed' },
];

describe('verifyTag against the service JWKS', () => {
  it('accepts a tag the service issued', async () => {
    const claims = await verifyTag(tags.valid, { jwksUrl: `${service.url}/.well-known/jwks.json`, audience: 'pk_demo' });
    expect(claims.cls).toBe('unknown');
    expect(claims.aud).toBe('pk_demo');
  });

  it.each(rejections)('rejects $name with $code', async ({ tag, code }) => {
    const error = await verifyTag(tag(), { jwksUrl: `${service.url}/.well-known/jwks.json`, audience: 'pk_demo' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TagVerificationError);
    expect((error as TagVerificationError).code).toBe(code);
  });

  it('gives each rejection its own code', () => {
    expect(new Set(rejections.map((r) => r.code)).size).toBe(rejections.length);
  });
});

describe('POST /v1/verify', () => {
  async function verifyOverHttp(body: unknown) {
    const response = await fetch(`${service.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { valid?: boolean; claims?: { cls: string; sub: string }; error?: { code: string; message: string } } };
  }

  it('returns the claims of a valid tag', async () => {
    const result = await verifyOverHttp({ tag: tags.valid, audience: 'pk_demo' });
    expect(result.status).toBe(200);
    expect(result.body.valid).toBe(true);
    expect(result.body.claims?.cls).toBe('unknown');
  });

  it.each(rejections)('rejects $name with 401 $code', async ({ tag, code }) => {
    const result = await verifyOverHttp({ tag: tag(), audience: 'pk_demo' });
    expect(result.status).toBe(401);
    expect(result.body.error?.code).toBe(code);
  });

  it('without an audience accepts any registered site and rejects others', async () => {
    expect((await verifyOverHttp({ tag: tags.otherSite })).status).toBe(200);
    const foreign = await verifyOverHttp({ tag: tags.unregisteredSite });
    expect(foreign.status).toBe(401);
    expect(foreign.body.error?.code).toBe('tag_wrong_audience');
  });

  it('rejects a body without a tag, naming the field', async () => {
    const result = await verifyOverHttp({ token: 'x' });
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toContain('tag');
  });
});
