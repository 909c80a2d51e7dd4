// Prints the raw and gzip size of each SDK build. Fails when the script-tag build reaches its
// gzip budget or when a build contains code that must never reach the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));
const OUTPUTS = ['telltale.js', 'telltale.esm.js'];
/** Budget for the gzip size (level 9) of telltale.js, web-vitals included: it must stay below. */
const IIFE_GZIP_BUDGET = 6 * 1024;
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

  if (name === 'telltale.js' && gzipBytes >= IIFE_GZIP_BUDGET) {
    errors.push(`dist/${name} is ${gzipBytes} bytes gzip, at or over the ${IIFE_GZIP_BUDGET}-byte budget; remove code or dependencies from the script-tag build.`);
  }
  const text = code.toString('utf8');
  for (const word of FORBIDDEN) {
    if (text.includes(word)) errors.push(`dist/${name} contains "${word}"; the SDK must import only types from @telltale/shared/schema and nothing Node-only.`);
  }
}

for (const error of errors) console.error(`check-bundle: ${error}`);
process.exit(errors.length > 0 ? 1 : 0);
