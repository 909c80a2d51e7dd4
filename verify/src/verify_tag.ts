import type { TagClaims } from '@telltale/shared';

import { createVerifier, type Verifier } from './create_verifier';
import { LruCache } from './lru_cache';
import type { VerifierOptions } from './verifier_options';

/**
 * Verifiers created by `verifyTag`, keyed by their options. The bound only limits memory
 * when a process uses many option sets. An evicted verifier loses its cache of verified tags.
 */
const defaultVerifiers = new LruCache<string, Verifier>(32);

/** Ids for clock functions, which have no value to compare, so each function gets its own verifier. */
const clockIds = new WeakMap<() => number, number>();
let nextClockId = 1;

function clockId(now: (() => number) | undefined): number {
  if (now === undefined) return 0;

  let id = clockIds.get(now);
  if (id === undefined) {
    id = nextClockId++;
    clockIds.set(now, id);
  }
  return id;
}

function optionsKey(options: VerifierOptions): string {
  return JSON.stringify([
    options.jwks ?? null,
    options.jwksUrl === undefined ? null : String(options.jwksUrl),
    options.audience,
    options.issuer ?? null,
    options.clockToleranceSec ?? null,
    clockId(options.now),
    options.cacheMaxEntries ?? null,
    options.jwksCooldownMs ?? null,
    options.jwksMaxAgeMs ?? null,
    options.jwksTimeoutMs ?? null,
  ]);
}

/**
 * Verifies a session tag and returns its claims: a shortcut for
 * `createVerifier(options).verify(tag)` that reuses one verifier, with its caches, for
 * options of equal value. `jwks` is compared by content, `now` by identity.
 *
 * @param tag The value of the `Telltale-Tag` request header.
 * @param options See `VerifierOptions`; `audience` and one of `jwks` and `jwksUrl` are required.
 * @throws TagVerificationError when the tag is missing or fails verification.
 * @throws TypeError naming the option when the options are invalid.
 *
 * @example
 * const claims = await verifyTag(c.req.header('Telltale-Tag'), {
 *   jwksUrl: 'https://ingest.example/.well-known/jwks.json',
 *   audience: 'pk_live_shop',
 * });
 * if (claims.agent_driven) applyAgentRateLimit(claims.sub);
 */
export async function verifyTag(tag: string | null | undefined, options: VerifierOptions): Promise<TagClaims> {
  const key = optionsKey(options);
  let verifier = defaultVerifiers.get(key);

  if (verifier === undefined) {
    verifier = createVerifier(options);
    defaultVerifiers.set(key, verifier);
  }

  return verifier.verify(tag);
}
