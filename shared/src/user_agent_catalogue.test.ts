import { describe, expect, it } from 'vitest';

import { matchUserAgent, USER_AGENT_CATALOGUE } from './user_agent_catalogue';

const BROWSER_USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36',
];

describe('user agent catalogue', () => {
  it.each(USER_AGENT_CATALOGUE.map((entry) => [entry.framework, entry] as const))('matches its example: %s', (_name, entry) => {
    expect(matchUserAgent(entry.example)).toBe(entry);
  });

  it.each(USER_AGENT_CATALOGUE.map((entry) => [entry.framework, entry] as const))('has operator and purpose: %s', (_name, entry) => {
    expect(entry.operator.trim()).not.toBe('');
    expect(entry.purpose.trim()).not.toBe('');
  });

  it('has unique framework names', () => {
    const names = USER_AGENT_CATALOGUE.map((entry) => entry.framework);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(BROWSER_USER_AGENTS)('leaves browser user agents alone: %s', (userAgent) => {
    expect(matchUserAgent(userAgent)).toBeNull();
  });

  it('returns null for missing user agents', () => {
    expect(matchUserAgent(null)).toBeNull();
    expect(matchUserAgent(undefined)).toBeNull();
    expect(matchUserAgent('')).toBeNull();
  });

  it('names the AI token appended to a browser user agent', () => {
    const manus = USER_AGENT_CATALOGUE.find((entry) => entry.framework === 'manus-user');
    expect(manus).toBeDefined();
    expect(matchUserAgent(manus!.example)?.framework).toBe('manus-user');
  });

  it('tells Node fetch from node-fetch', () => {
    expect(matchUserAgent('node')?.framework).toBe('node');
    expect(matchUserAgent('node-fetch')?.framework).toBe('node-fetch');
    expect(matchUserAgent('node-fetch/1.0 (+https://github.com/bitinn/node-fetch)')?.framework).toBe('node-fetch');
    expect(matchUserAgent('nodejs-app')).toBeNull();
  });

});
