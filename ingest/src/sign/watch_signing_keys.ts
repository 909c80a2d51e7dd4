import { statSync } from 'node:fs';
import { join } from 'node:path';

import type { Log } from '../log';
import { KEY_FILE_NAME, loadOrCreateSigningKeys } from './signing_keys';
import type { TagSigner } from './tag_signer';

/** Options of `watchSigningKeys`. */
export interface WatchSigningKeysOptions {
  /** Milliseconds between checks of the key file's modification time. Default 1000. */
  checkIntervalMs?: number;
  /** Milliseconds after which the file is read again even if unchanged, to stop publishing expired retired keys. Default 60 000. */
  refreshIntervalMs?: number;
}

/**
 * Keeps a running signer in step with `<dataDir>/signing-keys.json`: when the file changes
 * (after `npm run keys -- rotate` or `prune`), new tags are signed with the new active key
 * and the JWKS lists the new published keys, without a restart. The file's modification
 * time is polled, which also detects a file replaced by rename. A file that fails to load is
 * logged and the current keys stay in use. Returns a function that stops watching.
 */
export function watchSigningKeys(dataDir: string, signer: TagSigner, log: Log, options: WatchSigningKeysOptions = {}): () => void {
  const path = join(dataDir, KEY_FILE_NAME);
  const refreshIntervalMs = options.refreshIntervalMs ?? 60_000;
  let lastModifiedMs = modifiedMs(path);
  let lastLoadMs = Date.now();
  let loading = false;

  const check = async () => {
    const modified = modifiedMs(path);
    const due = Date.now() - lastLoadMs >= refreshIntervalMs;
    if (loading || (modified === lastModifiedMs && !due)) return;

    loading = true;
    try {
      const keys = await loadOrCreateSigningKeys(dataDir);
      const previousKid = signer.activeKid();
      signer.useKeys(keys);
      lastModifiedMs = modified;
      lastLoadMs = Date.now();
      if (keys.active.kid !== previousKid) log.info({ event: 'signing_key_rotated', kid: keys.active.kid, previousKid, publishedKeys: keys.published.length });
    } catch (error) {
      lastModifiedMs = modified;
      lastLoadMs = Date.now();
      log.error({ event: 'signing_keys_reload_failed', err: error, path });
    } finally {
      loading = false;
    }
  };

  const timer = setInterval(() => void check(), options.checkIntervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

function modifiedMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
