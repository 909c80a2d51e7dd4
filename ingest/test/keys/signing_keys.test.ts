import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadOrCreateSigningKeys, pruneSigningKeys, RETIRED_KEY_PUBLISH_MS, rotateSigningKeys } from '../../src/sign/signing_keys';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telltale-keys-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('signing key rotation', () => {
  it('publishes the retired key until its tags expire', async () => {
    const first = await loadOrCreateSigningKeys(dir);
    const rotatedAt = Date.now();
    const { active, previous } = await rotateSigningKeys(dir, rotatedAt);
    expect(previous).toBe(first.active.kid);

    const during = await loadOrCreateSigningKeys(dir, rotatedAt + RETIRED_KEY_PUBLISH_MS - 1);
    expect(during.active.kid).toBe(active);
    expect(during.published.map((key) => key.kid).sort()).toEqual([active, previous].sort());

    const afterwards = await loadOrCreateSigningKeys(dir, rotatedAt + RETIRED_KEY_PUBLISH_MS);
    expect(afterwards.published.map((key) => key.kid)).toEqual([active]);
    expect(afterwards.all).toHaveLength(2);
  });

  it('prunes only keys past their publishing period', async () => {
    await loadOrCreateSigningKeys(dir);
    const rotatedAt = Date.now();
    const { active, previous } = await rotateSigningKeys(dir, rotatedAt);

    expect(pruneSigningKeys(dir, rotatedAt + 60_000)).toEqual([]);
    expect(pruneSigningKeys(dir, rotatedAt + RETIRED_KEY_PUBLISH_MS)).toEqual([previous]);
    const remaining = await loadOrCreateSigningKeys(dir);
    expect(remaining.all.map((key) => key.kid)).toEqual([active]);
  });

  it('never prunes the active key', async () => {
    const only = await loadOrCreateSigningKeys(dir);
    expect(pruneSigningKeys(dir, Date.now() + 10 * RETIRED_KEY_PUBLISH_MS)).toEqual([]);
    expect((await loadOrCreateSigningKeys(dir)).active.kid).toBe(only.active.kid);
  });
});
