// Finds a Chromium for the browser tests and lists the flags this environment needs.
import { existsSync } from 'node:fs';

/**
 * Flags for Chromium in a sandbox with no outside network: the sandbox is off because
 * CI runs as root, and background services that would try to reach the internet are off.
 * The resolver rule makes any host other than loopback fail at once.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

const INSTALL_HINT =
  'No Chromium found for the browser tests. Install one of: Debian/Ubuntu `apt-get install -y chromium` ' +
  '(gives /usr/bin/chromium), or `npx playwright install chromium` where the network allows, ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/**
 * Returns the path of the Chromium to use, or undefined to let Playwright use its own
 * downloaded browser. Order: CHROMIUM_PATH, /usr/bin/chromium, Playwright's own build.
 * Throws with install instructions when none exists.
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file exists there. ${INSTALL_HINT}`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright is missing or has no browser of its own: fall through to the hint.
  }
  throw new Error(INSTALL_HINT);
}
