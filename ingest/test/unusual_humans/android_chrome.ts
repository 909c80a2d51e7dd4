import type { Environment } from '@telltale/shared';

import type { RequestFacts } from '../../src/classify/types';
import { requestHeaders } from '../support/beacons';

/** User agent of Chrome 131 on an Android phone, as the browser sends it after user-agent reduction. */
export const ANDROID_CHROME_UA =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/**
 * Environment facts of an ordinary Chrome 131 on an Android phone: mobile client hints, five
 * touch points, no hover and a coarse pointer, and a window that fills the screen.
 */
export const ANDROID_CHROME_ENV: Environment = {
  ua: ANDROID_CHROME_UA,
  webdriver: false,
  uaData: {
    brands: [
      { brand: 'Google Chrome', version: '131' },
      { brand: 'Chromium', version: '131' },
      { brand: 'Not_A Brand', version: '24' },
    ],
    mobile: true,
    platform: 'Android',
  },
  languages: ['en-US', 'en'],
  timezone: 'Europe/Berlin',
  timezoneOffsetMin: -60,
  screen: { w: 412, h: 915, availW: 412, availH: 915, dpr: 2.625, colorDepth: 24 },
  window: { innerW: 412, innerH: 785, outerW: 412, outerH: 915 },
  timerResolutionMs: 0.1,
  hardwareConcurrency: 8,
  deviceMemory: 4,
  maxTouchPoints: 5,
  pdfViewerEnabled: false,
  pluginCount: 0,
  hover: false,
  finePointer: false,
  traces: [],
  webgl: 'native',
};

/** Request facts of a beacon sent by `ANDROID_CHROME_ENV`'s browser, received at `receivedAt` (ms since the epoch). */
export function androidChromeRequest(receivedAt: number): RequestFacts {
  return {
    userAgent: ANDROID_CHROME_UA,
    secChUa: '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
    secChUaMobile: '?1',
    secChUaPlatform: '"Android"',
    acceptLanguage: 'en-US,en;q=0.9',
    secFetchSite: 'same-origin',
    secFetchMode: 'cors',
    secFetchDest: 'empty',
    receivedAt,
  };
}

/** Request headers matching `androidChromeRequest`, for posting beacons over HTTP. */
export const ANDROID_CHROME_HEADERS: Record<string, string> = requestHeaders(androidChromeRequest(0));
