import type { JSONWebKeySet } from 'jose';

import type { RemoteKeySetTiming } from './key_set';

/** Options of `createVerifier` and `verifyTag`. Set exactly one of `jwks` and `jwksUrl`. */
export interface VerifierOptions {
  /**
   * The ingest service's public keys as a JSON Web Key Set object, for fully offline
   * verification, or a function returning the current set (called on each verification
   * that needs a key, so a process that stores the keys itself can follow a rotation).
   */
  jwks?: JSONWebKeySet | (() => JSONWebKeySet);
  /**
   * URL of the ingest service's key set, usually `https://<ingest>/.well-known/jwks.json`.
   * The set is fetched on first use, cached, and fetched again when a tag names an unknown `kid`.
   */
  jwksUrl?: string | URL;
  /** Site key, or list of site keys, that tags must be issued for (the `aud` claim). Required. */
  audience: string | readonly string[];
  /** Expected `iss` claim (the ingest service's public origin). Not checked when unset. */
  issuer?: string;
  /** Seconds of clock difference allowed when checking `exp`. Default 0. */
  clockToleranceSec?: number;
  /** Clock in milliseconds since the epoch, for tests. Default `Date.now`. */
  now?: () => number;
  /** Maximum number of verified tags kept in the cache. Default 5000. */
  cacheMaxEntries?: number;
  /** Minimum milliseconds between two fetches of `jwksUrl` caused by unknown `kid` values. Default 30 000. */
  jwksCooldownMs?: number;
  /** Milliseconds after which a fetched key set is fetched again before use. Default 600 000 (10 minutes). */
  jwksMaxAgeMs?: number;
  /** Milliseconds before a fetch of `jwksUrl` is abandoned. Default 5000. */
  jwksTimeoutMs?: number;
}

/**
 * Default for `VerifierOptions.cacheMaxEntries`. Estimate: a typical tag is about 460
 * characters (1200 with every reason code), so a full cache takes a few MiB.
 */
export const DEFAULT_CACHE_MAX_ENTRIES = 5000;

/** `VerifierOptions` after validation, with every default filled in. */
export interface ResolvedVerifierOptions {
  source: { jwks: JSONWebKeySet | (() => JSONWebKeySet) } | { jwksUrl: URL; timing: RemoteKeySetTiming };
  audience: string[];
  issuer: string | undefined;
  clockToleranceSec: number;
  now: () => number;
  cacheMaxEntries: number;
}

function configError(message: string): TypeError {
  return new TypeError(`Telltale verifier: ${message}`);
}

function readDuration(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw configError(`option \`${option}\` must be a non-negative whole number of milliseconds.`);
  }
  return value;
}

function readAudience(audience: unknown): string[] {
  const list: unknown[] = typeof audience === 'string' ? [audience] : Array.isArray(audience) ? audience : [];
  if (list.length === 0 || list.some((siteKey) => typeof siteKey !== 'string' || siteKey === '')) {
    throw configError('option `audience` is missing or empty; pass the site key (or keys) that tags must be issued for.');
  }
  return list as string[];
}

function readJwksUrl(jwksUrl: string | URL): URL {
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw configError('option `jwksUrl` is not a valid URL; pass the absolute URL of `/.well-known/jwks.json`.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError('option `jwksUrl` must be an http: or https: URL.');
  }
  return url;
}

/**
 * Validates `VerifierOptions` and fills in the defaults.
 *
 * @throws TypeError naming the option, when neither or both of `jwks` and `jwksUrl` are set,
 * `audience` is missing or empty, or a number is out of range.
 */
export function resolveVerifierOptions(options: VerifierOptions): ResolvedVerifierOptions {
  const { jwks, jwksUrl } = options;
  if (jwks === undefined && jwksUrl === undefined) {
    throw configError('set option `jwks` (a JSON Web Key Set object) or `jwksUrl` (the URL of one).');
  }
  if (jwks !== undefined && jwksUrl !== undefined) {
    throw configError('set only one of the options `jwks` and `jwksUrl`.');
  }

  const source =
    jwks !== undefined
      ? { jwks }
      : {
          jwksUrl: readJwksUrl(jwksUrl as string | URL),
          timing: {
            cooldownMs: readDuration(options.jwksCooldownMs, 30_000, 'jwksCooldownMs'),
            maxAgeMs: readDuration(options.jwksMaxAgeMs, 600_000, 'jwksMaxAgeMs'),
            timeoutMs: readDuration(options.jwksTimeoutMs, 5000, 'jwksTimeoutMs'),
          },
        };

  const clockToleranceSec = options.clockToleranceSec ?? 0;
  if (!Number.isFinite(clockToleranceSec) || clockToleranceSec < 0) {
    throw configError('option `clockToleranceSec` must be a non-negative number of seconds.');
  }

  const cacheMaxEntries = options.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES;
  if (!Number.isInteger(cacheMaxEntries) || cacheMaxEntries < 1) {
    throw configError('option `cacheMaxEntries` must be a positive whole number.');
  }

  if (options.issuer !== undefined && (typeof options.issuer !== 'string' || options.issuer === '')) {
    throw configError('option `issuer` must be a non-empty string when set.');
  }

  return {
    source,
    audience: readAudience(options.audience),
    issuer: options.issuer,
    clockToleranceSec,
    now: options.now ?? Date.now,
    cacheMaxEntries,
  };
}
