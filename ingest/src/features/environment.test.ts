import type { Environment } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { DESKTOP_CHROME_ENV, desktopChromeRequest } from '../recordings/desktop_chrome';
import {
  PLAYWRIGHT_HEADLESS_ENV,
  playwrightHeadlessRequest,
  STEALTH_PLAYWRIGHT_ENV,
  stealthPlaywrightRequest,
} from '../../test/recordings/playwright_streams';
import { extractEnvironmentFeatures, parseSecChUa } from './environment';

const request = desktopChromeRequest(0);

function withEnv(patch: Partial<Environment>): Environment {
  return { ...DESKTOP_CHROME_ENV, ...patch };
}

describe('extractEnvironmentFeatures', () => {
  it('finds nothing wrong with ordinary desktop Chrome', () => {
    const { features, facts } = extractEnvironmentFeatures(DESKTOP_CHROME_ENV, request);
    expect(features.webdriver).toBe(0);
    expect(features.automationUaToken).toBe(0);
    expect(features.botUserAgent).toBe(0);
    expect(features.clientHintsVersionMismatch).toBe(0);
    expect(features.clientHintsPlatformMismatch).toBe(0);
    expect(features.clientHintsMobileMismatch).toBe(0);
    expect(features.requestUaMismatch).toBe(0);
    expect(features.windowFillsScreen).toBe(0);
    expect(features.outerWindowZero).toBe(0);
    expect(facts.trace).toBeNull();
  });

  it('reads headless Playwright as declared automation', () => {
    const { features, facts } = extractEnvironmentFeatures(PLAYWRIGHT_HEADLESS_ENV, playwrightHeadlessRequest(0));
    expect(features.webdriver).toBe(1);
    expect(facts.automationUaToken).toBe('HeadlessChrome');
    expect(facts.botUaMatch).toBeNull();
    expect(features.windowFillsScreen).toBe(1);
    expect(features.clientHintsVersionMismatch).toBe(0);
  });

  it('flags a user agent whose version contradicts the client hints', () => {
    const { features } = extractEnvironmentFeatures(STEALTH_PLAYWRIGHT_ENV, stealthPlaywrightRequest(0));
    expect(features.uaChromeMajor).toBe(131);
    expect(features.clientHintsChromiumMajor).toBe(156);
    expect(features.headerChromiumMajor).toBe(156);
    expect(features.clientHintsVersionMismatch).toBe(1);
    expect(features.webdriver).toBe(0);
  });

  it('flags a user agent whose platform contradicts the client hints', () => {
    const env = withEnv({ uaData: { ...DESKTOP_CHROME_ENV.uaData!, platform: 'Linux' } });
    expect(extractEnvironmentFeatures(env, { ...request, secChUaPlatform: '"Linux"' }).features.clientHintsPlatformMismatch).toBe(1);
  });

  it('flags a mobile user agent with desktop client hints', () => {
    const ua = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
    const env = withEnv({ ua, uaData: { ...DESKTOP_CHROME_ENV.uaData!, platform: 'Android' } });
    expect(extractEnvironmentFeatures(env, { ...request, userAgent: ua, secChUaPlatform: '"Android"' }).features.clientHintsMobileMismatch).toBe(1);
  });

  it('leaves client-hint checks unknown for browsers without them', () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
    const env = withEnv({ ua, uaData: undefined });
    const { features } = extractEnvironmentFeatures(env, { ...request, userAgent: ua, secChUa: null, secChUaPlatform: null });
    expect(features.clientHintsVersionMismatch).toBeNull();
    expect(features.clientHintsMobileMismatch).toBeNull();
  });

  it('flags a beacon request whose user agent differs from the page', () => {
    const { features } = extractEnvironmentFeatures(DESKTOP_CHROME_ENV, { ...request, userAgent: 'python-requests/2.32.3' });
    expect(features.requestUaMismatch).toBe(1);
    expect(features.botUserAgent).toBe(1);
  });

  it.each([
    { ua: 'curl/8.5.0', framework: 'curl' },
    { ua: 'python-requests/2.32.3', framework: 'python-requests' },
    { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', framework: null },
  ])('recognises $ua as a bot user agent', ({ ua, framework }) => {
    const { features, facts } = extractEnvironmentFeatures(withEnv({ ua }), { ...request, userAgent: ua });
    expect(features.botUserAgent).toBe(1);
    expect(facts.uaFramework).toBe(framework);
  });

  it.each([
    { trace: 'cdc_adoQpoasnfa76pfcZLmcfl_Array', framework: 'selenium' },
    { trace: '$cdc_asdjflasutopfhvcZLmcfl_', framework: 'selenium' },
    { trace: '__playwright__binding__', framework: 'playwright' },
    { trace: '__puppeteer_evaluation_script__', framework: 'puppeteer' },
    { trace: 'callPhantom', framework: 'phantomjs' },
  ])('names $framework from the trace $trace', ({ trace, framework }) => {
    const { features, facts } = extractEnvironmentFeatures(withEnv({ traces: [trace] }), request);
    expect(features.traceCount).toBe(1);
    expect(facts.traceFramework).toBe(framework);
  });

  it.each([
    { name: 'a zero outer window', window: { innerW: 800, innerH: 600, outerW: 0, outerH: 0 }, feature: 'outerWindowZero' as const },
    { name: 'a window larger than the screen', window: { innerW: 2400, innerH: 1300, outerW: 2400, outerH: 1400 }, feature: 'windowLargerThanScreen' as const },
  ])('flags $name', ({ window, feature }) => {
    expect(extractEnvironmentFeatures(withEnv({ window }), request).features[feature]).toBe(1);
  });
});

describe('parseSecChUa', () => {
  it('parses brands and versions', () => {
    expect(parseSecChUa('"Not:A-Brand";v="8", "Chromium";v="156"')).toEqual([
      { brand: 'Not:A-Brand', version: '8' },
      { brand: 'Chromium', version: '156' },
    ]);
  });

  it('returns no brands for a missing header', () => {
    expect(parseSecChUa(null)).toEqual([]);
  });
});
