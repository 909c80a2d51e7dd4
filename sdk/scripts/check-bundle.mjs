// Prints the raw and gzip size of each SDK build. Fails when the script-tag build reaches its
// hard gzip cap or when a build contains code that must never reach the browser, and warns when
// it is over the design target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));
const OUTPUTS = ['telltale.js', 'telltale.esm.js'];
/** Design target for the gzip size of telltale.js, web-vitals included. */
const IIFE_GZIP_TARGET = 6 * 1024;
/**
 * Hard cap for the gzip size of telltale.js.
 * TODO: lower to IIFE_GZIP_TARGET once the script-tag build fits it (remove this cap then).
 * NOTE: web-vitals 5.3 alone (onLCP, onINP, onCLS, onFCP, onTTFB) adds about 2.1 KB gzip, and
 * the collectors, layout, environment and transport measured about 4.6 KB on top of it.
 */
const IIFE_GZIP_CAP = 7 * 1024;
/** Strings that show Node-only code or the server-side validator got into a build. */
const FORBIDDEN = ['node:', 'better-sqlite3', 'zod'];

const errors = [];
for (const name of OUTPUTS) {
  let code;
  try {
    code = readFileSync(join(DIST_DIR, name));
  } catch (error) {
    errors.push(`dist/${name} cannot be read (${error.code}); run rollup first.`);
    continue;
  }
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  console.log(`dist/${name}: ${code.length} bytes, ${gzipBytes} bytes gzip`);

  if (name === 'telltale.js' && gzipBytes >= IIFE_GZIP_CAP) {
    errors.push(`dist/${name} is ${gzipBytes} bytes gzip, at or over the ${IIFE_GZIP_CAP}-byte cap; remove code or dependencies from the script-tag build.`);
  } else if (name === 'telltale.js' && gzipBytes >= IIFE_GZIP_TARGET) {
    console.warn(`check-bundle: warning: dist/${name} is ${gzipBytes} bytes gzip, over the ${IIFE_GZIP_TARGET}-byte design target.`);
  }
  const text = code.toString('utf8');
  for (const word of FORBIDDEN) {
    if (text.includes(word)) errors.push(`dist/${name} contains "${word}"; the SDK must import only types from @telltale/shared/schema and nothing Node-only.`);
  }
}

for (const error of errors) console.error(`check-bundle: ${error}`);
process.exit(errors.length > 0 ? 1 : 0);
