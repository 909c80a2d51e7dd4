/**
 * Prefixes of globals that automation tools leave on `window` or `document`: ChromeDriver
 * (`cdc_…`, `$cdc_…`), Selenium and its IDE, WebDriver shims, Nightmare, PhantomJS,
 * Playwright bindings and init scripts, Puppeteer, and Chrome's DOM automation controller.
 */
const TRACE = /^(\$?cdc_|__(webdriver|selenium|nightmare|playwright|puppeteer|pwInitScripts)|_selenium|callSelenium|_Selenium_IDE_Recorder|_phantom|callPhantom|domAutomation)/;
const MAX_TRACES = 20;
const MAX_NAME_LENGTH = 64;

/** Returns the names (never the values) of automation globals found on `window` and `document`. */
export function findAutomationTraces(): string[] {
  return [...Object.getOwnPropertyNames(window), ...Object.getOwnPropertyNames(document)]
    .filter((name) => TRACE.test(name))
    .slice(0, MAX_TRACES)
    .map((name) => name.slice(0, MAX_NAME_LENGTH));
}
