import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';
import { stopChild, type XDisplay } from './x-display';
import { runXdotool } from './xdotool';

const WINDOW_TIMEOUT_MS = 20_000;
const WINDOW_POLL_MS = 200;

/** A Chromium that runs as an ordinary process on an X display, with no automation attached. */
export interface PlainChromium {
  /** X window id of the browser window, as xdotool prints it. */
  windowId: string;
  /** Screen position of the window's top-left corner. */
  x: number;
  y: number;
  /** Every line Chromium wrote to stdout and stderr so far. */
  logLines: string[];
  /** Stops Chromium and deletes its temporary profile. */
  stop(): Promise<void>;
}

/**
 * Launches Chromium headful on `display` in kiosk mode at `url`, with a new temporary profile,
 * and waits until a window whose title contains `windowTitle` exists.
 *
 * Kiosk mode fills the screen with the page and shows no toolbar, so page coordinates equal
 * screen coordinates minus the window position. There is no `--headless`, no
 * `--enable-automation` and no remote-debugging flag, so neither CDP nor WebDriver is attached
 * and `navigator.webdriver` is false. Throws with Chromium's output when no window appears
 * within 20 s.
 */
export async function launchPlainChromium(display: XDisplay, url: string, windowTitle: string): Promise<PlainChromium> {
  const executable = await findChromium();
  const profileDir = await mkdtemp(join(tmpdir(), 'telltale-chromium-'));
  const args = [
    ...CHROMIUM_ARGS,
    `--user-data-dir=${profileDir}`,
    '--window-position=0,0',
    `--window-size=${display.width},${display.height}`,
    '--no-default-browser-check',
    '--kiosk',
    url,
  ];
  const logLines: string[] = [];
  const child = spawn(executable, args, { env: { ...process.env, DISPLAY: display.name }, stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  }
  const stop = async () => {
    await stopChild(child, closed);
    await rm(profileDir, { recursive: true, force: true });
  };

  try {
    const windowId = await findWindow(display, windowTitle);
    const geometry = await runXdotool(display.name, ['getwindowgeometry', '--shell', windowId]);
    const x = Number(/^X=(-?\d+)$/m.exec(geometry)?.[1]);
    const y = Number(/^Y=(-?\d+)$/m.exec(geometry)?.[1]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`unexpected window geometry: ${geometry}`);
    return { windowId, x, y, logLines, stop };
  } catch (error) {
    await stop();
    throw new Error(
      `Chromium showed no window titled "${windowTitle}" on ${display.name}: ${(error as Error).message}\n` +
        `Chromium output:\n${logLines.slice(-20).join('\n')}`,
    );
  }
}

/**
 * Polls `xdotool search --name` until a window title matches. `search --sync` is not used
 * because xdotool aborts with BadWindow when a window it is inspecting is destroyed meanwhile,
 * which happens while Chromium starts up. Throws after 20 s with the last xdotool error.
 */
async function findWindow(display: XDisplay, windowTitle: string): Promise<string> {
  const deadline = Date.now() + WINDOW_TIMEOUT_MS;
  let lastError = 'no matching window yet';
  while (Date.now() < deadline) {
    try {
      const found = (await runXdotool(display.name, ['search', '--name', windowTitle], 5_000)).trim();
      if (found !== '') return found.split('\n')[0]!;
    } catch (error) {
      // xdotool exits with 1 when nothing matches, and on the BadWindow race described above.
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, WINDOW_POLL_MS));
  }
  throw new Error(`timed out after ${WINDOW_TIMEOUT_MS} ms (${lastError})`);
}
