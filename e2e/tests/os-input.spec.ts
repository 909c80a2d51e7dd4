import { computerUseSignInCommands } from '../src/computer-use-agent';
import { expect, test } from '../src/fixtures';
import { loadHumanDelbotPaths } from '../src/human-input';
import { humanSignInArgs } from '../src/human-sign-in';
import { seededRandom } from '../src/human-typing';
import { launchPlainChromium, type PlainChromium } from '../src/plain-chromium';
import { measureSignInLayout } from '../src/sign-in-layout';
import { countStoredEvents } from '../src/stored-events';
import { sumFeature, waitForOnlySession, type StoredSession } from '../src/wait-for-session';
import { findMissingPrograms, startXvfb, type XDisplay } from '../src/x-display';
import { runXdotool } from '../src/xdotool';

// These tests drive a Chromium that runs as a plain process on an Xvfb display, with no CDP,
// no WebDriver and no automation flag, through OS-level input from xdotool. The class is read
// from the stored session through the admin API. Playwright only runs the tests, measures the
// page layout in a separate headless page, and provides the ingest service fixture.

const SCREEN = { width: 1280, height: 800 };
const USERNAME = 'ada.lovelace';
const PASSWORD = 'analytical-engine';
const AUTOMATION_CLASSES = ['unverified_agent', 'rogue_bot'];

const missing = findMissingPrograms(['Xvfb', 'xdotool']);
if (missing.length > 0 && process.env.CI) {
  throw new Error(`The OS-level input tests need ${missing.join(' and ')} on CI. .ci/run installs them when e2e/needs-display exists.`);
}

test.describe('OS-level input', () => {
  test.skip(missing.length > 0, `${missing.join(' and ')} not installed: apt-get install -y xvfb xauth xdotool`);
  test.describe.configure({ timeout: 90_000 });

  let display: XDisplay | undefined;
  let chromium: PlainChromium | undefined;

  test.beforeEach(async () => {
    display = await startXvfb(SCREEN.width, SCREEN.height);
  });

  test.afterEach(async ({}, testInfo) => {
    if (chromium !== undefined && testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('chromium-log', { body: chromium.logLines.join('\n'), contentType: 'text/plain' });
    }
    await chromium?.stop();
    chromium = undefined;
    await display?.stop();
    display = undefined;
  });

  test('replayed human sign-in is human', async ({ browser, ingest }, testInfo) => {
    const layout = await measureSignInLayout(browser, ingest.origin, SCREEN);
    chromium = await launchPlainChromium(display!, `${ingest.origin}/demo/`, 'Telltale demo');
    const cursor = await readCursor(display!);

    const args = humanSignInArgs({
      layout,
      origin: chromium,
      cursor,
      paths: loadHumanDelbotPaths(),
      screen: SCREEN,
      random: seededRandom(20240917),
      username: USERNAME,
      password: PASSWORD,
    });
    await runXdotool(display!.name, args);

    const session = await waitForOnlySession(ingest, { clicks: 3, keyDowns: USERNAME.length + PASSWORD.length });
    await attachSession(testInfo, session);
    expectSignInSubmitted(session, ingest.dbPath);
    expect(sumFeature(session, 'webdriver')).toBe(0);
    expect(session.class, describeSession(session)).toBe('human');
    expect(session.agentDriven).toBe(false);
  });

  test('computer-use agent sign-in is automation', async ({ browser, ingest }, testInfo) => {
    const layout = await measureSignInLayout(browser, ingest.origin, SCREEN);
    chromium = await launchPlainChromium(display!, `${ingest.origin}/demo/`, 'Telltale demo');

    for (const command of computerUseSignInCommands(layout, chromium, USERNAME, PASSWORD)) {
      await runXdotool(display!.name, command);
    }

    const session = await waitForOnlySession(ingest, { clicks: 3, keyDowns: USERNAME.length + PASSWORD.length });
    await attachSession(testInfo, session);
    expectSignInSubmitted(session, ingest.dbPath);
    expect(sumFeature(session, 'webdriver')).toBe(0);
    expect(AUTOMATION_CLASSES, describeSession(session)).toContain(session.class);
    expect(session.agentDriven).toBe(true);
  });
});

async function readCursor(display: XDisplay): Promise<{ x: number; y: number }> {
  const output = await runXdotool(display.name, ['getmouselocation', '--shell']);
  return { x: Number(/^X=(\d+)$/m.exec(output)?.[1]), y: Number(/^Y=(\d+)$/m.exec(output)?.[1]) };
}

function describeSession(session: StoredSession): string {
  return `session ${session.id}: class ${session.class}, score ${session.score}, reasons ${session.reasons.join(', ')}`;
}

async function attachSession(testInfo: import('@playwright/test').TestInfo, session: StoredSession): Promise<void> {
  await testInfo.attach('stored-session', { body: JSON.stringify(session, null, 2), contentType: 'application/json' });
}

/**
 * Checks that the clicks landed on page elements and that the form was submitted: the demo's
 * fields are `required`, so the browser fires `submit` only when both fields hold text.
 */
function expectSignInSubmitted(session: StoredSession, dbPath: string): void {
  expect(sumFeature(session, 'knownTargetClickCount')).toBeGreaterThanOrEqual(3);
  expect(countStoredEvents(dbPath, 'submit')).toBe(1);
  expect(countStoredEvents(dbPath, 'input')).toBe(USERNAME.length + PASSWORD.length);
}
