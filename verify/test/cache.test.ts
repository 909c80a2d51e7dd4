import type { JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';

import { createVerifier } from '../src/index';
import { expectTagError } from './support/expect_tag_error';
import { SITE_KEY, createSigningKey, epochSeconds, humanClaims, signTag } from './support/signing_key';
import type { SigningKey } from './support/signing_key';

let key: SigningKey;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  key = await createSigningKey('cache-key');
  jwks = { keys: [key.publicJwk] };
});

describe('verifier cache', () => {
  it('verifies a repeated tag once', async () => {
    const verifier = createVerifier({ jwks, audience: SITE_KEY });
    const claims = humanClaims(epochSeconds());
    const tag = await signTag(key, claims);

    for (let i = 0; i < 1000; i += 1) {
      expect((await verifier.verify(tag)).sub).toBe(claims.sub);
    }

    expect(verifier.stats()).toEqual({ cacheHits: 999, verifications: 1, cachedTags: 1 });
  });

  it('shares one verification between concurrent calls', async () => {
    const verifier = createVerifier({ jwks, audience: SITE_KEY });
    const tag = await signTag(key, humanClaims(epochSeconds()));

    const results = await Promise.all(Array.from({ length: 10 }, () => verifier.verify(tag)));

    expect(results).toHaveLength(10);
    expect(verifier.stats().verifications).toBe(1);
    expect(verifier.stats().cacheHits).toBe(9);
  });

  it('returns copies of cached claims', async () => {
    const verifier = createVerifier({ jwks, audience: SITE_KEY });
    const tag = await signTag(key, humanClaims(epochSeconds()));

    const first = await verifier.verify(tag);
    first.cls = 'rogue_bot';
    first.reasons.push('webdriver_flag');
    const second = await verifier.verify(tag);

    expect(second.cls).toBe('human');
    expect(second.reasons).toEqual(['pointer_dynamics_human', 'typing_rhythm_human']);
  });

  it('stops cache hits at exp', async () => {
    let nowMs = Date.now();
    const verifier = createVerifier({ jwks, audience: SITE_KEY, now: () => nowMs });
    const claims = humanClaims(Math.floor(nowMs / 1000));
    const tag = await signTag(key, claims);

    await verifier.verify(tag);
    nowMs = (claims.exp - 1) * 1000;
    await verifier.verify(tag);
    expect(verifier.stats()).toMatchObject({ cacheHits: 1, verifications: 1 });

    nowMs = claims.exp * 1000;
    await expectTagError(verifier.verify(tag), 'tag_expired', tag);
    expect(verifier.stats()).toEqual({ cacheHits: 1, verifications: 2, cachedTags: 0 });
  });

  it('keeps a cached tag for the clock tolerance after exp', async () => {
    let nowMs = Date.now();
    const verifier = createVerifier({ jwks, audience: SITE_KEY, clockToleranceSec: 10, now: () => nowMs });
    const claims = humanClaims(Math.floor(nowMs / 1000));
    const tag = await signTag(key, claims);

    await verifier.verify(tag);
    nowMs = (claims.exp + 9) * 1000;
    await verifier.verify(tag);
    expect(verifier.stats()).toMatchObject({ cacheHits: 1, verifications: 1 });

    nowMs = (claims.exp + 10) * 1000;
    await expectTagError(verifier.verify(tag), 'tag_expired', tag);
  });

  it('evicts the least recently used tag when full', async () => {
    const verifier = createVerifier({ jwks, audience: SITE_KEY, cacheMaxEntries: 2 });
    const nowSec = epochSeconds();
    const [tagA, tagB, tagC] = await Promise.all(
      ['sess_a_000000', 'sess_b_000000', 'sess_c_000000'].map((id) => signTag(key, humanClaims(nowSec, id))),
    );

    await verifier.verify(tagA);
    await verifier.verify(tagB);
    await verifier.verify(tagA);
    await verifier.verify(tagC);
    expect(verifier.stats()).toEqual({ cacheHits: 1, verifications: 3, cachedTags: 2 });

    await verifier.verify(tagA);
    expect(verifier.stats().verifications).toBe(3);
    await verifier.verify(tagB);
    expect(verifier.stats().verifications).toBe(4);
  });

  it('does not cache failures', async () => {
    const verifier = createVerifier({ jwks, audience: SITE_KEY });
    const tag = await signTag(key, { ...humanClaims(epochSeconds()), aud: 'pk_other' });

    await expectTagError(verifier.verify(tag), 'tag_wrong_audience', tag);
    await expectTagError(verifier.verify(tag), 'tag_wrong_audience', tag);

    expect(verifier.stats()).toEqual({ cacheHits: 0, verifications: 2, cachedTags: 0 });
  });

  it('keeps caches of separate verifiers apart', async () => {
    const strict = createVerifier({ jwks, audience: 'pk_other' });
    const lenient = createVerifier({ jwks, audience: SITE_KEY });
    const tag = await signTag(key, humanClaims(epochSeconds()));

    await lenient.verify(tag);

    await expectTagError(strict.verify(tag), 'tag_wrong_audience', tag);
  });
});
