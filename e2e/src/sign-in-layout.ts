import type { Browser } from '@playwright/test';

import type { ScreenPoint } from './human-input';

/** Page positions of the demo sign-in form's controls, in CSS pixels from the viewport's top-left. */
export interface SignInLayout {
  username: ScreenPoint;
  password: ScreenPoint;
  submit: ScreenPoint;
}

/**
 * Measures the centres of `#username`, `#password` and the submit button of `/demo/` in a
 * separate headless page of `browser` with the given viewport. The SDK script is blocked in
 * that page, so the measurement sends no beacons and creates no session.
 * The plain browser renders the same HTML with the same Chromium binary, so the positions
 * carry over without attaching anything to it. NOTE: Xvfb reported the kiosk window as
 * 1279×799 on a 1280×800 screen, which moves the centred form by at most half a pixel.
 */
export async function measureSignInLayout(browser: Browser, origin: string, viewport: { width: number; height: number }): Promise<SignInLayout> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.route('**/sdk/**', (route) => route.abort());
    await page.goto(`${origin}/demo/`);
    const centre = async (selector: string): Promise<ScreenPoint> => {
      const box = await page.locator(selector).boundingBox();
      if (box === null) throw new Error(`${selector} is not visible on /demo/ at ${viewport.width}×${viewport.height}.`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    return {
      username: await centre('#username'),
      password: await centre('#password'),
      submit: await centre('button[type=submit]'),
    };
  } finally {
    await context.close();
  }
}
