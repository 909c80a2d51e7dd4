import { describe, expect, it } from 'vitest';

import { analyseRequestHeaders } from '../src/analyse_request_headers';
import { isPathInScopes } from '../src/classify_request';
import { cacheLifetime } from '../src/web_bot_auth/key_directory';

const URL_LOCAL = 'http://127.0.0.1:8787/demo/api/whoami';
const URL_PLAIN_HTTP = 'http://shop.example/api';
const CHROME_131 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_133 = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** Headers Chrome 131 on Windows sends with a same-origin fetch. */
const CHROME_FETCH_HEADERS = {
  'user-agent': CHROME_131,
  accept: '*/*',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'en-GB,en;q=0.9',
  'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Windows"',
  'sec-fetch-dest': 'empty',
  'sec-fetch-mode': 'cors',
  'sec-fetch-site': 'same-origin',
};

function weightOf(url: string, headers: Record<string, string>): number {
  return analyseRequestHeaders(url, new Headers(headers)).evidence.reduce((sum, item) => sum + item.weight, 0);
}

describe('analyseRequestHeaders', () => {
  it('finds no evidence in Chrome fetch headers', () => {
    expect(analyseRequestHeaders(URL_LOCAL, new Headers(CHROME_FETCH_HEADERS)).evidence).toEqual([]);
  });

  it('adds up a bare Chrome user agent', () => {
    const analysis = analyseRequestHeaders(URL_LOCAL, new Headers({ 'user-agent': CHROME_131, accept: '*/*' }));
    expect(analysis.declaresAutomation).toBe(false);
    expect(analysis.evidence.map((item) => item.code)).toEqual(['browser_headers_missing']);
    expect(analysis.evidence[0]!.value).toBe('accept-language, accept-encoding, sec-fetch-mode, sec-ch-ua');
    expect(weightOf(URL_LOCAL, { 'user-agent': CHROME_131 })).toBeGreaterThanOrEqual(2.5);
  });

  it('keeps each single gap under the threshold', () => {
    for (const name of ['accept-language', 'accept-encoding', 'sec-fetch-mode', 'sec-ch-ua']) {
      const headers: Record<string, string> = { ...CHROME_FETCH_HEADERS };
      delete headers[name];
      expect(weightOf(URL_LOCAL, headers), name).toBeLessThan(2.5);
    }
  });

  it('expects no client hints over plain HTTP', () => {
    const headers: Record<string, string> = { ...CHROME_FETCH_HEADERS };
    delete headers['sec-ch-ua'];
    expect(analyseRequestHeaders(URL_PLAIN_HTTP, new Headers(headers)).evidence).toEqual([]);
  });

  it('flags a brand version that contradicts the user agent', () => {
    const headers = { ...CHROME_FETCH_HEADERS, 'sec-ch-ua': '"Chromium";v="156", "Not:A-Brand";v="8"' };
    const analysis = analyseRequestHeaders(URL_LOCAL, new Headers(headers));
    expect(analysis.evidence.map((item) => item.code)).toEqual(['client_hints_mismatch']);
    expect(analysis.evidence[0]!.weight).toBeLessThan(2.5);
  });

  it('flags a platform that contradicts the user agent', () => {
    const headers = { ...CHROME_FETCH_HEADERS, 'sec-ch-ua-platform': '"Linux"' };
    expect(analyseRequestHeaders(URL_LOCAL, new Headers(headers)).evidence[0]!.value).toBe('platform linux vs windows');
  });

  it('accepts Firefox without client hints', () => {
    const headers = {
      'user-agent': FIREFOX_133,
      accept: '*/*',
      'accept-language': 'en-US,en;q=0.5',
      'accept-encoding': 'gzip, deflate, br, zstd',
      'sec-fetch-dest': 'empty',
      'sec-fetch-mode': 'cors',
      'sec-fetch-site': 'same-origin',
    };
    expect(analyseRequestHeaders(URL_LOCAL, new Headers(headers)).evidence).toEqual([]);
  });

  it('names a headless brand', () => {
    const headers = { ...CHROME_FETCH_HEADERS, 'sec-ch-ua': '"HeadlessChrome";v="131", "Chromium";v="131"' };
    const analysis = analyseRequestHeaders(URL_LOCAL, new Headers(headers));
    expect(analysis.declaresAutomation).toBe(true);
    expect(analysis.framework).toBe('headless-chrome');
  });

  it('uses isbot for generic crawlers', () => {
    const analysis = analyseRequestHeaders(URL_LOCAL, new Headers({ 'user-agent': 'Mozilla/5.0 (compatible; ExampleCrawler/2.1; +https://crawler.example)' }));
    expect(analysis.declaresAutomation).toBe(true);
    expect(analysis.evidence[0]!.code).toBe('bot_user_agent');
    expect(analysis.framework).toBeNull();
  });

  it('names the LangChain header set', () => {
    const headers = {
      'user-agent': CHROME_131,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8',
      'accept-language': 'en-US,en;q=0.5',
      referer: 'https://www.google.com/',
      dnt: '1',
    };
    const analysis = analyseRequestHeaders(URL_LOCAL, new Headers(headers));
    expect(analysis.framework).toBe('langchain');
    expect(analysis.evidence[0]!.code).toBe('framework_headers');
  });

  it('leaves a browser visit from Google alone', () => {
    const headers = {
      ...CHROME_FETCH_HEADERS,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8',
      referer: 'https://www.google.com/',
      dnt: '1',
      'sec-fetch-mode': 'navigate',
    };
    expect(analyseRequestHeaders(URL_LOCAL, new Headers(headers)).declaresAutomation).toBe(false);
  });

  it('reports a missing user agent', () => {
    expect(analyseRequestHeaders(URL_LOCAL, new Headers()).evidence[0]!.code).toBe('user_agent_missing');
  });
});

describe('isPathInScopes', () => {
  it('allows every path without route scopes', () => {
    expect(isPathInScopes('/anything', [])).toBe(true);
    expect(isPathInScopes('/anything', ['account:read'])).toBe(true);
  });

  it('matches whole path segments', () => {
    expect(isPathInScopes('/api/search', ['/api/search'])).toBe(true);
    expect(isPathInScopes('/api/search/more', ['/api/search'])).toBe(true);
    expect(isPathInScopes('/api/searchable', ['/api/search'])).toBe(false);
    expect(isPathInScopes('/api/searchable', ['/api/search*'])).toBe(true);
  });
});

describe('cacheLifetime', () => {
  it('reads max-age and caps it', () => {
    expect(cacheLifetime('public, max-age=60')).toBe(60_000);
    expect(cacheLifetime('max-age=999999999')).toBe(24 * 60 * 60 * 1000);
    expect(cacheLifetime('no-store')).toBe(0);
    expect(cacheLifetime(null)).toBe(5 * 60 * 1000);
  });
});
