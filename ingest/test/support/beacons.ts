import type { Beacon, Environment } from '@telltale/shared';

/** Environment facts of an ordinary desktop Chrome 131 on Windows, with consistent client hints. */
export const DESKTOP_CHROME_ENV: Environment = {
  ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  webdriver: false,
  uaData: {
    brands: [
      { brand: 'Google Chrome', version: '131' },
      { brand: 'Chromium', version: '131' },
      { brand: 'Not_A Brand', version: '24' },
    ],
    mobile: false,
    platform: 'Windows',
  },
  languages: ['en-GB', 'en'],
  timezone: 'Europe/London',
  timezoneOffsetMin: 0,
  screen: { w: 1920, h: 1080, availW: 1920, availH: 1040, dpr: 1, colorDepth: 24 },
  window: { innerW: 1536, innerH: 776, outerW: 1552, outerH: 880 },
  timerResolutionMs: 0.1,
  hardwareConcurrency: 8,
  deviceMemory: 8,
  maxTouchPoints: 0,
  pdfViewerEnabled: true,
  pluginCount: 5,
  hover: true,
  finePointer: true,
  traces: [],
};

/** Request headers that desktop Chrome 131 sends with a same-origin `fetch`. */
export const DESKTOP_CHROME_HEADERS: Record<string, string> = {
  'user-agent': DESKTOP_CHROME_ENV.ua,
  'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Windows"',
  'accept-language': 'en-GB,en;q=0.9',
  'sec-fetch-site': 'same-origin',
  'sec-fetch-mode': 'cors',
  'sec-fetch-dest': 'empty',
};

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
