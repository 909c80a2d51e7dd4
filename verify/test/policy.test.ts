import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_POLICY, PolicyError, parsePolicy, type Policy } from '../src/policy';
import { loadPolicyFile, watchPolicyFile } from '../src/policy_file';
import { createEnforcer } from '../src/create_enforcer';
import { TEST_POLICY } from './support/enforcement_fixtures';
import { SITE_KEY } from './support/signing_key';

function clone(): typeof TEST_POLICY & Record<string, unknown> {
  return structuredClone(TEST_POLICY);
}

function issuesOf(input: unknown): string[] {
  try {
    parsePolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).issues;
  }
  throw new Error('policy was accepted');
}

describe('parsePolicy', () => {
  it('accepts the test policy and fills defaults', () => {
    const policy = parsePolicy(TEST_POLICY);
    expect(policy.block).toEqual(['rogue_bot']);
    expect(policy.labels.account!.failMode).toBe('closed');
    expect(policy.failMode).toBe('open');
  });

  it('names an unknown class', () => {
    const input = clone();
    (input.rateLimits as Record<string, unknown>).robot = { points: 1, durationSec: 1 };
    expect(issuesOf(input)).toEqual([expect.stringMatching(/^rateLimits\.robot: is not a session class/)]);
  });

  it('names an unknown class in a label rule', () => {
    const input = clone();
    input.labels.account.classes = ['human', 'people'];
    expect(issuesOf(input)).toEqual([expect.stringMatching(/^labels\.account\.classes\[1\]: must be one of human/)]);
  });

  it('names a negative limit', () => {
    const input = clone();
    input.rateLimits.unverified_agent.points = -5;
    expect(issuesOf(input)).toEqual(['rateLimits.unverified_agent.points: must be a positive integer']);
  });

  it('names a fractional window', () => {
    const input = clone();
    input.rateLimits.human.durationSec = 0.5;
    expect(issuesOf(input)).toEqual(['rateLimits.human.durationSec: must be a positive integer']);
  });

  it('names a missing class limit', () => {
    const input = clone();
    delete (input.rateLimits as Partial<typeof input.rateLimits>).unknown;
    expect(issuesOf(input)).toEqual(['rateLimits.unknown: is required']);
  });

  it('names a missing points field', () => {
    const input = clone();
    delete (input.rateLimits.human as Partial<typeof input.rateLimits.human>).points;
    expect(issuesOf(input)).toEqual(['rateLimits.human.points: is required']);
  });

  it('names a route label without a rule', () => {
    const input = clone();
    input.routes = [{ path: '/api/orders', label: 'orders' }];
    expect(issuesOf(input)).toEqual(['routes[0].label: "orders" has no rule in labels']);
  });

  it('puts every issue in the message', () => {
    const input = clone();
    input.rateLimits.human.points = 0;
    input.rateLimits.rogue_bot.durationSec = -1;
    const error = (() => {
      try {
        parsePolicy(input, 'policy file test.json');
      } catch (caught) {
        return caught as Error;
      }
      return null;
    })();
    expect(error?.message).toContain('Invalid policy file test.json');
    expect(error?.message).toContain('rateLimits.human.points: must be a positive integer');
    expect(error?.message).toContain('rateLimits.rogue_bot.durationSec: must be a positive integer');
  });

  it('keeps sensitive data from unverified agents by default', () => {
    expect(DEFAULT_POLICY.labels.sensitive!.classes).not.toContain('unverified_agent');
    expect(DEFAULT_POLICY.labels.sensitive!.failMode).toBe('closed');
    expect(DEFAULT_POLICY.block).toContain('rogue_bot');
    expect(DEFAULT_POLICY.rateLimits.unverified_agent.points).toBeLessThan(DEFAULT_POLICY.rateLimits.human.points);
  });
});

describe('policy files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'telltale-policy-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad file at start naming the field', () => {
    const input = clone();
    input.rateLimits.unverified_agent.points = -1;
    const path = join(dir, 'policy.json');
    writeFileSync(path, JSON.stringify(input));
    expect(() => createEnforcer({ jwks: { keys: [] }, audience: SITE_KEY, policy: loadPolicyFile(path) })).toThrow(
      /policy file .*policy\.json: rateLimits\.unverified_agent\.points: must be a positive integer/,
    );
  });

  it('reports a file that is not JSON', () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, '{ "version": 1,');
    expect(() => loadPolicyFile(path)).toThrow(/is not valid JSON/);
  });

  it('reloads a changed file and keeps the old policy on a bad one', async () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, JSON.stringify(TEST_POLICY));
    const loaded: Policy[] = [];
    const errors: PolicyError[] = [];
    const stop = watchPolicyFile(path, { onChange: (p) => loaded.push(p), onError: (e) => errors.push(e), debounceMs: 50 });

    try {
      const changed = clone();
      changed.rateLimits.unverified_agent.points = 7;
      writeFileSync(`${path}.tmp`, JSON.stringify(changed));
      renameSync(`${path}.tmp`, path);
      await waitFor(() => loaded.length === 1);
      expect(loaded[0]!.rateLimits.unverified_agent.points).toBe(7);

      const broken = clone();
      broken.rateLimits.human.points = -2;
      writeFileSync(path, JSON.stringify(broken));
      await waitFor(() => errors.length >= 1);
      expect(errors[0]!.issues).toContain('rateLimits.human.points: must be a positive integer');
      expect(loaded).toHaveLength(1);
    } finally {
      stop();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met within 2 s');
}
