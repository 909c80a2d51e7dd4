/**
 * `npm run keys -- <command>`: rotates and prunes the tag signing keys in
 * `TELLTALE_DATA_DIR` (default `./data`). A running service picks up the change within
 * about a second, without a restart.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { readConfig } from '../config';
import { KEY_FILE_NAME, loadOrCreateSigningKeys, pruneSigningKeys, rotateSigningKeys, RETIRED_KEY_PUBLISH_MS } from '../sign/signing_keys';

const USAGE = `Usage: npm run keys -- <command>

Commands:
  rotate   Add a new signing key and sign new tags with it. The previous key stays in
           /.well-known/jwks.json for ${RETIRED_KEY_PUBLISH_MS / 60_000} minutes, until every tag it signed has expired.
  prune    Remove retired keys whose ${RETIRED_KEY_PUBLISH_MS / 60_000} minutes have passed.
  list     Print the key ids, which one is active, and which are published (nothing is created).
`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return;
  }

  const { dataDir } = readConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  if (command === 'rotate') {
    const result = await rotateSigningKeys(dataDir);
    process.stdout.write(`${JSON.stringify({ rotated: true, ...result, dataDir })}\n`);
  } else if (command === 'prune') {
    process.stdout.write(`${JSON.stringify({ removed: pruneSigningKeys(dataDir), dataDir })}\n`);
  } else if (command === 'list') {
    if (!existsSync(join(dataDir, KEY_FILE_NAME))) {
      process.stdout.write(`${JSON.stringify({ keys: [], dataDir })}\n`);
      return;
    }
    const keys = await loadOrCreateSigningKeys(dataDir);
    const published = new Set(keys.published.map((key) => key.kid));
    const list = keys.all.map((key) => ({ kid: key.kid, active: key.kid === keys.active.kid, published: published.has(key.kid) }));
    process.stdout.write(`${JSON.stringify({ keys: list, dataDir })}\n`);
  } else {
    process.stderr.write(`telltale keys: unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`telltale keys: ${(error as Error).message}\n`);
  process.exit(1);
});
