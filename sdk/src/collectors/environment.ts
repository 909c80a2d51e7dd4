import type { Environment } from '@telltale/shared';

import { findAutomationTraces } from './automation_traces';
import { measureTimerResolution } from './timer_resolution';
import { classifyWebglRenderer } from './webgl_renderer';

/** Navigator properties that lib.dom.d.ts does not declare (Chromium only). */
interface NavigatorExtras {
  userAgentData?: { brands: { brand: string; version: string }[]; mobile: boolean; platform: string };
  deviceMemory?: number;
}

/**
 * Collects the environment facts sent with the first beacon of each page load: only values
 * the page can read without a permission prompt.
 */
export function collectEnvironment(): Environment {
  const nav = navigator as Navigator & NavigatorExtras;
  const hints = nav.userAgentData;
  // NOTE: only the user agent and the language list are cut to the schema's limits. The other
  // values come from the browser and stay far below theirs.

  const env: Environment = {
    ua: nav.userAgent.slice(0, 512),
    webdriver: typeof nav.webdriver === 'boolean' ? nav.webdriver : null,
    languages: nav.languages.slice(0, 20),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    timezoneOffsetMin: new Date().getTimezoneOffset(),
    screen: {
      w: screen.width,
      h: screen.height,
      availW: screen.availWidth,
      availH: screen.availHeight,
      dpr: devicePixelRatio,
      colorDepth: screen.colorDepth,
    },
    window: { innerW: innerWidth, innerH: innerHeight, outerW: outerWidth, outerH: outerHeight },
    timerResolutionMs: measureTimerResolution(),
    hardwareConcurrency: nav.hardwareConcurrency,
    maxTouchPoints: nav.maxTouchPoints,
    pdfViewerEnabled: nav.pdfViewerEnabled,
    pluginCount: nav.plugins?.length,
    hover: matchMedia('(any-hover: hover)').matches,
    finePointer: matchMedia('(any-pointer: fine)').matches,
    traces: findAutomationTraces(),
    webgl: classifyWebglRenderer(),
  };

  if (hints) env.uaData = { brands: hints.brands.slice(0, 10), mobile: hints.mobile, platform: hints.platform };
  if (nav.deviceMemory) env.deviceMemory = nav.deviceMemory;
  return env;
}
