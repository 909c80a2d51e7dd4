import type { Evidence } from '@telltale/shared';

import type { EnvironmentExtraction } from '../features/environment';
import { WEIGHT_FRAMEWORK_HINT } from './thresholds';

/** Puppeteer's documented default viewport (`defaultViewport`). */
const PUPPETEER_VIEWPORT = { width: 800, height: 600 };

export interface FrameworkInference {
  framework: string | null;
  /** Evidence that names the framework, beyond what the environment score already contains. */
  evidence: Evidence[];
}

/**
 * Names the automation framework from environment facts, most specific source first:
 * a page global the framework leaves, the product token of a bot user agent, then traits
 * of a framework's default launch of headless Chromium.
 *
 * Provenance, checked on Debian's Chromium 156 in headless mode:
 * - Under Playwright 1.65, `(any-hover: hover)` and `(any-pointer: fine)` match, the viewport,
 *   outer window and screen are all 1280×720, and `navigator.webdriver` is true. Plain
 *   `chromium --headless` matches neither media query.
 * - Puppeteer keeps its documented 800×600 default viewport unless the script sets another.
 *   NOTE: this trait comes from Puppeteer's documentation and was not checked against a run.
 * - Selenium with ChromeDriver leaves `cdc_…` globals (reported as traces).
 *
 * Known blind spots: a script that sets its own viewport, or a framework driving a headed
 * browser, is named only by its traces.
 */
export function inferFramework({ features, facts }: EnvironmentExtraction): FrameworkInference {
  if (facts.traceFramework !== null) return { framework: facts.traceFramework, evidence: [] };
  if (facts.uaFramework !== null) return { framework: facts.uaFramework, evidence: [] };

  const headlessAutomation = facts.automationUaToken === 'HeadlessChrome' && features.webdriver === 1;
  if (!headlessAutomation) return { framework: null, evidence: [] };

  if (features.hover === 1 && features.finePointer === 1) {
    return {
      framework: 'playwright',
      evidence: [
        {
          code: 'headless_pointer_emulated',
          feature: 'hover+finePointer',
          value: true,
          threshold: 'false in headless Chromium',
          weight: WEIGHT_FRAMEWORK_HINT,
        },
      ],
    };
  }
  if (features.innerWidth === PUPPETEER_VIEWPORT.width && features.innerHeight === PUPPETEER_VIEWPORT.height) {
    return {
      framework: 'puppeteer',
      evidence: [
        {
          code: 'automation_default_viewport',
          feature: 'innerWidth×innerHeight',
          value: `${features.innerWidth}×${features.innerHeight}`,
          threshold: `${PUPPETEER_VIEWPORT.width}×${PUPPETEER_VIEWPORT.height}`,
          weight: WEIGHT_FRAMEWORK_HINT,
        },
      ],
    };
  }
  return { framework: null, evidence: [] };
}
