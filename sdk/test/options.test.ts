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
    ['missing site', { endpoint: ENDPOINT }, /invalid site undefined; use a key like "pk_demo"/],
    ['empty site', { site: '', endpoint: ENDPOINT }, /invalid site ""/],
    ['site with spaces', { site: 'pk demo', endpoint: ENDPOINT }, /invalid site "pk demo"/],
    ['numeric site', { site: 12345, endpoint: ENDPOINT }, /invalid site 12345/],
    ['site over 64 characters', { site: 'x'.repeat(65), endpoint: ENDPOINT }, /invalid site/],
    ['missing endpoint', { site: 'pk_demo' }, /invalid endpoint undefined; use an http\(s\) URL/],
    ['relative endpoint', { site: 'pk_demo', endpoint: '/ingest' }, /invalid endpoint "\/ingest"/],
    ['ftp endpoint', { site: 'pk_demo', endpoint: 'ftp://ingest.example' }, /invalid endpoint/],
    ['short interval', { site: 'pk_demo', endpoint: ENDPOINT, intervalMs: 999 }, /invalid intervalMs 999; use 1000 to 600000 ms/],
    ['interval as a string', { site: 'pk_demo', endpoint: ENDPOINT, intervalMs: '5000' }, /invalid intervalMs "5000"/],
    ['NaN interval', { site: 'pk_demo', endpoint: ENDPOINT, intervalMs: NaN }, /invalid intervalMs/],
  ])('rejects %s', (_name, options, message) => {
    expect(() => resolveOptions(options as unknown as TelltaleOptions)).toThrow(TypeError);
    expect(() => resolveOptions(options as unknown as TelltaleOptions)).toThrow(message);
  });

  it('rejects a missing options object', () => {
    expect(() => resolveOptions(undefined as unknown as TelltaleOptions)).toThrow(/invalid site/);
  });
});
