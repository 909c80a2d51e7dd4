/** Chromium flags for a sandbox with no outside network; always pass them when launching. */
export declare const CHROMIUM_ARGS: string[];

/**
 * Returns the path of the Chromium to use: CHROMIUM_PATH, /usr/bin/chromium, or Playwright's
 * own build. Throws with install instructions when none exists.
 */
export declare function findChromium(): Promise<string>;
