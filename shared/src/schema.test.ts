import { describe, expect, it } from 'vitest';

import { ERROR_STATUS, ErrorCode } from './errors';
import { SESSION_CLASSES, isAgentDriven } from './classes';
import { REASONS } from './reasons';
import { beaconSchema, formatIssuePath } from './schema';

const validBeacon = {
  v: 1,
  site: 'pk_demo',
  sid: 'abcdefgh12345678',
  seq: 0,
  page: 0,
  path: '/demo/',
  sentAt: 1000,
  events: [
    { type: 'nav', t: 1, kind: 'load', path: '/demo/' },
    { type: 'key', t: 10, phase: 'down', cls: 'letter', field: 1 },
    { type: 'pointer', t: 12.5, kind: 'move', x: 10, y: 20, coalesced: true },
    { type: 'input', t: 13, field: 1, inputType: 'insertText', delta: 1 },
  ],
};

describe('beaconSchema', () => {
  it('accepts a well-formed beacon', () => {
    expect(beaconSchema.safeParse(validBeacon).success).toBe(true);
  });

  it.each([
    { name: 'query string in the path', change: { path: '/demo/?q=1' }, path: 'path' },
    { name: 'fragment in the path', change: { path: '/demo/#top' }, path: 'path' },
    { name: 'short session id', change: { sid: 'abc' }, path: 'sid' },
    { name: 'negative sequence number', change: { seq: -1 }, path: 'seq' },
    { name: 'unknown event type', change: { events: [{ type: 'keystroke', t: 1 }] }, path: 'events[0].type' },
    { name: 'key event with a character', change: { events: [{ type: 'key', t: 1, phase: 'down', cls: 'a' }] }, path: 'events[0].cls' },
    { name: 'input type with punctuation', change: { events: [{ type: 'input', t: 1, field: 0, inputType: 'insert-Text', delta: 1 }] }, path: 'events[0].inputType' },
    { name: 'empty identity', change: { identity: '' }, path: 'identity' },
    { name: 'identity over 256 characters', change: { identity: 'a'.repeat(257) }, path: 'identity' },
  ])('rejects a $name', ({ change, path }) => {
    const result = beaconSchema.safeParse({ ...validBeacon, ...change });
    expect(result.success).toBe(false);
    expect(formatIssuePath(result.error!.issues[0]!.path)).toBe(path);
  });

  it('accepts an identity of 256 characters', () => {
    expect(beaconSchema.parse({ ...validBeacon, identity: 'a'.repeat(256) }).identity).toHaveLength(256);
  });

  it('strips fields it does not know, such as a typed value', () => {
    const parsed = beaconSchema.parse({ ...validBeacon, events: [{ type: 'input', t: 1, field: 0, inputType: 'insertText', delta: 1, value: 'secret' }] });
    expect(JSON.stringify(parsed)).not.toContain('secret');
  });
});

describe('formatIssuePath', () => {
  it('formats array indexes in brackets', () => {
    expect(formatIssuePath(['events', 3, 'type'])).toBe('events[3].type');
  });

  it('names the body for an empty path', () => {
    expect(formatIssuePath([])).toBe('(body)');
  });
});

describe('contract constants', () => {
  it('gives every error code a status', () => {
    for (const code of Object.values(ErrorCode)) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });

  it('marks exactly the three automation classes agent-driven', () => {
    expect(SESSION_CLASSES.filter(isAgentDriven)).toEqual(['authorized_agent', 'unverified_agent', 'rogue_bot']);
  });

  it('keeps reason codes unique snake_case strings', () => {
    expect(new Set(REASONS).size).toBe(REASONS.length);
    for (const reason of REASONS) expect(reason).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});
