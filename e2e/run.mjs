// Runs the browser tests: checks for a Chromium, builds the SDK when its bundle is missing or
// older than its sources, then runs `npx playwright test` with any extra arguments given.
// Exits with Playwright's exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { findChromium } from './chromium.mjs';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const SDK_DIR = join(ROOT_DIR, 'sdk');
const SDK_BUNDLE = join(SDK_DIR, 'dist', 'telltale.js');
const SDK_INPUTS = [join(SDK_DIR, 'src'), join(SDK_DIR, 'rollup.config.mjs'), join(SDK_DIR, 'package.json'), join(ROOT_DIR, 'shared', 'src')];

let chromiumPath;
try {
  chromiumPath = await findChromium();
} catch (error) {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
}
console.error(`e2e: using Chromium at ${chromiumPath}`);

if (!existsSync(join(SDK_DIR, 'rollup.config.mjs'))) {
  console.error('e2e: sdk/rollup.config.mjs is missing, so the SDK bundle that the demo page loads cannot be built.');
  process.exit(1);
}
if (sdkBundleIsStale()) {
  console.error('e2e: building the SDK (npm run build -w @telltale/sdk)');
  // The build's output goes to stderr, so that stdout carries only Playwright's report (for --reporter=json).
  const build = spawnSync('npm', ['run', 'build', '-w', '@telltale/sdk'], { cwd: ROOT_DIR, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    console.error(`e2e: the SDK build failed (exit code ${build.status ?? build.signal}). Fix the build errors above and run again.`);
    process.exit(1);
  }
}

const playwright = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: ROOT_DIR,
  env: { ...process.env, CHROMIUM_PATH: chromiumPath },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => playwright.kill(signal));
}
playwright.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});

/** Checks whether the SDK bundle is missing or older than any of the files it is built from. */
function sdkBundleIsStale() {
  if (!existsSync(SDK_BUNDLE)) return true;
  const bundleTime = statSync(SDK_BUNDLE).mtimeMs;
  return SDK_INPUTS.some((input) => existsSync(input) && newestModification(input) > bundleTime);
}

/** Returns the newest modification time (ms) of a file, or of any file below a directory. */
function newestModification(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

