import type { Beacon } from '@telltale/shared';

import type { BeaconInput, RequestFacts } from '../../src/classify/types';
import { DESKTOP_CHROME_ENV, desktopChromeRequest } from '../../src/recordings/desktop_chrome';

export { DESKTOP_CHROME_ENV };

/** Returns the HTTP request headers that carry the given request facts. */
export function requestHeaders(facts: RequestFacts): Record<string, string> {
  const headers: Record<string, string | null> = {
    'user-agent': facts.userAgent,
    'sec-ch-ua': facts.secChUa,
    'sec-ch-ua-mobile': facts.secChUaMobile,
    'sec-ch-ua-platform': facts.secChUaPlatform,
    'accept-language': facts.acceptLanguage,
    'sec-fetch-site': facts.secFetchSite,
    'sec-fetch-mode': facts.secFetchMode,
    'sec-fetch-dest': facts.secFetchDest,
  };
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== null));
}

/** Request headers that desktop Chrome 131 sends with a same-origin `fetch`, matching `DESKTOP_CHROME_ENV`. */
export const DESKTOP_CHROME_HEADERS: Record<string, string> = requestHeaders(desktopChromeRequest(0));

let counter = 0;

/** Returns a new random-looking session id. */
export function newSessionId(): string {
  counter += 1;
  return `test${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** A first beacon of a page load with the desktop environment and no interaction. */
export function emptyBeacon(overrides: Partial<Beacon> = {}): Beacon {
  return {
    v: 1,
    site: 'pk_demo',
    sid: newSessionId(),
    seq: 0,
    page: 0,
    path: '/demo/',
    sentAt: 900,
    env: DESKTOP_CHROME_ENV,
    events: [{ type: 'nav', t: 12.5, kind: 'load', path: '/demo/' }],
    ...overrides,
  };
}

/** Posts a beacon as the SDK does (text/plain JSON) with desktop Chrome headers. */
export function postBeacon(url: string, beacon: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/v1/collect`, {
    method: 'POST',
    headers: { ...DESKTOP_CHROME_HEADERS, 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof beacon === 'string' ? beacon : JSON.stringify(beacon),
  });
}

/** Turns a converted recording's beacon into the wire beacon the SDK would send for session `sid`. */
export function toWireBeacon(input: BeaconInput, sid: string): Beacon {
  const lastEvent = input.events[input.events.length - 1];
  return {
    v: 1,
    site: 'pk_demo',
    sid,
    seq: input.seq,
    page: input.page,
    path: input.path,
    sentAt: lastEvent ? lastEvent.t + 1 : 0,
    env: input.env,
    events: input.events,
  };
}
