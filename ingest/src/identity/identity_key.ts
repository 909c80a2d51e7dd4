import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const IDENTITY_KEY_FILE_NAME = 'identity-key';
const IDENTITY_KEY_BYTES = 32;

/**
 * Loads the secret key of identity hashes from `<dataDir>/identity-key` (base64url), or
 * generates and stores a random 32-byte key (file mode 0600) on first start. Losing or
 * replacing the file makes every stored identity hash, and with it every identity
 * baseline, unreachable.
 */
export function loadOrCreateIdentityKey(dataDir: string): Buffer {
  const path = join(dataDir, IDENTITY_KEY_FILE_NAME);
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx` fails when the file exists, so two processes starting at once keep one key.
    writeFileSync(path, `${randomBytes(IDENTITY_KEY_BYTES).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }

  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (key.length < IDENTITY_KEY_BYTES) {
    throw new Error(
      `Identity key file ${path} is invalid: expected ${IDENTITY_KEY_BYTES} bytes in base64url, found ${key.length}; restore the file from a backup, or delete it to start new identity baselines.`,
    );
  }
  return key;
}

/**
 * Hashes a signed-in identity with HMAC-SHA-256 under the service's identity key, scoped
 * to the site so that the same id on two sites gives two hashes. Returns lowercase hex.
 * Without the key, a hash cannot be checked against guessed ids (emails, account numbers).
 */
export function hashIdentity(key: Uint8Array, siteId: string, identity: string): string {
  return createHmac('sha256', key).update(siteId).update('\0').update(identity).digest('hex');
}
