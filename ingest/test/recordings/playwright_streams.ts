import type { BeaconEvent, Environment } from '@telltale/shared';

import type { RequestFacts } from '../../src/classify/types';
import { DESKTOP_CHROME_ENV, desktopChromeRequest } from '../../src/recordings/desktop_chrome';

/**
 * Event streams and environments of Playwright driving Debian's Chromium 156, built from the
 * events Playwright's actions dispatch (no browser needed), for classifier tests.
 */

export const HEADLESS_CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';

/** Environment of default headless Playwright on Chromium 156, as the SDK reports it. */
export const PLAYWRIGHT_HEADLESS_ENV: Environment = {
  ua: HEADLESS_CHROME_UA,
  webdriver: true,
  uaData: {
    brands: [
      { brand: 'Not:A-Brand', version: '8' },
      { brand: 'Chromium', version: '156' },
    ],
    mobile: false,
    platform: 'Linux',
  },
  languages: ['en-US'],
  timezone: 'UTC',
  timezoneOffsetMin: 0,
  screen: { w: 1280, h: 720, availW: 1280, availH: 720, dpr: 1, colorDepth: 24 },
  window: { innerW: 1280, innerH: 720, outerW: 1280, outerH: 720 },
  timerResolutionMs: 0.1,
  hardwareConcurrency: 4,
  maxTouchPoints: 0,
  pdfViewerEnabled: true,
  pluginCount: 5,
  hover: true,
  finePointer: true,
  traces: [],
};

export function playwrightHeadlessRequest(receivedAt: number): RequestFacts {
  return {
    ...desktopChromeRequest(receivedAt),
    userAgent: HEADLESS_CHROME_UA,
    secChUa: '"Not:A-Brand";v="8", "Chromium";v="156"',
    secChUaPlatform: '"Linux"',
  };
}

/**
 * Environment of Playwright launched with `--disable-blink-features=AutomationControlled`
 * and a desktop Chrome 131 user agent: the webdriver flag is off, but the client-hint
 * brands still name Chromium 156, and the window fills the screen.
 */
export const STEALTH_PLAYWRIGHT_ENV: Environment = {
  ...PLAYWRIGHT_HEADLESS_ENV,
  ua: DESKTOP_CHROME_ENV.ua,
  webdriver: false,
  uaData: { ...PLAYWRIGHT_HEADLESS_ENV.uaData!, platform: 'Windows' },
};

export function stealthPlaywrightRequest(receivedAt: number): RequestFacts {
  return {
    ...desktopChromeRequest(receivedAt),
    secChUa: '"Not:A-Brand";v="8", "Chromium";v="156"',
    secChUaPlatform: '"Windows"',
  };
}

/** A sign-in form's fields (indexes) and submit button geometry, as laid out in the tests. */
const USERNAME_FIELD = 0;
const PASSWORD_FIELD = 1;
const BUTTON = { x: 640, y: 400, w: 120, h: 36 };

/**
 * Builds `page.fill('#username', …)`, `page.fill('#password', …)` then `page.click('button')`.
 * Fill focuses the field and inserts the whole string with one `insertText` input event
 * and no key events. Click moves the pointer in one step to the button's centre, presses,
 * releases and clicks at offset (0, 0).
 */
export function fillAndClickEvents(start: number): BeaconEvent[] {
  return [
    { type: 'focus', t: start, kind: 'focus', field: USERNAME_FIELD, fieldKind: 'text' },
    { type: 'input', t: start + 1, field: USERNAME_FIELD, inputType: 'insertText', delta: 9 },
    { type: 'focus', t: start + 12, kind: 'blur', field: USERNAME_FIELD, fieldKind: 'text' },
    { type: 'focus', t: start + 12, kind: 'focus', field: PASSWORD_FIELD, fieldKind: 'password' },
    { type: 'input', t: start + 13, field: PASSWORD_FIELD, inputType: 'insertText', delta: 12 },
    { type: 'pointer', t: start + 40, kind: 'move', x: BUTTON.x, y: BUTTON.y },
    { type: 'pointer', t: start + 42, kind: 'down', x: BUTTON.x, y: BUTTON.y, buttons: 1 },
    { type: 'pointer', t: start + 44, kind: 'up', x: BUTTON.x, y: BUTTON.y, buttons: 0 },
    { type: 'click', t: start + 44, x: BUTTON.x, y: BUTTON.y, dx: 0, dy: 0, w: BUTTON.w, h: BUTTON.h, detail: 1, button: 0 },
    { type: 'submit', t: start + 45, fields: 2 },
  ];
}

/**
 * `locator.pressSequentially(text, { delay })` on a focused field: each key goes down,
 * stays down exactly `delay` ms, goes up, and the next key goes down 1–3 ms later (the
 * protocol round trip). Every key inserts one character.
 */
export function pressSequentiallyEvents(start: number, field: number, length: number, delay = 80): BeaconEvent[] {
  const events: BeaconEvent[] = [{ type: 'focus', t: start, kind: 'focus', field, fieldKind: 'text' }];
  let t = start + 5;
  for (let i = 0; i < length; i += 1) {
    events.push({ type: 'key', t, phase: 'down', cls: 'letter', field });
    events.push({ type: 'input', t: t + 0.3, field, inputType: 'insertText', delta: 1 });
    t += delay;
    events.push({ type: 'key', t, phase: 'up', cls: 'letter', field });
    t += 1 + (i % 3);
  }
  return events;
}

/**
 * `page.mouse.move(x, y, { steps })`: evenly spaced points on the straight line from the
 * current position, each dispatched after a protocol round trip of 2–4 ms.
 */
export function mouseMoveEvents(
  start: number,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 20,
): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let t = start;
  for (let i = 1; i <= steps; i += 1) {
    t += 2 + (i % 3);
    events.push({
      type: 'pointer',
      t,
      kind: 'move',
      x: from.x + ((to.x - from.x) * i) / steps,
      y: from.y + ((to.y - from.y) * i) / steps,
    });
  }
  return events;
}

/** Builds the stealth session's actions: straight mouse moves to each field, then typing with a fixed delay. */
export function stealthSignInEvents(start: number): BeaconEvent[] {
  const toUsername = mouseMoveEvents(start, { x: 0, y: 0 }, { x: 600, y: 250 });
  const typeUsername = pressSequentiallyEvents(start + 200, USERNAME_FIELD, 9);
  const afterUsername = (typeUsername[typeUsername.length - 1] as BeaconEvent).t;
  const toPassword = mouseMoveEvents(afterUsername + 50, { x: 600, y: 250 }, { x: 600, y: 320 });
  const typePassword = pressSequentiallyEvents(afterUsername + 300, PASSWORD_FIELD, 12);
  return [...toUsername, ...typeUsername, ...toPassword, ...typePassword];
}
