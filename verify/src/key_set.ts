import { createLocalJWKSet, createRemoteJWKSet, errors } from 'jose';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';

import { LruCache } from './lru_cache';
import { TagVerificationError } from './tag_verification_error';

/** Fetch settings of a remote key set, in milliseconds. */
export interface RemoteKeySetTiming {
  cooldownMs: number;
  maxAgeMs: number;
  timeoutMs: number;
}

/**
 * Remote key sets shared by every verifier in the process, keyed by URL and timing, so that
 * verifiers with the same URL and timing share one fetched set. jose's remote set (read in
 * jose 6.2.19) caches the fetched keys and refetches when a tag names an unknown `kid`, at
 * most once per cooldown. The bound only limits memory. An evicted set is created again on
 * next use.
 */
const remoteKeySets = new LruCache<string, JWTVerifyGetKey>(64);

function getRemoteKeySet(url: URL, timing: RemoteKeySetTiming): JWTVerifyGetKey {
  const cacheKey = JSON.stringify([url.href, timing.cooldownMs, timing.maxAgeMs, timing.timeoutMs]);
  let keySet = remoteKeySets.get(cacheKey);

  if (keySet === undefined) {
    keySet = createRemoteJWKSet(url, {
      cooldownDuration: timing.cooldownMs,
      cacheMaxAge: timing.maxAgeMs,
      timeoutDuration: timing.timeoutMs,
    });
    remoteKeySets.set(cacheKey, keySet);
  }

  return keySet;
}

/**
 * Returns jose's local key set for a fixed JWKS, or, for a function, a key set rebuilt
 * whenever the function returns a different object.
 */
function localKeySet(jwks: JSONWebKeySet | (() => JSONWebKeySet)): JWTVerifyGetKey {
  if (typeof jwks !== 'function') return createLocalJWKSet(jwks);

  let current = jwks();
  let keySet = createLocalJWKSet(current);
  return (protectedHeader, token) => {
    const latest = jwks();
    if (latest !== current) {
      current = latest;
      keySet = createLocalJWKSet(latest);
    }
    return keySet(protectedHeader, token);
  };
}

/**
 * Builds the key resolver that jose's `jwtVerify` calls with the tag's protected header.
 *
 * The resolver rejects a header without `kid` as malformed, rethrows jose's no-matching-key
 * errors for `mapJoseError`, and turns every other failure of the key set (fetch failed, timed out,
 * non-200 status, invalid JWKS, unusable key) into `unavailable`, because those say nothing
 * about the tag.
 *
 * @throws Error from jose's `createLocalJWKSet` when `jwks` is not a JSON Web Key Set.
 */
export function createKeyResolver(
  source: { jwks: JSONWebKeySet | (() => JSONWebKeySet) } | { jwksUrl: URL; timing: RemoteKeySetTiming },
): JWTVerifyGetKey {
  const keySet = 'jwks' in source ? localKeySet(source.jwks) : getRemoteKeySet(source.jwksUrl, source.timing);

  return async (protectedHeader, token) => {
    if (typeof protectedHeader.kid !== 'string' || protectedHeader.kid === '') {
      throw new TagVerificationError(
        'tag_malformed',
        'Tag header has no `kid`. Send the tag exactly as the Telltale SDK returned it.',
      );
    }

    try {
      return await keySet(protectedHeader, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
        throw error;
      }
      throw new TagVerificationError(
        'unavailable',
        'Signing keys could not be loaded: the key set failed to download, timed out or is not a valid ' +
          'Ed25519 JWKS. Check that `jwksUrl` or `jwks` points at the ingest service, then retry.',
        { cause: error },
      );
    }
  };
}
