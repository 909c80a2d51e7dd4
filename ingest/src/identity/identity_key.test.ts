import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { IDENTITY_KEY_FILE_NAME, hashIdentity, loadOrCreateIdentityKey } from './identity_key';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telltale-identity-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateIdentityKey', () => {
  it('creates a private key file once', () => {
    const created = loadOrCreateIdentityKey(dir);
    expect(created.length).toBe(32);
    expect(statSync(join(dir, IDENTITY_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateIdentityKey(dir).equals(created)).toBe(true);
  });

  it('creates the data folder when missing', () => {
    const nested = join(dir, 'data', 'telltale');
    expect(loadOrCreateIdentityKey(nested).length).toBe(32);
    expect(readFileSync(join(nested, IDENTITY_KEY_FILE_NAME), 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('rejects a truncated key file', () => {
    writeFileSync(join(dir, IDENTITY_KEY_FILE_NAME), 'c2hvcnQ\n');
    expect(() => loadOrCreateIdentityKey(dir)).toThrow(/Identity key file .* is invalid: expected 32 bytes in base64url, found 5/);
  });
});

describe('hashIdentity', () => {
  const key = Buffer.alloc(32, 7);

  it('returns the same hex digest for the same input', () => {
    const hash = hashIdentity(key, 'pk_demo', 'alice@example.com');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIdentity(key, 'pk_demo', 'alice@example.com')).toBe(hash);
  });

  it('depends on the key, the site and the identity', () => {
    const hash = hashIdentity(key, 'pk_demo', 'alice@example.com');
    expect(hashIdentity(Buffer.alloc(32, 8), 'pk_demo', 'alice@example.com')).not.toBe(hash);
    expect(hashIdentity(key, 'pk_shop', 'alice@example.com')).not.toBe(hash);
    expect(hashIdentity(key, 'pk_demo', 'bob@example.com')).not.toBe(hash);
    // The separator keeps site and identity apart: "pk_d" + "emoalice" is not "pk_demo" + "alice".
    expect(hashIdentity(key, 'pk_d', 'emoalice@example.com')).not.toBe(hash);
  });

  it('differs from an unkeyed hash of the identity', () => {
    const plain = createHash('sha256').update('alice@example.com').digest('hex');
    expect(hashIdentity(key, 'pk_demo', 'alice@example.com')).not.toBe(plain);
  });
});
