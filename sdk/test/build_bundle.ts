// Vitest global setup: runs `npm run build` in sdk/ when dist/telltale.js is missing or older
// than any source, so the browser tests never run against a stale bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SDK_DIR = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(SDK_DIR, 'dist', 'telltale.js');
const INPUTS = [join(SDK_DIR, 'src'), join(SDK_DIR, 'rollup.config.mjs'), join(SDK_DIR, '..', 'shared', 'src')];

/** Returns the newest modification time (ms) of a file, or of any file below a directory. */
function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestModification(join(path, entry))), stats.mtimeMs);
}

export default function setup(): void {
  const stale = !existsSync(BUNDLE) || INPUTS.some((input) => newestModification(input) > statSync(BUNDLE).mtimeMs);
  if (!stale) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: SDK_DIR, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build in sdk/ failed with exit code ${build.status}; fix the build before running the tests.`);
}
