import type { Environment } from '@telltale/shared';
import { isbotMatch } from 'isbot';

import type { RequestFacts } from '../classify/types';

/** Environment features of one page load. Flags are 1 (true), 0 (false) or null (not known). */
export interface EnvironmentFeatures {
  webdriver: number | null;
  /** The page or request user agent, or a client-hint brand, carries a headless or automation token. */
  automationUaToken: number;
  /** isbot matches the page or request user agent for a reason other than a headless token. */
  botUserAgent: number;
  uaChromeMajor: number | null;
  clientHintsChromiumMajor: number | null;
  headerChromiumMajor: number | null;
  clientHintsVersionMismatch: number | null;
  clientHintsPlatformMismatch: number | null;
  clientHintsMobileMismatch: number | null;
  requestUaMismatch: number | null;
  outerWindowZero: number;
  /** Outer window equals the inner window equals the screen, in both dimensions. */
  windowFillsScreen: number;
  windowLargerThanScreen: number;
  traceCount: number;
  hover: number | null;
  finePointer: number | null;
  innerWidth: number;
  innerHeight: number;
  /** WebGL renders on the CPU; null when the SDK did not report the renderer. */
  webglSoftware: number | null;
  /** A desktop Chromium 110+ user agent with a renderer string not in the `ANGLE (…)` form; null when not applicable. */
  webglRendererMismatch: number | null;
}

/** Environment facts that are strings, kept beside the numeric features. */
export interface EnvironmentFacts {
  /** The part of a user agent that isbot matched, when that is not a headless token. */
  botUaMatch: string | null;
  /** The headless or automation token found, such as `HeadlessChrome`. */
  automationUaToken: string | null;
  /** Automation framework named by the bot user agent's product token (`curl`, `python-requests`, …). */
  uaFramework: string | null;
  /** Automation framework named by a page global left by it. */
  traceFramework: string | null;
  /** First trace name, for evidence. */
  trace: string | null;
}

export interface EnvironmentExtraction {
  features: EnvironmentFeatures;
  facts: EnvironmentFacts;
}

/** Tokens that headless and automation builds put in the user agent or the client-hint brands. */
const AUTOMATION_UA_TOKEN = /HeadlessChrome|Headless|PhantomJS|Electron|SlimerJS|HtmlUnit/;

/**
 * Page globals that automation frameworks leave, mapped to the framework.
 * ChromeDriver injects `cdc_…` or `$cdc_…` arrays (Selenium with Chrome). Older Selenium
 * drivers set `__webdriver_*`, `__selenium_*` and `__fxdriver_*`. Playwright's bindings use
 * `__playwright*` and `__pw*`, and Puppeteer's use `__puppeteer*`. PhantomJS sets `callPhantom`
 * and `_phantom`, and Nightmare sets `__nightmare`.
 */
const TRACE_FRAMEWORKS: readonly [RegExp, string][] = [
  [/^\$?[a-z]?cdc_|^\$wdc_|selenium|webdriver|^__fxdriver|^__driver_/i, 'selenium'],
  [/^__playwright|^__pw/, 'playwright'],
  [/puppeteer/i, 'puppeteer'],
  [/phantom/i, 'phantomjs'],
  [/nightmare/i, 'nightmare'],
];

/** Product tokens of HTTP clients and automation tools that isbot recognises, mapped to the `fw` name. */
const UA_FRAMEWORKS: Record<string, string> = {
  curl: 'curl',
  wget: 'wget',
  'python-requests': 'python-requests',
  'python-urllib': 'python-urllib',
  'python-httpx': 'python-httpx',
  aiohttp: 'aiohttp',
  scrapy: 'scrapy',
  'go-http-client': 'go-http-client',
  'node-fetch': 'node-fetch',
  axios: 'axios',
  okhttp: 'okhttp',
  phantomjs: 'phantomjs',
};

/**
 * Extracts environment features of one page load from the SDK's environment facts and
 * the request that carried them.
 *
 * Client hints: Chromium browsers that expose them send the same major version in the user
 * agent (`Chrome/131.0.0.0`) and in the `Chromium` brand of `navigator.userAgentData`, and
 * the same platform in both. A user agent replaced by a launch flag or a context option
 * leaves the brands untouched, so the two disagree.
 *
 * Known blind spots: a bot that overrides the client hints together with the user agent,
 * and browsers without client hints (Firefox, Safari), pass the consistency checks.
 */
export function extractEnvironmentFeatures(env: Environment, request: RequestFacts): EnvironmentExtraction {
  const brands = env.uaData?.brands ?? [];
  const automationToken =
    env.ua.match(AUTOMATION_UA_TOKEN)?.[0] ??
    request.userAgent?.match(AUTOMATION_UA_TOKEN)?.[0] ??
    brands.map((brand) => brand.brand.match(AUTOMATION_UA_TOKEN)?.[0]).find((token) => token !== undefined) ??
    null;
  const botUaMatch = findBotMatch(env.ua) ?? findBotMatch(request.userAgent);

  const uaChromeMajor = chromeMajor(env.ua);
  const clientHintsChromiumMajor = chromiumBrandMajor(brands);
  const headerChromiumMajor = chromiumBrandMajor(parseSecChUa(request.secChUa));
  const hintMajors = [clientHintsChromiumMajor, headerChromiumMajor].filter((major) => major !== null);
  const clientHintsVersionMismatch =
    uaChromeMajor === null || hintMajors.length === 0 ? null : flag(hintMajors.some((major) => major !== uaChromeMajor));

  const uaPlatform = platformOf(env.ua);
  const hintPlatforms = [env.uaData?.platform, unquote(request.secChUaPlatform)].filter(
    (platform): platform is string => platform !== undefined && platform !== null && platform !== '',
  );
  const clientHintsPlatformMismatch =
    uaPlatform === null || hintPlatforms.length === 0
      ? null
      : flag(hintPlatforms.some((platform) => normalisePlatform(platform) !== uaPlatform));

  const uaMobile = /\bMobile\b/.test(env.ua);
  const clientHintsMobileMismatch = env.uaData === undefined ? null : flag(env.uaData.mobile !== uaMobile);

  const { window: win, screen } = env;
  const traces = env.traces ?? [];
  const traceFramework = traces.map(frameworkOfTrace).find((name) => name !== null) ?? null;

  const features: EnvironmentFeatures = {
    webdriver: env.webdriver === null ? null : flag(env.webdriver),
    automationUaToken: flag(automationToken !== null),
    botUserAgent: flag(botUaMatch !== null),
    uaChromeMajor,
    clientHintsChromiumMajor,
    headerChromiumMajor,
    clientHintsVersionMismatch,
    clientHintsPlatformMismatch,
    clientHintsMobileMismatch,
    requestUaMismatch: request.userAgent === null ? null : flag(request.userAgent !== env.ua),
    outerWindowZero: flag(win.outerW === 0 || win.outerH === 0),
    windowFillsScreen: flag(
      win.outerW === win.innerW && win.outerH === win.innerH && win.outerW === screen.w && win.outerH === screen.h,
    ),
    windowLargerThanScreen: flag(screen.w > 0 && screen.h > 0 && (win.outerW > screen.w || win.outerH > screen.h)),
    traceCount: traces.length,
    hover: env.hover === undefined ? null : flag(env.hover),
    finePointer: env.finePointer === undefined ? null : flag(env.finePointer),
    innerWidth: win.innerW,
    innerHeight: win.innerH,
    webglSoftware: env.webgl === undefined || env.webgl === 'none' ? null : flag(env.webgl === 'software'),
    webglRendererMismatch: rendererMismatch(env, uaChromeMajor, uaPlatform, [...brands, ...parseSecChUa(request.secChUa)]),
  };
  const facts: EnvironmentFacts = {
    botUaMatch,
    automationUaToken: automationToken,
    uaFramework: botUaMatch === null ? null : frameworkOfProduct(botUaMatch),
    traceFramework,
    trace: traces[0] ?? null,
  };
  return { features, facts };
}

/**
 * Desktop Chromium reports its WebGL renderer through ANGLE on Windows, macOS, Linux and
 * ChromeOS (`ANGLE (Intel, Mesa Intel(R) UHD Graphics 620, OpenGL 4.6)`), so another string
 * under a desktop Chromium user agent was put there by a spoofing script or comes from
 * another browser. Android is left out because its Chromium reports driver names directly,
 * and Brave (named in its client-hint brands) because its fingerprinting protection can
 * replace the renderer string.
 * NOTE: the version from which every desktop build uses ANGLE strings (110) is an estimate.
 */
function rendererMismatch(
  env: Environment,
  uaChromeMajor: number | null,
  uaPlatform: string | null,
  brands: readonly { brand: string }[],
): number | null {
  if (env.webgl === undefined || env.webgl === 'none' || env.webgl === 'software') return null;
  if (brands.some((item) => item.brand === 'Brave')) return null;
  if (uaChromeMajor === null || uaChromeMajor < 110) return null;
  if (uaPlatform === null || uaPlatform === 'android' || uaPlatform === 'ios') return null;
  return flag(env.webgl !== 'angle');
}

function flag(value: boolean): number {
  return value ? 1 : 0;
}

/** Returns isbot's match unless the only thing it matched is a headless token, which has its own reason. */
function findBotMatch(userAgent: string | null): string | null {
  if (userAgent === null) return null;
  const match = isbotMatch(userAgent);
  if (match === null || AUTOMATION_UA_TOKEN.test(match)) return null;
  return match;
}

function frameworkOfProduct(match: string): string | null {
  const product = /([A-Za-z][\w.-]*)\//.exec(match)?.[1]?.toLowerCase() ?? match.toLowerCase();
  return UA_FRAMEWORKS[product] ?? null;
}

function frameworkOfTrace(trace: string): string | null {
  for (const [pattern, framework] of TRACE_FRAMEWORKS) if (pattern.test(trace)) return framework;
  return null;
}

function chromeMajor(userAgent: string): number | null {
  const match = /(?:Chrome|Chromium|HeadlessChrome|CriOS)\/(\d+)/.exec(userAgent);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function chromiumBrandMajor(brands: readonly { brand: string; version: string }[]): number | null {
  const brand = brands.find((item) => item.brand === 'Chromium') ?? brands.find((item) => item.brand === 'Google Chrome');
  if (brand === undefined) return null;
  const major = Number.parseInt(brand.version, 10);
  return Number.isFinite(major) ? major : null;
}

/** Parses a `Sec-CH-UA` header (`"Chromium";v="156", "Not:A-Brand";v="8"`) into brands. */
export function parseSecChUa(header: string | null): { brand: string; version: string }[] {
  if (header === null) return [];
  const brands: { brand: string; version: string }[] = [];
  for (const match of header.matchAll(/"([^"]*)"\s*;\s*v="([^"]*)"/g)) {
    brands.push({ brand: match[1] ?? '', version: match[2] ?? '' });
  }
  return brands;
}

function unquote(value: string | null): string | null {
  return value === null ? null : value.replace(/^"|"$/g, '');
}

/** Operating system named by a user agent, in the spelling `normalisePlatform` returns. */
function platformOf(userAgent: string): string | null {
  if (/Windows NT|Windows Phone/.test(userAgent)) return 'windows';
  if (/Android/.test(userAgent)) return 'android';
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
  if (/CrOS/.test(userAgent)) return 'chromeos';
  if (/Macintosh|Mac OS X/.test(userAgent)) return 'macos';
  if (/Linux|X11/.test(userAgent)) return 'linux';
  return null;
}

function normalisePlatform(platform: string): string {
  const lower = platform.toLowerCase();
  if (lower.startsWith('win')) return 'windows';
  if (lower === 'chrome os' || lower === 'chromium os') return 'chromeos';
  if (lower === 'mac os x' || lower === 'macos') return 'macos';
  return lower;
}
