import { jwtVerify } from 'jose';
import type { TagClaims } from '@telltale/shared';

import { createKeyResolver } from './key_set';
import { LruCache } from './lru_cache';
import { mapJoseError } from './map_jose_error';
import { parseTagClaims } from './parse_tag_claims';
import { TagVerificationError } from './tag_verification_error';
import { resolveVerifierOptions, type VerifierOptions } from './verifier_options';

/**
 * Maximum tag length accepted, in characters. A tag with a 64-character session id and all 20
 * reason codes is about 1200 characters, and the cap keeps oversized header values out of
 * the parser and the cache.
 */
export const MAX_TAG_LENGTH = 8192;

/** Counters of a verifier, for monitoring and tests. */
export interface VerifierStats {
  /** Calls whose claims came from the cache of verified tags, or from a verification of the same tag already in progress. */
  cacheHits: number;
  /** Full verifications started (signature and claims), whatever their outcome. */
  verifications: number;
  /** Verified tags currently in the cache, expired ones included until they are looked up or evicted. */
  cachedTags: number;
}

/** Tag verifier that owns a key set and a cache of verified tags. */
export interface Verifier {
  /**
   * Verifies a session tag and returns its claims.
   *
   * @throws TagVerificationError with `code` `tag_missing` when `tag` is empty, null or undefined,
   * and with the matching code for every other failure.
   */
  verify(tag: string | null | undefined): Promise<TagClaims>;
  /** Returns a snapshot of the verifier's counters. */
  stats(): VerifierStats;
}

interface CachedTag {
  claims: TagClaims;
  /** Seconds since the epoch from which the cached claims are no longer returned. */
  validUntilSec: number;
}

function copyClaims(claims: TagClaims): TagClaims {
  return { ...claims, reasons: [...claims.reasons] };
}

/**
 * Creates a verifier for session tags issued by a Telltale ingest service.
 *
 * Verification checks the EdDSA signature against the key set, then `iss` against `issuer`
 * when set, `aud` against `audience`, `exp` against the clock, and the shape of every claim. A verified tag is cached (LRU, `cacheMaxEntries` entries) until its `exp`
 * plus `clockToleranceSec`, so presenting it again costs a map lookup instead of a
 * signature check. Concurrent calls with the same tag share one verification. Failures are
 * not cached.
 *
 * NOTE: a cached tag stays valid until it expires even if its key is removed from the key set.
 *
 * @throws TypeError naming the option when the options are invalid (see `VerifierOptions`).
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const resolved = resolveVerifierOptions(options);
  const getKey = createKeyResolver(resolved.source);
  const cache = new LruCache<string, CachedTag>(resolved.cacheMaxEntries);
  const inFlight = new Map<string, Promise<TagClaims>>();
  let cacheHits = 0;
  let verifications = 0;

  const nowSec = (): number => Math.floor(resolved.now() / 1000);

  async function verifyUncached(tag: string): Promise<TagClaims> {
    verifications += 1;

    let payload: Record<string, unknown>;
    try {
      const result = await jwtVerify(tag, getKey, {
        algorithms: ['EdDSA'],
        audience: resolved.audience,
        issuer: resolved.issuer,
        clockTolerance: resolved.clockToleranceSec,
        currentDate: new Date(resolved.now()),
        requiredClaims: ['iss', 'sub', 'aud', 'iat', 'exp'],
      });
      payload = result.payload;
    } catch (error) {
      throw mapJoseError(error);
    }

    const claims = parseTagClaims(payload);
    cache.set(tag, { claims, validUntilSec: claims.exp + resolved.clockToleranceSec });
    return claims;
  }

  async function verify(tag: string | null | undefined): Promise<TagClaims> {
    if (typeof tag !== 'string' || tag === '') {
      throw new TagVerificationError(
        'tag_missing',
        'No tag was given. Pass the value of the Telltale-Tag request header that the page sent.',
      );
    }
    if (tag.length > MAX_TAG_LENGTH) {
      throw new TagVerificationError(
        'tag_malformed',
        `Tag is longer than ${MAX_TAG_LENGTH} characters. Send the tag exactly as the Telltale SDK returned it.`,
      );
    }

    // Same comparison as jose's `exp` check, so cached claims are returned only while a fresh
    // verification would still accept the tag.
    const cached = cache.get(tag);
    if (cached !== undefined) {
      if (nowSec() < cached.validUntilSec) {
        cacheHits += 1;
        return copyClaims(cached.claims);
      }
      cache.delete(tag);
    }

    const pending = inFlight.get(tag);
    if (pending !== undefined) {
      cacheHits += 1;
      return copyClaims(await pending);
    }

    const verification = verifyUncached(tag);
    inFlight.set(tag, verification);
    try {
      return copyClaims(await verification);
    } finally {
      inFlight.delete(tag);
    }
  }

  return {
    verify,
    stats: () => ({ cacheHits, verifications, cachedTags: cache.size }),
  };
}
