import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { TAG_TTL_SECONDS } from '@telltale/shared';
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
  /** When a rotation replaced this key as the active one (ISO 8601); absent for the active key. */
  retiredAt?: string;
  privateJwk: JWK;
}

interface KeyFile {
  /** Id of the key that signs new tags. */
  active: string;
  keys: StoredKey[];
}

export const KEY_FILE_NAME = 'signing-keys.json';

/** The keys of a key file: the one that signs, every stored one, and those still published in the JWKS. */
export interface SigningKeySet {
  active: SigningKey;
  all: SigningKey[];
  /** The active key and retired keys that may still have signed unexpired tags. */
  published: SigningKey[];
}

/**
 * A retired key stays published this long after its retirement: the longest tag lifetime
 * plus one minute for clock differences between the service and backends.
 */
export const RETIRED_KEY_PUBLISH_MS = (TAG_TTL_SECONDS + 60) * 1000;

/**
 * Loads the signing keys from `<dataDir>/signing-keys.json`, generating and storing a new
 * Ed25519 key pair (file mode 0600) on first start. The file keeps a list of keys, so that
 * rotation can add keys while old public keys stay published.
 */
export async function loadOrCreateSigningKeys(dataDir: string, nowMs = Date.now()): Promise<SigningKeySet> {
  const path = join(dataDir, KEY_FILE_NAME);
  let file: KeyFile;

  if (existsSync(path)) {
    file = readKeyFile(path);
  } else {
    const created = await generateStoredKey();
    file = { active: created.kid, keys: [created] };
    writeKeyFile(dataDir, file);
  }

  const imported = await Promise.all(file.keys.map(async (stored) => ({ stored, key: await importStoredKey(stored) })));
  const active = imported.find(({ stored }) => stored.kid === file.active)?.key;
  if (!active) throw new Error(`Signing key file ${path} names active key ${file.active}, which is not in its key list.`);
  const published = imported.filter(({ stored }) => stored.kid === file.active || !isPastPublishing(stored, nowMs)).map(({ key }) => key);
  return { active, all: imported.map(({ key }) => key), published };
}

/**
 * Adds a new key to the key file and makes it the active one. The previous active key is
 * marked retired now and stays published for `RETIRED_KEY_PUBLISH_MS`. A running service
 * picks the change up through `watchSigningKeys`. Returns the new and the previous key id.
 */
export async function rotateSigningKeys(dataDir: string, nowMs = Date.now()): Promise<{ active: string; previous: string }> {
  await loadOrCreateSigningKeys(dataDir, nowMs);
  const file = readKeyFile(join(dataDir, KEY_FILE_NAME));
  const created = await generateStoredKey();
  const retiredAt = new Date(nowMs).toISOString();

  const keys = file.keys.map((stored) => (stored.kid === file.active ? { ...stored, retiredAt } : stored));
  writeKeyFile(dataDir, { active: created.kid, keys: [...keys, created] });
  return { active: created.kid, previous: file.active };
}

/**
 * Removes retired keys whose publishing period has passed, so tags they signed no longer
 * verify anywhere. Returns the ids of the removed keys.
 */
export function pruneSigningKeys(dataDir: string, nowMs = Date.now()): string[] {
  const path = join(dataDir, KEY_FILE_NAME);
  if (!existsSync(path)) return [];
  const file = readKeyFile(path);
  const removed = file.keys.filter((stored) => stored.kid !== file.active && isPastPublishing(stored, nowMs));
  if (removed.length > 0) writeKeyFile(dataDir, { active: file.active, keys: file.keys.filter((stored) => !removed.includes(stored)) });
  return removed.map((stored) => stored.kid);
}

function isPastPublishing(stored: StoredKey, nowMs: number): boolean {
  return stored.retiredAt !== undefined && Date.parse(stored.retiredAt) + RETIRED_KEY_PUBLISH_MS <= nowMs;
}

function readKeyFile(path: string): KeyFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch (error) {
    throw new Error(`Signing key file ${path} is not valid JSON; restore it from a backup or delete it to generate a new key (tags signed with the old key will stop verifying).`, { cause: error });
  }
}

/** Writes the key file through a temporary file and a rename, so readers never see half a file. */
function writeKeyFile(dataDir: string, file: KeyFile): void {
  const path = join(dataDir, KEY_FILE_NAME);
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file, null, 2), { mode: 0o600 });
  renameSync(temporary, path);
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
