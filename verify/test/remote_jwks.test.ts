import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createVerifier, verifyTag } from '../src/index';
import { expectTagError } from './support/expect_tag_error';
import { startJwksServer, type JwksServer } from './support/jwks_server';
import { SITE_KEY, createSigningKey, epochSeconds, humanClaims, signTag } from './support/signing_key';
import type { SigningKey } from './support/signing_key';

let oldKey: SigningKey;
let newKey: SigningKey;
let server: JwksServer | undefined;

beforeAll(async () => {
  oldKey = await createSigningKey('remote-2025-01');
  newKey = await createSigningKey('remote-2025-02');
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Signs `count` tags for distinct sessions, so that none is served from the tag cache. */
function signSessionTags(key: SigningKey, count: number): Promise<string[]> {
  const nowSec = epochSeconds();
  return Promise.all(Array.from({ length: count }, () => signTag(key, humanClaims(nowSec, nextSessionId()))));
}

let sessionCounter = 0;

function nextSessionId(): string {
  sessionCounter += 1;
  return `sess_${String(sessionCounter).padStart(8, '0')}`;
}

describe('verifier with jwksUrl', () => {
  it('fetches the key set once for many tags', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    const verifier = createVerifier({ jwksUrl: server.jwksUrl, audience: SITE_KEY });
    const tags = await signSessionTags(oldKey, 50);

    for (const tag of tags) await verifier.verify(tag);

    expect(verifier.stats().verifications).toBe(50);
    expect(server.fetchCount()).toBe(1);
  });

  it('shares the key set between verifiers of one URL', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    const [tag] = await signSessionTags(oldKey, 1);

    for (let i = 0; i < 5; i += 1) {
      await createVerifier({ jwksUrl: server.jwksUrl, audience: [SITE_KEY, `pk_other_${i}`] }).verify(tag);
    }

    expect(server.fetchCount()).toBe(1);
  });

  it('reuses one verifier in verifyTag for equal options', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    const [tag] = await signSessionTags(oldKey, 1);
    // With a maximum age of 0 every full verification fetches the key set, so the fetch
    // count shows how many verifications were not served from the tag cache.
    const options = () => ({ jwksUrl: server?.jwksUrl, audience: SITE_KEY, jwksMaxAgeMs: 0 });

    for (let i = 0; i < 20; i += 1) {
      const claims = await verifyTag(tag, options());
      expect(claims.aud).toBe(SITE_KEY);
    }
    expect(server.fetchCount()).toBe(1);

    for (const otherTag of await signSessionTags(oldKey, 3)) await verifyTag(otherTag, options());
    expect(server.fetchCount()).toBe(4);
  });

  it('fetches again when a tag names a new kid', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    const verifier = createVerifier({ jwksUrl: server.jwksUrl, audience: SITE_KEY, jwksCooldownMs: 0 });
    const oldTags = await signSessionTags(oldKey, 5);
    const newTags = await signSessionTags(newKey, 5);

    for (const tag of oldTags) await verifier.verify(tag);
    expect(server.fetchCount()).toBe(1);

    server.setKeys([oldKey.publicJwk, newKey.publicJwk]);
    for (const tag of newTags) await verifier.verify(tag);
    expect(server.fetchCount()).toBe(2);

    for (const tag of await signSessionTags(oldKey, 5)) await verifier.verify(tag);
    expect(server.fetchCount()).toBe(2);
  });

  it('does not fetch again for an unknown kid within the cooldown', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    const verifier = createVerifier({ jwksUrl: server.jwksUrl, audience: SITE_KEY, jwksCooldownMs: 60_000 });
    const [oldTag] = await signSessionTags(oldKey, 1);
    const [newTag] = await signSessionTags(newKey, 1);

    await verifier.verify(oldTag);
    server.setKeys([oldKey.publicJwk, newKey.publicJwk]);

    for (let i = 0; i < 3; i += 1) {
      await expectTagError(verifier.verify(newTag), 'tag_unknown_key', newTag);
    }
    expect(server.fetchCount()).toBe(1);
  });

  it('rejects a kid missing after a fetch as unknown key', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    const verifier = createVerifier({ jwksUrl: server.jwksUrl, audience: SITE_KEY, jwksCooldownMs: 0 });
    const [newTag] = await signSessionTags(newKey, 1);

    await expectTagError(verifier.verify(newTag), 'tag_unknown_key', newTag);

    expect(server.fetchCount()).toBe(2);
  });

  it('reports a failing key set URL as unavailable', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    server.setFailing(true);
    const verifier = createVerifier({ jwksUrl: server.jwksUrl, audience: SITE_KEY });
    const [tag] = await signSessionTags(oldKey, 1);

    const error = await expectTagError(verifier.verify(tag), 'unavailable', tag);

    expect(error.message).toContain('jwksUrl');
    expect(server.fetchCount()).toBe(1);
  });

  it('reports a closed port as unavailable', async () => {
    server = await startJwksServer([oldKey.publicJwk]);
    const { jwksUrl } = server;
    await server.close();
    server = undefined;
    const verifier = createVerifier({ jwksUrl, audience: SITE_KEY, jwksTimeoutMs: 2000 });
    const [tag] = await signSessionTags(oldKey, 1);

    await expectTagError(verifier.verify(tag), 'unavailable', tag);
  });
});
