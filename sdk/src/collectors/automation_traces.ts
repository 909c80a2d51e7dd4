/**
 * Prefixes of globals that automation tools leave on `window` or `document`: ChromeDriver
 * (`cdc_…`, `$cdc_…`), Selenium and its IDE, WebDriver shims, Nightmare, PhantomJS,
 * Playwright bindings and init scripts, Puppeteer, and Chrome's DOM automation controller.
 */
const TRACE = /^(\$?cdc_|__(webdriver|selenium|nightmare|playwright|puppeteer|pwInitScripts)|_selenium|callSelenium|_Selenium_IDE_Recorder|_phantom|callPhantom|domAutomation)/;
const MAX_TRACES = 20;
const MAX_NAME_LENGTH = 64;

/** Returns the names (never the values) of automation globals found on `window` and `document`. */
export function findAutomationTraces(win: object = window, doc: object = document): string[] {
  const found: string[] = [];
  for (const target of [win, doc]) {
    for (const name of Object.getOwnPropertyNames(target)) {
      if (found.length < MAX_TRACES && TRACE.test(name)) found.push(name.slice(0, MAX_NAME_LENGTH));
    }
  }
  return found;
}
