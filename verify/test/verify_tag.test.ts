import { SignJWT, generateSecret } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { TAG_TTL_SECONDS } from '@telltale/shared';
import { beforeAll, describe, expect, it } from 'vitest';

import { TagVerificationError, createVerifier, verifyTag } from '../src/index';
import type { TagClaims } from '../src/index';
import { expectTagError } from './support/expect_tag_error';
import { ISSUER, SITE_KEY, createSigningKey, epochSeconds, humanClaims, signTag } from './support/signing_key';
import type { SigningKey } from './support/signing_key';

let key: SigningKey;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  key = await createSigningKey('key-2025-01');
  jwks = { keys: [key.publicJwk] };
});

/** Replaces the character at `index` with another base64url character. */
function replaceCharAt(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('verifyTag with a local JWKS', () => {
  it('returns typed claims of a valid tag', async () => {
    const claims = humanClaims(epochSeconds());
    const tag = await signTag(key, claims);

    const verified: TagClaims = await verifyTag(tag, { jwks, audience: SITE_KEY, issuer: ISSUER });

    expect(verified).toEqual(claims);
    expect(verified.cls).toBe('human');
    expect(verified.agent_driven).toBe(false);
  });

  it('accepts any site key of an audience list', async () => {
    const tag = await signTag(key, humanClaims(epochSeconds()));

    const verified = await verifyTag(tag, { jwks, audience: ['pk_other', SITE_KEY] });

    expect(verified.aud).toBe(SITE_KEY);
  });

  it('returns agent claims with a framework', async () => {
    const claims: TagClaims = {
      ...humanClaims(epochSeconds()),
      cls: 'rogue_bot',
      agent_driven: true,
      fw: 'playwright',
      score: 0.97,
      reasons: ['webdriver_flag', 'click_without_approach'],
    };
    const tag = await signTag(key, claims);

    expect(await verifyTag(tag, { jwks, audience: SITE_KEY })).toEqual(claims);
  });

  it('leaves claims outside the contract out', async () => {
    const tag = await signTag(key, { ...humanClaims(epochSeconds()), jti: 'extra', note: 'x' });

    const verified = await verifyTag(tag, { jwks, audience: SITE_KEY });

    expect(verified).not.toHaveProperty('jti');
    expect(verified).not.toHaveProperty('note');
  });
});

describe('verifyTag failures', () => {
  it('rejects an altered payload as bad signature', async () => {
    const tag = await signTag(key, humanClaims(epochSeconds()));
    const [header = '', payload = '', signature = ''] = tag.split('.');
    const altered = [header, replaceCharAt(payload, 10), signature].join('.');
    expect(altered).not.toBe(tag);

    await expectTagError(verifyTag(altered, { jwks, audience: SITE_KEY }), 'tag_bad_signature', altered);
  });

  it('rejects an altered signature as bad signature', async () => {
    const tag = await signTag(key, humanClaims(epochSeconds()));
    const altered = replaceCharAt(tag, tag.length - 20);

    await expectTagError(verifyTag(altered, { jwks, audience: SITE_KEY }), 'tag_bad_signature', altered);
  });

  it('rejects a character outside base64url as malformed', async () => {
    const tag = await signTag(key, humanClaims(epochSeconds()));
    const broken = tag.slice(0, tag.length - 20) + '*' + tag.slice(tag.length - 19);

    await expectTagError(verifyTag(broken, { jwks, audience: SITE_KEY }), 'tag_malformed', broken);
  });

  it.each([
    ['two segments', 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0'],
    ['plain text', 'not a tag'],
    ['header not JSON', 'bm90IGpzb24.eyJzdWIiOiJ4In0.c2ln'],
  ])('rejects %s as malformed', async (_name, tag) => {
    await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_malformed', tag);
  });

  it('rejects an expired tag as expired', async () => {
    const issuedAt = epochSeconds() - TAG_TTL_SECONDS - 60;
    const tag = await signTag(key, humanClaims(issuedAt));

    await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_expired', tag);
  });

  it('accepts an expired tag within the clock tolerance', async () => {
    const issuedAt = epochSeconds() - TAG_TTL_SECONDS - 5;
    const tag = await signTag(key, humanClaims(issuedAt));

    const verified = await verifyTag(tag, { jwks, audience: SITE_KEY, clockToleranceSec: 30 });

    expect(verified.iat).toBe(issuedAt);
  });

  it('rejects a tag for another site key as wrong audience', async () => {
    const tag = await signTag(key, { ...humanClaims(epochSeconds()), aud: 'pk_someone_else' });

    await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_wrong_audience', tag);
  });

  it('rejects an unknown kid as unknown key', async () => {
    const otherKey = await createSigningKey('key-not-published');
    const tag = await signTag(otherKey, humanClaims(epochSeconds()));

    await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_unknown_key', tag);
  });

  it('rejects a forged known kid as bad signature', async () => {
    const impostor = await createSigningKey(key.kid);
    const tag = await signTag(impostor, humanClaims(epochSeconds()));

    await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_bad_signature', tag);
  });

  it('rejects an HS256 tag as malformed', async () => {
    const secret = await generateSecret('HS256');
    const tag = await new SignJWT({ ...humanClaims(epochSeconds()) })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .sign(secret);

    const error = await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_malformed', tag);
    expect(error.message).toContain('EdDSA');
  });

  it('rejects a tag without kid as malformed', async () => {
    const tag = await signTag(key, humanClaims(epochSeconds()), { kid: null });

    const error = await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_malformed', tag);
    expect(error.message).toContain('kid');
  });

  it('rejects another issuer as malformed', async () => {
    const tag = await signTag(key, humanClaims(epochSeconds()));

    const error = await expectTagError(
      verifyTag(tag, { jwks, audience: SITE_KEY, issuer: 'https://other-ingest.test' }),
      'tag_malformed',
      tag,
    );
    expect(error.message).toContain('issuer');
  });

  it.each([undefined, null, ''])('rejects tag %j as missing', async (tag) => {
    await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_missing');
  });

  it('rejects an oversized tag as malformed', async () => {
    const tag = 'a'.repeat(9000);

    await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_malformed', tag);
  });

  it('keeps the jose error as cause', async () => {
    const tag = await signTag(key, { ...humanClaims(epochSeconds()), aud: 'pk_someone_else' });

    const error = await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_wrong_audience', tag);
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as { code?: string }).code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });
});

describe('verifyTag claim shape', () => {
  const cases: Array<[string, (claims: TagClaims) => Record<string, unknown>, string]> = [
    ['unknown cls', (c) => ({ ...c, cls: 'robot' }), 'cls'],
    ['agent_driven true for human', (c) => ({ ...c, agent_driven: true }), 'agent_driven'],
    ['agent_driven false for rogue_bot', (c) => ({ ...c, cls: 'rogue_bot', agent_driven: false }), 'agent_driven'],
    ['agent_driven as string', (c) => ({ ...c, agent_driven: 'false' }), 'agent_driven'],
    ['lifetime over 15 minutes', (c) => ({ ...c, exp: c.iat + TAG_TTL_SECONDS + 1 }), 'exp'],
    ['exp before iat', (c) => ({ ...c, iat: c.exp + 1 }), 'exp'],
    ['unsupported version', (c) => ({ ...c, v: 99 }), '`v`'],
    ['version as string', (c) => ({ ...c, v: '1' }), '`v`'],
    ['score above 1', (c) => ({ ...c, score: 1.5 }), 'score'],
    ['score as string', (c) => ({ ...c, score: '0.1' }), 'score'],
    ['fw as number', (c) => ({ ...c, fw: 3 }), 'fw'],
    ['reasons as string', (c) => ({ ...c, reasons: 'webdriver_flag' }), 'reasons'],
    ['reason not snake_case', (c) => ({ ...c, reasons: ['Webdriver Flag'] }), 'reasons'],
    ['empty sub', (c) => ({ ...c, sub: '' }), 'sub'],
    ['aud as array', (c) => ({ ...c, aud: [SITE_KEY] }), 'aud'],
    ['missing iat', ({ iat: _iat, ...rest }) => rest, 'iat'],
    ['missing exp', ({ exp: _exp, ...rest }) => rest, 'exp'],
    ['missing iss', ({ iss: _iss, ...rest }) => rest, 'iss'],
  ];

  it.each(cases)('rejects %s as malformed', async (_name, change, claimName) => {
    const tag = await signTag(key, change(humanClaims(epochSeconds())));

    const error = await expectTagError(verifyTag(tag, { jwks, audience: SITE_KEY }), 'tag_malformed', tag);
    expect(error.message).toContain(claimName);
  });
});

describe('verifier options', () => {
  it('rejects missing jwks and jwksUrl, naming both', () => {
    expect(() => createVerifier({ audience: SITE_KEY })).toThrow(TypeError);
    expect(() => createVerifier({ audience: SITE_KEY })).toThrow(/`jwks`.*`jwksUrl`/);
  });

  it('rejects both jwks and jwksUrl', () => {
    expect(() =>
      createVerifier({ jwks, jwksUrl: 'http://127.0.0.1:1/.well-known/jwks.json', audience: SITE_KEY }),
    ).toThrow(/only one of/);
  });

  it.each([undefined, '', [], ['']])('rejects audience %j, naming the option', (audience) => {
    const options = { jwks, audience } as unknown as Parameters<typeof createVerifier>[0];

    expect(() => createVerifier(options)).toThrow(/`audience`/);
  });

  it('rejects an invalid jwksUrl, naming the option', () => {
    expect(() => createVerifier({ jwksUrl: 'not a url', audience: SITE_KEY })).toThrow(/`jwksUrl`/);
    expect(() => createVerifier({ jwksUrl: 'ftp://127.0.0.1/jwks.json', audience: SITE_KEY })).toThrow(/`jwksUrl`/);
  });

  it('rejects a negative clock tolerance', () => {
    expect(() => createVerifier({ jwks, audience: SITE_KEY, clockToleranceSec: -1 })).toThrow(/`clockToleranceSec`/);
  });

  it('rejects a value that is not a key set', () => {
    const notAKeySet = { keys: 'none' } as unknown as JSONWebKeySet;

    expect(() => createVerifier({ jwks: notAKeySet, audience: SITE_KEY })).toThrow();
  });

  it('rejects invalid options asynchronously', async () => {
    await expect(verifyTag('a.b.c', { audience: SITE_KEY })).rejects.toThrow(TypeError);
  });
});
