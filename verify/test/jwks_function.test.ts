import type { JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';

import { createVerifier } from '../src/create_verifier';
import { createSigningKey, epochSeconds, humanClaims, signTag, SITE_KEY } from './support/signing_key';

describe('jwks as a function', () => {
  it('follows a rotation of the returned key set', async () => {
    const oldKey = await createSigningKey('old');
    const newKey = await createSigningKey('new');
    let jwks: JSONWebKeySet = { keys: [oldKey.publicJwk] };
    const verifier = createVerifier({ jwks: () => jwks, audience: SITE_KEY });

    const oldTag = await signTag(oldKey, humanClaims(epochSeconds(), 'old-session'));
    const newTag = await signTag(newKey, humanClaims(epochSeconds(), 'new-session'));
    expect((await verifier.verify(oldTag)).sub).toBe('old-session');
    await expect(verifier.verify(newTag)).rejects.toMatchObject({ code: 'tag_unknown_key' });

    jwks = { keys: [oldKey.publicJwk, newKey.publicJwk] };
    expect((await verifier.verify(newTag)).sub).toBe('new-session');
  });
});
