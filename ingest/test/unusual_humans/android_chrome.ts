import type { Environment } from '@telltale/shared';

import type { RequestFacts } from '../../src/classify/types';
import { DESKTOP_CHROME_ENV, desktopChromeRequest } from '../../src/recordings/desktop_chrome';
import { requestHeaders } from '../support/beacons';

/** User agent of Chrome 131 on an Android phone, as the browser sends it after user-agent reduction. */
export const ANDROID_CHROME_UA =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/**
 * Environment facts of an ordinary Chrome 131 on an Android phone: mobile client hints, five
 * touch points, no hover and a coarse pointer, and a window that fills the screen.
 */
export const ANDROID_CHROME_ENV: Environment = {
  ...DESKTOP_CHROME_ENV,
  ua: ANDROID_CHROME_UA,
  uaData: { ...DESKTOP_CHROME_ENV.uaData!, mobile: true, platform: 'Android' },
  screen: { w: 412, h: 915, availW: 412, availH: 915, dpr: 2.625, colorDepth: 24 },
  window: { innerW: 412, innerH: 785, outerW: 412, outerH: 915 },
  deviceMemory: 4,
  maxTouchPoints: 5,
  pdfViewerEnabled: false,
  pluginCount: 0,
  hover: false,
  finePointer: false,
  webgl: 'native',
};

/** Request facts of a beacon sent by `ANDROID_CHROME_ENV`'s browser, received at `receivedAt` (ms since the epoch). */
export function androidChromeRequest(receivedAt: number): RequestFacts {
  return { ...desktopChromeRequest(receivedAt), userAgent: ANDROID_CHROME_UA, secChUaMobile: '?1', secChUaPlatform: '"Android"' };
}

/** Request headers matching `androidChromeRequest`, for posting beacons over HTTP. */
export const ANDROID_CHROME_HEADERS: Record<string, string> = requestHeaders(androidChromeRequest(0));
