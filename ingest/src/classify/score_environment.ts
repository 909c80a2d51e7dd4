import type { Evidence } from '@telltale/shared';

import type { EnvironmentExtraction } from '../features/environment';
import {
  WEIGHT_AUTOMATION_UA,
  WEIGHT_BOT_UA,
  WEIGHT_CLIENT_HINTS_MISMATCH,
  WEIGHT_FRAMEWORK_TRACE,
  WEIGHT_OUTER_WINDOW_ZERO,
  WEIGHT_SOFTWARE_RENDERER,
  WEIGHT_USER_AGENT_MISMATCH,
  WEIGHT_WEBDRIVER,
  WEIGHT_WEBGL_RENDERER_MISMATCH,
  WEIGHT_WINDOW_FILLS_SCREEN,
  WEIGHT_WINDOW_LARGER_THAN_SCREEN,
} from './thresholds';

/** Environment evidence of one page load. */
export interface EnvironmentScore {
  evidence: Evidence[];
  /** The browser or client says it is automated (webdriver flag, headless or bot user agent). */
  declared: boolean;
}

/**
 * Turns environment features into evidence. Declared automation (webdriver flag, headless
 * token, bot user agent) makes a session `unverified_agent`; the other items are automation
 * that hides itself.
 *
 * Provenance: headless Chromium 156 (Debian build) under Playwright reports
 * `webdriver: true` and `HeadlessChrome/156` in its user agent. Launched with
 * `--disable-blink-features=AutomationControlled` and a replaced user agent, it keeps the
 * `Chromium 156` brand in `userAgentData` and `Sec-CH-UA`, so the brand contradicts the new user agent.
 */
export function scoreEnvironment({ features, facts }: EnvironmentExtraction): EnvironmentScore {
  const evidence: Evidence[] = [];
  if (features.webdriver === 1) {
    evidence.push({ code: 'webdriver_flag', feature: 'webdriver', value: true, threshold: 'true', weight: WEIGHT_WEBDRIVER });
  }
  if (facts.automationUaToken !== null) {
    evidence.push({
      code: 'automation_user_agent',
      feature: 'automationUaToken',
      value: facts.automationUaToken,
      weight: WEIGHT_AUTOMATION_UA,
    });
  }
  if (facts.botUaMatch !== null) {
    evidence.push({ code: 'bot_user_agent', feature: 'botUserAgent', value: facts.botUaMatch, weight: WEIGHT_BOT_UA });
  }
  const declared = evidence.length > 0;

  if (facts.trace !== null) {
    evidence.push({
      code: 'automation_framework_trace',
      feature: 'traces',
      value: facts.trace,
      weight: WEIGHT_FRAMEWORK_TRACE,
    });
  }
  if (features.clientHintsVersionMismatch === 1) {
    const hintMajor = features.clientHintsChromiumMajor ?? features.headerChromiumMajor ?? 'unknown';
    evidence.push({
      code: 'client_hints_mismatch',
      feature: 'clientHintsVersionMismatch',
      value: `Chrome/${features.uaChromeMajor} vs Chromium ${hintMajor}`,
      threshold: 'equal major versions',
      weight: WEIGHT_CLIENT_HINTS_MISMATCH,
    });
  } else if (features.clientHintsPlatformMismatch === 1 || features.clientHintsMobileMismatch === 1) {
    const feature = features.clientHintsPlatformMismatch === 1 ? 'clientHintsPlatformMismatch' : 'clientHintsMobileMismatch';
    evidence.push({
      code: 'client_hints_mismatch',
      feature,
      value: true,
      threshold: 'false',
      weight: WEIGHT_CLIENT_HINTS_MISMATCH,
    });
  }
  if (features.requestUaMismatch === 1) {
    evidence.push({
      code: 'user_agent_mismatch',
      feature: 'requestUaMismatch',
      value: true,
      threshold: 'false',
      weight: WEIGHT_USER_AGENT_MISMATCH,
    });
  }
  if (features.outerWindowZero === 1) {
    evidence.push({ code: 'headless_window', feature: 'outerWindowZero', value: true, threshold: 'false', weight: WEIGHT_OUTER_WINDOW_ZERO });
  } else if (features.windowLargerThanScreen === 1) {
    evidence.push({
      code: 'headless_window',
      feature: 'windowLargerThanScreen',
      value: true,
      threshold: 'false',
      weight: WEIGHT_WINDOW_LARGER_THAN_SCREEN,
    });
  } else if (features.windowFillsScreen === 1 && evidence.length > 0) {
    // Kiosk, fullscreen and mobile browsers also fill the screen, so this only adds to other evidence.
    evidence.push({
      code: 'headless_window',
      feature: 'windowFillsScreen',
      value: true,
      threshold: 'false',
      weight: WEIGHT_WINDOW_FILLS_SCREEN,
    });
  }
  if (features.webglSoftware === 1 && evidence.length > 0) {
    // VMs, remote desktops and machines without a usable GPU render on the CPU too, so this only adds to other evidence.
    evidence.push({ code: 'software_renderer', feature: 'webglSoftware', value: true, threshold: 'false', weight: WEIGHT_SOFTWARE_RENDERER });
  }
  if (features.webglRendererMismatch === 1) {
    evidence.push({
      code: 'webgl_renderer_mismatch',
      feature: 'webglRendererMismatch',
      value: true,
      threshold: 'false',
      weight: WEIGHT_WEBGL_RENDERER_MISMATCH,
    });
  }
  return { evidence, declared };
}
