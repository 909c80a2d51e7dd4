/** Options of `init()`. */
export interface TelltaleOptions {
  /** Site key registered with the ingest service, such as `pk_demo`. Required. */
  site: string;
  /**
   * Base URL of the ingest service, such as `https://ingest.example`. Beacons go to
   * `${endpoint}/v1/collect`. Required; a trailing slash, query string and fragment are ignored.
   */
  endpoint: string;
  /** Interval between beacons while events are pending, in ms. Default 5000; 1000 to 600000. */
  intervalMs?: number;
}

/** Options after validation, with defaults filled in; the endpoint has no trailing slash. */
export type ResolvedOptions = Required<TelltaleOptions>;

/**
 * Validates `init()` options and fills in defaults. Throws a TypeError that names the invalid
 * option and the expected value, so a wrong setup fails at the call that caused it.
 */
export function resolveOptions(options: TelltaleOptions): ResolvedOptions {
  const { site, endpoint, intervalMs = 5000 } = options ?? ({} as TelltaleOptions);
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    // An unparsable endpoint is reported by check() below.
  }

  check('site', /^[\w-]{1,64}$/.test(site) && typeof site === 'string', site, 'a key like "pk_demo"');
  check('endpoint', /^https?:$/.test(url?.protocol ?? ''), endpoint, 'an http(s) URL');
  check('intervalMs', intervalMs >= 1000 && intervalMs <= 600_000 && typeof intervalMs === 'number', intervalMs, '1000 to 600000 ms');

  return { site, endpoint: (url!.origin + url!.pathname).replace(/\/+$/, ''), intervalMs };
}

function check(name: string, valid: boolean, value: unknown, expected: string): void {
  if (!valid) throw new TypeError(`Telltale: invalid ${name} ${JSON.stringify(value)}; use ${expected}.`);
}
