import { describe, expect, it } from 'vitest';

import type { TelltaleOptions } from '../src/options';
import { resolveOptions } from '../src/options';

const ENDPOINT = 'https://ingest.example';

describe('resolveOptions', () => {
  it('fills in the default interval and trims the endpoint', () => {
    expect(resolveOptions({ site: 'pk_demo', endpoint: 'https://ingest.example/base/?x=1#y' })).toEqual({
      site: 'pk_demo',
      endpoint: 'https://ingest.example/base',
      intervalMs: 5000,
    });
  });

  it('keeps a valid interval', () => {
    expect(resolveOptions({ site: 'pk-demo_2', endpoint: 'http://127.0.0.1:8787', intervalMs: 1000 }).intervalMs).toBe(1000);
  });

  it.each([
    ['missing site', { endpoint: ENDPOINT }, /option site undefined; pass a site key/],
    ['empty site', { site: '', endpoint: ENDPOINT }, /option site ""/],
    ['site with spaces', { site: 'pk demo', endpoint: ENDPOINT }, /option site "pk demo"/],
    ['numeric site', { site: 12345, endpoint: ENDPOINT }, /option site 12345/],
    ['site over 64 characters', { site: 'x'.repeat(65), endpoint: ENDPOINT }, /option site/],
    ['missing endpoint', { site: 'pk_demo' }, /option endpoint undefined; pass an http\(s\) URL/],
    ['relative endpoint', { site: 'pk_demo', endpoint: '/ingest' }, /option endpoint "\/ingest"/],
    ['ftp endpoint', { site: 'pk_demo', endpoint: 'ftp://ingest.example' }, /option endpoint/],
    ['short interval', { site: 'pk_demo', endpoint: ENDPOINT, intervalMs: 999 }, /option intervalMs 999; pass ms from 1000 to 600000/],
    ['interval as a string', { site: 'pk_demo', endpoint: ENDPOINT, intervalMs: '5000' }, /option intervalMs "5000"/],
    ['NaN interval', { site: 'pk_demo', endpoint: ENDPOINT, intervalMs: NaN }, /option intervalMs/],
  ])('rejects %s', (_name, options, message) => {
    expect(() => resolveOptions(options as unknown as TelltaleOptions)).toThrow(TypeError);
    expect(() => resolveOptions(options as unknown as TelltaleOptions)).toThrow(message);
  });

  it('rejects a missing options object', () => {
    expect(() => resolveOptions(undefined as unknown as TelltaleOptions)).toThrow(/option site/);
  });
});
