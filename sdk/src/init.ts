import { DISABLED_API } from './disabled_api';
import { createTelltale } from './create_telltale';
import type { TelltaleOptions } from './options';
import { resolveOptions } from './options';
import type { TelltaleApi } from './telltale_api';

let instance: TelltaleApi | undefined;

/**
 * Starts recording on this page and returns the API object (the same one the script tag
 * installs as `window.telltale`). Throws a TypeError at once when an option is wrong; after
 * that nothing the SDK does throws into the page. A second call returns the first call's object
 * and ignores its options. Outside a browser, or when the browser lacks an API that the SDK
 * needs, it returns an object that records nothing and whose `getTag()` resolves to null.
 *
 * @example
 * const telltale = init({ site: 'pk_demo', endpoint: 'https://ingest.example' });
 * await fetch('/api/search', { headers: telltale.headers() });
 */
export function init(options: TelltaleOptions): TelltaleApi {
  const resolved = resolveOptions(options);
  if (instance) return instance;
  try {
    instance = createTelltale(resolved);
  } catch {
    // Outside a browser (no window) or without an API the SDK needs.
    instance = DISABLED_API;
  }
  return instance;
}
