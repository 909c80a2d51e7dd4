import type { Environment } from '@telltale/shared';

import type { RequestFacts } from '../classify/types';

/** User agent of desktop Chrome 131 on Windows, as the browser sends it after user-agent reduction. */
export const DESKTOP_CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/**
 * Environment facts of an ordinary desktop Chrome 131 on Windows: consistent user agent and
 * client hints, no webdriver flag, an outer window larger than the inner one (tabs and
 * toolbars) and smaller than the screen, no automation traces.
 */
export const DESKTOP_CHROME_ENV: Environment = {
  ua: DESKTOP_CHROME_UA,
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
  languages: ['en-US', 'en'],
  timezone: 'Europe/Berlin',
  timezoneOffsetMin: -60,
  screen: { w: 1920, h: 1080, availW: 1920, availH: 1040, dpr: 1, colorDepth: 24 },
  window: { innerW: 1280, innerH: 720, outerW: 1296, outerH: 831 },
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

/** Request facts of a beacon sent by `DESKTOP_CHROME_ENV`'s browser, received at `receivedAt` (ms since the epoch). */
export function desktopChromeRequest(receivedAt: number): RequestFacts {
  return {
    userAgent: DESKTOP_CHROME_UA,
    secChUa: '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
    secChUaMobile: '?0',
    secChUaPlatform: '"Windows"',
    acceptLanguage: 'en-US,en;q=0.9',
    secFetchSite: 'same-origin',
    secFetchMode: 'cors',
    secFetchDest: 'empty',
    receivedAt,
  };
}
