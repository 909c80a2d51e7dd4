import type { Environment } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { DESKTOP_CHROME_ENV, desktopChromeRequest } from '../recordings/desktop_chrome';
import { HUMAN_FIXTURE_FAMILIES, loadDelbotFixtures } from '../../test/recordings/fixtures';
import { replaySession } from '../recordings/replay_session';
import { ANDROID_CHROME_ENV, androidChromeRequest } from '../../test/unusual_humans/android_chrome';
import { evaluateBeacon } from './evaluate_beacon';
import type { BeaconInput, RequestFacts } from './types';

const RECEIVED_AT = Date.UTC(2025, 0, 1);

/** Brave 131 on Windows: Chrome's user agent, its own client-hint brand, farbled hardware values. */
const BRAVE_ENV: Environment = {
  ...DESKTOP_CHROME_ENV,
  uaData: {
    brands: [
      { brand: 'Brave', version: '131' },
      { brand: 'Chromium', version: '131' },
      { brand: 'Not_A Brand', version: '24' },
    ],
    mobile: false,
    platform: 'Windows',
  },
  hardwareConcurrency: 4,
  webgl: 'angle',
};

function braveRequest(receivedAt: number): RequestFacts {
  return { ...desktopChromeRequest(receivedAt), secChUa: '"Brave";v="131", "Chromium";v="131", "Not_A Brand";v="24"' };
}

const WEBVIEW_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36';

/** An app's Android WebView: mobile client hints, a window that fills the screen, no PDF viewer, a driver-named GPU. */
const ANDROID_WEBVIEW_ENV: Environment = {
  ...ANDROID_CHROME_ENV,
  ua: WEBVIEW_UA,
  uaData: {
    ...ANDROID_CHROME_ENV.uaData!,
    brands: [
      { brand: 'Android WebView', version: '131' },
      { brand: 'Chromium', version: '131' },
      { brand: 'Not_A Brand', version: '24' },
    ],
  },
  languages: ['en-GB'],
  timezone: 'Europe/London',
  timezoneOffsetMin: 0,
  window: { innerW: 412, innerH: 915, outerW: 412, outerH: 915 },
  deviceMemory: 8,
};

function webviewRequest(receivedAt: number): RequestFacts {
  return {
    ...androidChromeRequest(receivedAt),
    userAgent: WEBVIEW_UA,
    secChUa: '"Android WebView";v="131", "Chromium";v="131", "Not_A Brand";v="24"',
    acceptLanguage: 'en-GB,en;q=0.9',
  };
}

/** Desktop Chrome with "Download PDFs" on: no PDF viewer and an empty plugin list, as old headless Chrome had. */
const CHROME_PDF_OFF_ENV: Environment = { ...DESKTOP_CHROME_ENV, pdfViewerEnabled: false, pluginCount: 0, webgl: 'angle' };

const FIREFOX_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** Firefox 133 with the developer tools docked at the bottom: a short inner window in a tall outer one. */
const FIREFOX_DEVTOOLS_ENV: Environment = {
  ua: FIREFOX_UA,
  webdriver: false,
  languages: ['en-US', 'en'],
  timezone: 'America/New_York',
  timezoneOffsetMin: 300,
  screen: { w: 1920, h: 1080, availW: 1920, availH: 1040, dpr: 1, colorDepth: 24 },
  window: { innerW: 1280, innerH: 420, outerW: 1296, outerH: 1040 },
  timerResolutionMs: 1,
  hardwareConcurrency: 8,
  maxTouchPoints: 0,
  pdfViewerEnabled: true,
  pluginCount: 5,
  hover: true,
  finePointer: true,
  traces: [],
  webgl: 'native',
};

function firefoxRequest(receivedAt: number): RequestFacts {
  return {
    userAgent: FIREFOX_UA,
    secChUa: null,
    secChUaMobile: null,
    secChUaPlatform: null,
    acceptLanguage: 'en-US,en;q=0.5',
    secFetchSite: 'same-origin',
    secFetchMode: 'cors',
    secFetchDest: 'empty',
    receivedAt,
  };
}

const ENVIRONMENTS = [
  { name: 'Brave', env: BRAVE_ENV, request: braveRequest },
  { name: 'Brave with WebGL spoofed', env: { ...BRAVE_ENV, webgl: 'native' as const }, request: braveRequest },
  { name: 'Android WebView', env: ANDROID_WEBVIEW_ENV, request: webviewRequest },
  { name: 'Chrome with PDF viewer off', env: CHROME_PDF_OFF_ENV, request: desktopChromeRequest },
  { name: 'Firefox with devtools open', env: FIREFOX_DEVTOOLS_ENV, request: firefoxRequest },
];

/** Gives every beacon of a recording the environment of another browser. */
function withEnvironment(beacons: readonly BeaconInput[], env: Environment): BeaconInput[] {
  return beacons.map((beacon) => (beacon.env === undefined ? beacon : { ...beacon, env }));
}

describe('environment probes on real browsers', () => {
  const humanRecordings = HUMAN_FIXTURE_FAMILIES.flatMap((family) => loadDelbotFixtures(family).slice(0, 2));

  it.each(ENVIRONMENTS)('$name with human input is human', ({ env, request }) => {
    for (const recording of humanRecordings) {
      const steps = replaySession(withEnvironment(recording.beacons, env), request);
      const last = steps[steps.length - 1]!;
      expect(last.decision.cls, recording.file).toBe('human');
    }
  });

  it.each(ENVIRONMENTS)('$name alone is not automation', ({ env, request }) => {
    const { decision } = evaluateBeacon(null, { seq: 0, page: 0, path: '/demo/', env, events: [] }, request(RECEIVED_AT));
    expect(decision.cls).toBe('unknown');
    expect(decision.score).toBeLessThan(0.9);
  });
});

describe('environment probes on automated browsers', () => {
  /** Headless Chromium under playwright-extra's stealth plugin: a Windows user agent on a 1280×720 screen with a spoofed renderer. */
  const STEALTH_ENV: Environment = {
    ...DESKTOP_CHROME_ENV,
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    uaData: {
      brands: [
        { brand: ' Not A;Brand', version: '99' },
        { brand: 'Chromium', version: '156' },
        { brand: 'Google Chrome', version: '156' },
      ],
      mobile: false,
      platform: 'Windows',
    },
    screen: { w: 1280, h: 720, availW: 1280, availH: 720, dpr: 1, colorDepth: 24 },
    window: { innerW: 1280, innerH: 720, outerW: 1280, outerH: 805 },
    webgl: 'native',
  };

  function stealthRequest(receivedAt: number): RequestFacts {
    return {
      ...desktopChromeRequest(receivedAt),
      userAgent: STEALTH_ENV.ua,
      secChUa: '" Not A;Brand";v="99", "Chromium";v="156", "Google Chrome";v="156"',
    };
  }

  it('flags the stealth plugin renderer', () => {
    const { decision } = evaluateBeacon(null, { seq: 0, page: 0, path: '/demo/', env: STEALTH_ENV, events: [] }, stealthRequest(RECEIVED_AT));
    expect(decision.cls).toBe('rogue_bot');
    expect(decision.reasons).toEqual(['webgl_renderer_mismatch', 'headless_window']);
  });

  it('flags software WebGL only as support', () => {
    const env: Environment = { ...DESKTOP_CHROME_ENV, webgl: 'software' };
    const alone = evaluateBeacon(null, { seq: 0, page: 0, path: '/demo/', env, events: [] }, desktopChromeRequest(RECEIVED_AT));
    expect(alone.decision.cls).toBe('unknown');
    expect(alone.decision.evidence.map((item) => item.code)).not.toContain('software_renderer');

    const headless: Environment = { ...env, window: { ...env.window, outerW: 0, outerH: 0 } };
    const together = evaluateBeacon(null, { seq: 0, page: 0, path: '/demo/', env: headless, events: [] }, desktopChromeRequest(RECEIVED_AT));
    expect(together.decision.cls).toBe('rogue_bot');
    expect(together.decision.reasons).toEqual(['headless_window', 'software_renderer']);
  });

  it('ignores the renderer of old Chromium', () => {
    const env: Environment = { ...DESKTOP_CHROME_ENV, ua: DESKTOP_CHROME_ENV.ua.replace('Chrome/131', 'Chrome/100'), webgl: 'native' };
    const { features } = evaluateBeacon(null, { seq: 0, page: 0, path: '/', env, events: [] }, desktopChromeRequest(RECEIVED_AT));
    expect(features.webglRendererMismatch).toBeNull();
  });
});
