import { calculateJwkThumbprint, type JWK } from 'jose';

/** Path of an agent's key directory under its origin (draft-meunier-http-message-signatures-directory). */
export const KEY_DIRECTORY_PATH = '/.well-known/http-message-signatures-directory';

/** Policy for fetching key directories over plain HTTP. */
export type HttpKeyDirectories = 'off' | 'loopback';

export interface KeyDirectoryOptions {
  /** `loopback` allows `http://` directories on 127.0.0.1, ::1 and localhost, for tests and local trials. Default `off`: HTTPS only. */
  allowHttp?: HttpKeyDirectories;
  /** Fetch used for directories; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Clock in ms since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /** Time limit of one directory fetch in ms. Default 3000. */
  timeoutMs?: number;
}

/** A verification key of a directory, with its RFC 7638 SHA-256 thumbprint. */
export interface DirectoryKey {
  thumbprint: string;
  publicKey: Awaited<ReturnType<typeof crypto.subtle.importKey>>;
}

export type KeyLookup =
  | { status: 'found'; key: DirectoryKey }
  | { status: 'not_found' }
  | { status: 'unavailable'; message: string };

interface CachedDirectory {
  keys: Map<string, DirectoryKey>;
  fetchedAt: number;
  expiresAt: number;
  /** Error of the latest fetch. A failed entry is kept for `REFETCH_INTERVAL_MS`, so failures are not retried per request. */
  error?: string;
}

/** Cache lifetime when the directory sends no `Cache-Control` max-age. */
const DEFAULT_TTL_MS = 5 * 60 * 1000;
/** Upper bound on any cache lifetime, so a rotated key is picked up within a day. */
const MAX_TTL_MS = 24 * 60 * 60 * 1000;
/** A cached directory that lacks a key is fetched again only after this long, so unknown key ids cannot force a fetch per request. */
const REFETCH_INTERVAL_MS = 30 * 1000;
const MAX_DIRECTORY_BYTES = 64 * 1024;
const MAX_CACHED_DIRECTORIES = 1000;

/**
 * Fetches agents' key directories (JWKS of Ed25519 keys) and caches them by directory URL
 * for as long as their `Cache-Control` allows. Keys are looked up by the directory URL and
 * the signature's `keyid` together, so one agent's directory can never vouch for another's key.
 *
 * Redirects are not followed, so a directory must respond with 200 at its own URL.
 */
export class KeyDirectory {
  readonly #allowHttp: HttpKeyDirectories;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #cache = new Map<string, CachedDirectory>();

  constructor(options: KeyDirectoryOptions = {}) {
    this.#allowHttp = options.allowHttp ?? 'off';
    this.#fetch = options.fetch ?? fetch;
    this.#now = options.now ?? Date.now;
    this.#timeoutMs = options.timeoutMs ?? 3000;
  }

  /**
   * Returns the directory URL for a `Signature-Agent` value, or throws an Error saying why
   * the value is not an allowed agent origin.
   */
  directoryUrl(signatureAgent: string): string {
    let url: URL;
    try {
      url = new URL(signatureAgent);
    } catch {
      throw new Error(`Signature-Agent "${signatureAgent}" is not an absolute URL.`);
    }
    const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
    const loopbackAllowed = loopback && this.#allowHttp === 'loopback';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackAllowed)) {
      throw new Error(`Signature-Agent "${signatureAgent}" must use https (plain http only on loopback with TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES=loopback).`);
    }
    if (!loopbackAllowed && isInternalHost(url.hostname)) {
      throw new Error(`Signature-Agent "${signatureAgent}" names a loopback, private or link-local address; key directories must be on public hosts.`);
    }
    return `${url.origin}${KEY_DIRECTORY_PATH}`;
  }

  /** Finds the key with thumbprint `keyid` in the directory at `directoryUrl`, fetching the directory when needed. */
  async lookup(directoryUrl: string, keyid: string): Promise<KeyLookup> {
    const now = this.#now();
    let cached = this.#cache.get(directoryUrl);
    const stale = cached === undefined || cached.expiresAt <= now;
    const missingKey = cached !== undefined && !cached.keys.has(keyid) && now - cached.fetchedAt >= REFETCH_INTERVAL_MS;
    if (stale || missingKey) {
      try {
        cached = await this.#fetchDirectory(directoryUrl, now);
      } catch (error) {
        const message = (error as Error).message;
        this.#store(directoryUrl, { keys: new Map(), fetchedAt: now, expiresAt: now + REFETCH_INTERVAL_MS, error: message });
        return { status: 'unavailable', message };
      }
    }
    if (cached!.error !== undefined) return { status: 'unavailable', message: cached!.error };
    const key = cached!.keys.get(keyid);
    return key === undefined ? { status: 'not_found' } : { status: 'found', key };
  }

  async #fetchDirectory(directoryUrl: string, now: number): Promise<CachedDirectory> {
    const response = await this.#fetch(directoryUrl, {
      redirect: 'manual',
      signal: AbortSignal.timeout(this.#timeoutMs),
      headers: { accept: 'application/http-message-signatures-directory+json, application/json' },
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`Key directory ${directoryUrl} responded with HTTP ${response.status}; it must respond with 200 and no redirect.`);
    }
    const text = await readLimited(response, MAX_DIRECTORY_BYTES, directoryUrl);

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`Key directory ${directoryUrl} is not valid JSON.`);
    }
    const jwks = (body as { keys?: unknown }).keys;
    if (!Array.isArray(jwks)) throw new Error(`Key directory ${directoryUrl} has no "keys" array.`);

    const keys = new Map<string, DirectoryKey>();
    for (const jwk of jwks as JWK[]) {
      if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') continue;
      const thumbprint = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }, 'sha256');
      const publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
      keys.set(thumbprint, { thumbprint, publicKey });
    }

    const entry: CachedDirectory = { keys, fetchedAt: now, expiresAt: now + cacheLifetime(response.headers.get('cache-control')) };
    this.#store(directoryUrl, entry);
    return entry;
  }

  #store(directoryUrl: string, entry: CachedDirectory): void {
    this.#cache.delete(directoryUrl);
    this.#cache.set(directoryUrl, entry);
    if (this.#cache.size > MAX_CACHED_DIRECTORIES) {
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
  }
}

/** Cache lifetime in ms from a `Cache-Control` header: 0 for `no-store` or `no-cache`, else `max-age` capped at a day. */
export function cacheLifetime(cacheControl: string | null): number {
  if (cacheControl === null) return DEFAULT_TTL_MS;
  const directives = cacheControl.toLowerCase().split(',').map((part) => part.trim());
  if (directives.includes('no-store') || directives.includes('no-cache')) return 0;
  const maxAge = directives.map((part) => /^max-age=(\d+)$/.exec(part)?.[1]).find((value) => value !== undefined);
  if (maxAge === undefined) return DEFAULT_TTL_MS;
  return Math.min(Number(maxAge) * 1000, MAX_TTL_MS);
}

/** Reads a response body as text, and throws once it exceeds `maxBytes` instead of buffering the rest. */
async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`Key directory ${url} is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Returns whether a host is an IP literal in a loopback, private, link-local or unspecified
 * range, or `localhost`, so a request cannot make the server fetch from its own network.
 * NOTE: host names are not resolved, so a public name that resolves to a private address passes.
 */
function isInternalHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(hostname);
  if (ipv4 !== null) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (hostname.startsWith('[')) {
    const ipv6 = hostname.slice(1, -1).toLowerCase();
    return ipv6 === '::' || ipv6 === '::1' || /^f[cd]/.test(ipv6) || /^fe[89ab]/.test(ipv6) || ipv6.startsWith('::ffff:');
  }
  return false;
}
