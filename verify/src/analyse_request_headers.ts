import { HEADLESS_BRAND, matchUserAgent, type Evidence, type UserAgentEntry } from '@telltale/shared';
import { isbotMatch } from 'isbot';

/** Declared identity and evidence read from a request's headers. */
export interface HeaderAnalysis {
  /** Catalogue entry named by the user agent, when one matches. */
  declared: UserAgentEntry | null;
  /** The client names itself as automation (catalogue entry, headless brand or isbot pattern). */
  declaresAutomation: boolean;
  framework: string | null;
  evidence: Evidence[];
}

/** Log-odds weight of a user agent that names automation; decides the class on its own. */
export const WEIGHT_DECLARED_AUTOMATION = 4;
export const WEIGHT_USER_AGENT_MISSING = 3;
// Each missing browser header or hint contradiction stays under the automation threshold of 2.5
// on its own, because privacy browsers, user-agent switchers and proxies trip single checks.
const WEIGHT_MISSING_ACCEPT_LANGUAGE = 1.5;
const WEIGHT_MISSING_ACCEPT_ENCODING = 1;
const WEIGHT_MISSING_SEC_FETCH = 2;
const WEIGHT_MISSING_CLIENT_HINTS = 1;
const WEIGHT_CLIENT_HINTS_MISMATCH = 2;
const MAX_WEIGHT_BROWSER_HEADERS = 4;

/** First versions that send `Sec-Fetch-*` on every request: Chrome 80, Firefox 90, Safari 16.4. */
const SEC_FETCH_SINCE = { chromium: 80, firefox: 90, safari: 16 } as const;
/** First Chromium version that sends `Sec-CH-UA` by default. */
const CLIENT_HINTS_SINCE = 90;

type BrowserFamily = keyof typeof SEC_FETCH_SINCE;

/** `Accept` of langchain-community's `default_header_template`. */
const LANGCHAIN_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8';

/**
 * Reads what a request's headers reveal about its client: the catalogue entry or isbot
 * pattern its user agent matches, and, for a browser user agent, whether the request has
 * the headers that browser sends (`Accept-Language`, `Accept-Encoding`, `Sec-Fetch-*`,
 * `Sec-CH-UA` for Chromium on secure origins) and whether its client hints agree with it.
 *
 * A single missing header or mismatch is weak evidence, because privacy browsers,
 * user-agent switchers and corporate proxies trip some of these checks. A browser user
 * agent with none of the browser headers, as curl sends it, adds up to automation.
 */
export function analyseRequestHeaders(url: string, headers: Headers): HeaderAnalysis {
  const userAgent = headers.get('user-agent');
  if (userAgent === null || userAgent.trim() === '') {
    return {
      declared: null,
      declaresAutomation: false,
      framework: null,
      evidence: [{ code: 'user_agent_missing', feature: 'userAgent', value: 'missing', weight: WEIGHT_USER_AGENT_MISSING }],
    };
  }

  const declared = matchUserAgent(userAgent);
  if (declared !== null) {
    const code =
      declared.kind === 'ai_assistant' || declared.kind === 'ai_crawler'
        ? 'agent_user_agent'
        : declared.kind === 'http_client'
          ? 'http_client_user_agent'
          : 'automation_user_agent';
    return {
      declared,
      declaresAutomation: true,
      framework: declared.framework,
      evidence: [{ code, feature: 'userAgent', value: declared.framework, weight: WEIGHT_DECLARED_AUTOMATION }],
    };
  }

  if (hasLangChainHeaders(headers)) {
    return {
      declared: null,
      declaresAutomation: true,
      framework: 'langchain',
      evidence: [{ code: 'framework_headers', feature: 'headerSet', value: 'langchain', weight: WEIGHT_DECLARED_AUTOMATION }],
    };
  }

  const secChUa = headers.get('sec-ch-ua');
  if (secChUa !== null && HEADLESS_BRAND.test(secChUa)) {
    return {
      declared: null,
      declaresAutomation: true,
      framework: 'headless-chrome',
      evidence: [{ code: 'automation_user_agent', feature: 'secChUa', value: 'HeadlessChrome', weight: WEIGHT_DECLARED_AUTOMATION }],
    };
  }

  const botMatch = isbotMatch(userAgent);
  if (botMatch !== null) {
    return {
      declared: null,
      declaresAutomation: true,
      framework: null,
      evidence: [{ code: 'bot_user_agent', feature: 'userAgent', value: botMatch, weight: WEIGHT_DECLARED_AUTOMATION }],
    };
  }

  return { declared: null, declaresAutomation: false, framework: null, evidence: checkBrowserHeaders(url, userAgent, headers) };
}

/**
 * Returns whether the request carries the default headers of langchain-community's Python
 * `WebBaseLoader` (`default_header_template`): a Google referrer, `DNT: 1` and its fixed
 * `Accept` value, which browsers pair with `Sec-Fetch-*` headers that the loader never sends.
 */
function hasLangChainHeaders(headers: Headers): boolean {
  return (
    headers.get('referer') === 'https://www.google.com/' &&
    headers.get('dnt') === '1' &&
    headers.get('accept') === LANGCHAIN_ACCEPT &&
    headers.get('sec-fetch-mode') === null
  );
}

function checkBrowserHeaders(url: string, userAgent: string, headers: Headers): Evidence[] {
  const browser = browserOf(userAgent);
  if (browser === null) return [];
  const evidence: Evidence[] = [];

  const missing: string[] = [];
  let missingWeight = 0;
  if (headers.get('accept-language') === null) {
    missing.push('accept-language');
    missingWeight += WEIGHT_MISSING_ACCEPT_LANGUAGE;
  }
  if (headers.get('accept-encoding') === null) {
    missing.push('accept-encoding');
    missingWeight += WEIGHT_MISSING_ACCEPT_ENCODING;
  }
  if (browser.version >= SEC_FETCH_SINCE[browser.family] && headers.get('sec-fetch-mode') === null) {
    missing.push('sec-fetch-mode');
    missingWeight += WEIGHT_MISSING_SEC_FETCH;
  }
  const secChUa = headers.get('sec-ch-ua');
  if (browser.family === 'chromium' && browser.version >= CLIENT_HINTS_SINCE && secChUa === null && isSecureOrigin(url)) {
    missing.push('sec-ch-ua');
    missingWeight += WEIGHT_MISSING_CLIENT_HINTS;
  }
  if (missing.length > 0) {
    evidence.push({
      code: 'browser_headers_missing',
      feature: 'missingBrowserHeaders',
      value: missing.join(', '),
      threshold: 'none missing',
      weight: Math.min(missingWeight, MAX_WEIGHT_BROWSER_HEADERS),
    });
  }

  const mismatch = clientHintsMismatch(browser, userAgent, secChUa, headers);
  if (mismatch !== null) {
    evidence.push({ code: 'client_hints_mismatch', feature: 'requestClientHints', value: mismatch, threshold: 'agree with the user agent', weight: WEIGHT_CLIENT_HINTS_MISMATCH });
  }
  return evidence;
}

function clientHintsMismatch(browser: { family: BrowserFamily; version: number }, userAgent: string, secChUa: string | null, headers: Headers): string | null {
  if (secChUa === null) return null;
  if (browser.family !== 'chromium') return `Sec-CH-UA sent by a ${browser.family} user agent`;

  const brandMajor = /"(?:Chromium|Google Chrome)";\s*v="(\d+)/.exec(secChUa)?.[1];
  if (brandMajor !== undefined && Number(brandMajor) !== browser.version) return `Chrome/${browser.version} vs brand ${brandMajor}`;

  const platform = headers.get('sec-ch-ua-platform')?.replace(/"/g, '').toLowerCase();
  const uaPlatform = platformOf(userAgent);
  if (platform !== undefined && platform !== '' && uaPlatform !== null && normalisePlatform(platform) !== uaPlatform) {
    return `platform ${platform} vs ${uaPlatform}`;
  }
  const mobile = headers.get('sec-ch-ua-mobile');
  if (mobile !== null && (mobile === '?1') !== /\bMobile\b/.test(userAgent)) return `Sec-CH-UA-Mobile ${mobile} vs user agent`;
  return null;
}

function browserOf(userAgent: string): { family: BrowserFamily; version: number } | null {
  if (!userAgent.startsWith('Mozilla/5.0')) return null;
  const chromium = /\b(?:Chrome|Chromium|CriOS)\/(\d+)/.exec(userAgent);
  if (chromium !== null && !/\bCriOS\//.test(userAgent)) return { family: 'chromium', version: Number(chromium[1]) };
  const firefox = /\bFirefox\/(\d+)/.exec(userAgent);
  if (firefox !== null && !/\bFxiOS\//.test(userAgent)) return { family: 'firefox', version: Number(firefox[1]) };
  const safari = /\bVersion\/(\d+)(?:\.(\d+))?.*Safari\//.exec(userAgent);
  if (safari !== null) {
    const major = Number(safari[1]);
    const minor = Number(safari[2] ?? 0);
    // Safari sends Sec-Fetch-* from 16.4, so 16.0 to 16.3 count as before it.
    return { family: 'safari', version: major > 16 || (major === 16 && minor >= 4) ? major : Math.min(major, 15) };
  }
  return null;
}

function isSecureOrigin(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

function platformOf(userAgent: string): string | null {
  if (/Windows NT/.test(userAgent)) return 'windows';
  if (/Android/.test(userAgent)) return 'android';
  if (/CrOS/.test(userAgent)) return 'chromeos';
  if (/Macintosh|Mac OS X/.test(userAgent)) return 'macos';
  if (/Linux|X11/.test(userAgent)) return 'linux';
  return null;
}

function normalisePlatform(platform: string): string {
  if (platform.startsWith('win')) return 'windows';
  if (platform === 'chrome os' || platform === 'chromium os') return 'chromeos';
  if (platform === 'mac os x' || platform === 'macos') return 'macos';
  return platform;
}
