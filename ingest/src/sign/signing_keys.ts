import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** One Ed25519 signing key with its id (the RFC 7638 thumbprint of the public key). */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

interface StoredKey {
  kid: string;
  createdAt: string;
  privateJwk: JWK;
}

interface KeyFile {
  /** Id of the key that signs new tags. */
  active: string;
  keys: StoredKey[];
}

export const KEY_FILE_NAME = 'signing-keys.json';

/**
 * Loads the active Ed25519 signing key from `<dataDir>/signing-keys.json`, generating and
 * storing a new key pair (file mode 0600) on first start. The file keeps a list of keys so
 * that rotation can add keys while old public keys stay published.
 */
export async function loadOrCreateSigningKeys(dataDir: string): Promise<{ active: SigningKey; all: SigningKey[] }> {
  const path = join(dataDir, KEY_FILE_NAME);
  let file: KeyFile;

  if (existsSync(path)) {
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
    } catch (error) {
      throw new Error(`Signing key file ${path} is not valid JSON; restore it from a backup or delete it to generate a new key (tags signed with the old key will stop verifying).`, { cause: error });
    }
  } else {
    const created = await generateStoredKey();
    file = { active: created.kid, keys: [created] };
    mkdirSync(dataDir, { recursive: true });
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, JSON.stringify(file, null, 2), { mode: 0o600 });
    renameSync(temporary, path);
  }

  const all = await Promise.all(file.keys.map(importStoredKey));
  const active = all.find((key) => key.kid === file.active);
  if (!active) throw new Error(`Signing key file ${path} names active key ${file.active}, which is not in its key list.`);
  return { active, all };
}

async function generateStoredKey(): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicPart(privateJwk));
  return { kid, createdAt: new Date().toISOString(), privateJwk };
}

async function importStoredKey(stored: StoredKey): Promise<SigningKey> {
  const privateKey = (await importJWK({ ...stored.privateJwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  const publicJwk: JWK = { ...publicPart(stored.privateJwk), kid: stored.kid, alg: 'EdDSA', use: 'sig' };
  return { kid: stored.kid, privateKey, publicJwk };
}

function publicPart(jwk: JWK): JWK {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}
