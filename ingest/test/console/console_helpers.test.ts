import { describe, expect, it } from 'vitest';
import type { BeaconEvent, Evidence } from '@telltale/shared';

import { buildTrajectory, MAX_TRAJECTORY_POINTS } from '../../src/console/build_trajectory';
import { extractKeyTimings } from '../../src/console/extract_key_timings';
import { describeHumanRange } from '../../src/console/human_range';
import { binShares, BIN_COUNT } from '../../src/console/key_timing_histogram';
import { encodeCursor, parseSessionFilter } from '../../src/console/parse_session_filter';

const key = (t: number, phase: 'down' | 'up', cls: 'letter' | 'space' | 'modifier' = 'letter', extra: Partial<BeaconEvent> = {}): BeaconEvent =>
  ({ type: 'key', t, phase, cls, ...extra }) as BeaconEvent;

describe('extractKeyTimings', () => {
  it('pairs holds by key class and flights from the last release', () => {
    const timings = extractKeyTimings([key(0, 'down'), key(90, 'up'), key(150, 'down', 'space'), key(230, 'up', 'space')]);
    expect(timings.holds).toEqual([90, 80]);
    expect(timings.flights).toEqual([60]);
  });

  it('leaves out modifier, repeat and IME keys', () => {
    const timings = extractKeyTimings([
      key(0, 'down', 'modifier'),
      key(10, 'down'),
      key(20, 'down', 'letter', { repeat: true }),
      key(30, 'down', 'space', { ime: true }),
      key(100, 'up'),
      key(400, 'up', 'modifier'),
    ]);
    expect(timings.holds).toEqual([90]);
    expect(timings.flights).toEqual([]);
  });

  it('drops pauses longer than 1.5 s', () => {
    const timings = extractKeyTimings([key(0, 'down'), key(100, 'up'), key(5000, 'down'), key(5100, 'up')]);
    expect(timings.flights).toEqual([]);
    expect(timings.holds).toEqual([100, 100]);
  });
});

describe('buildTrajectory', () => {
  const move = (t: number, x: number, y: number): BeaconEvent => ({ type: 'pointer', t, kind: 'move', x, y });

  it('marks pauses, clicks and page starts', () => {
    const trajectory = buildTrajectory([
      { page: 0, env: null, events: [move(0, 10, 10), move(10, 20, 10), move(800, 30, 10), { type: 'click', t: 810, x: 30, y: 10, dx: 0, dy: 0, w: 0, h: 0, detail: 1 }] },
      { page: 1, env: null, events: [move(0, 500, 500)] },
    ]);
    expect(trajectory.points).toHaveLength(4);
    expect(trajectory.speedClasses[0]).toBe(-1);
    expect(trajectory.speedClasses[3]).toBe(-1);
    expect(trajectory.pauses).toEqual([{ x: 20, y: 10, durationMs: 790 }]);
    expect(trajectory.clicks).toEqual([{ x: 30, y: 10, page: 0 }]);
    expect(trajectory.bounds.maxX).toBe(500);
  });

  it('classes 1 px/ms in the 1–2 band', () => {
    const trajectory = buildTrajectory([{ page: 0, env: null, events: [move(0, 0, 0), move(10, 10, 0), move(110, 11, 0)] }]);
    expect(trajectory.speedClasses).toEqual([-1, 3, 0]);
  });

  it('caps drawn points but counts every stored one', () => {
    const events = Array.from({ length: MAX_TRAJECTORY_POINTS + 10 }, (_, i) => move(i * 10, i % 100, 0));
    const trajectory = buildTrajectory([{ page: 0, env: null, events }]);
    expect(trajectory.points).toHaveLength(MAX_TRAJECTORY_POINTS);
    expect(trajectory.storedPointCount).toBe(MAX_TRAJECTORY_POINTS + 10);
  });
});

describe('binShares', () => {
  it('puts long values in the open last bin', () => {
    const shares = binShares([5, 15, 25, 10_000]);
    expect(shares[0]).toBe(0.5);
    expect(shares[1]).toBe(0.25);
    expect(shares[BIN_COUNT - 1]).toBe(0.25);
  });

  it('returns zeros for no values', () => {
    expect(binShares([]).every((share) => share === 0)).toBe(true);
  });
});

describe('describeHumanRange', () => {
  const evidence = (feature: string, threshold: Evidence['threshold']): Evidence => ({ code: 'pointer_speed_constant', feature, value: 0.1, threshold, weight: 2.5 });

  it.each([
    ['stepLengthCv', 0.28, '> 0.28'],
    ['evenStepShare', 0.6, '< 0.6'],
    ['untrustedEventCount', 0, '≤ 0'],
    ['webdriver', 'true', 'false'],
    ['clientHintsVersionMismatch', 'equal major versions', 'equal major versions'],
    ['unlistedFeature', 3, 'compared with 3'],
  ] as const)('describes %s against %s', (feature, threshold, expected) => {
    expect(describeHumanRange(evidence(feature, threshold))).toBe(expected);
  });
});

describe('parseSessionFilter', () => {
  const now = Date.UTC(2026, 0, 10);

  it('defaults to the last 24 hours', () => {
    const params = parseSessionFilter({}, now);
    expect(params.period).toBe('24h');
    expect(params.filter.from).toBe(now - 24 * 60 * 60 * 1000);
    expect(params.problems).toEqual([]);
  });

  it('reads every filter and the cursor', () => {
    const cursor = encodeCursor({ lastSeen: now - 5, id: 'abc' });
    const params = parseSessionFilter({ period: '7d', class: 'rogue_bot', agentDriven: 'true', framework: 'playwright', identity: 'h1', cursor }, now);
    expect(params.filter).toEqual({ from: now - 7 * 24 * 60 * 60 * 1000, to: now, class: 'rogue_bot', agentDriven: true, framework: 'playwright', identityHash: 'h1' });
    expect(params.cursor).toEqual({ lastSeen: now - 5, id: 'abc' });
  });

  it('reports invalid values instead of failing', () => {
    const params = parseSessionFilter({ period: '2y', class: 'robot', agentDriven: 'maybe', cursor: '!!' }, now);
    expect(params.problems).toHaveLength(4);
    expect(params.filter.class).toBeUndefined();
    expect(params.cursor).toBeUndefined();
  });
});
