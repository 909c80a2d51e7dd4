import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractKeystrokeFeatures } from '../features/keystroke';
import { extractPointerFeatures } from '../features/pointer';
import { mechanicalSpreadLimitMs, scoreBehaviour } from './score_behaviour';

/** Key downs at cumulative intervals (ms) and, when `holds` is given, ups after each hold. */
function typing(intervals: readonly number[], holds: readonly number[] | null = null): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let t = 1000;
  for (let i = 0; i <= intervals.length; i += 1) {
    events.push({ type: 'key', t, phase: 'down', cls: 'letter', field: 0 });
    const hold = holds?.[i % holds.length];
    if (hold !== undefined) events.push({ type: 'key', t: t + hold, phase: 'up', cls: 'letter', field: 0 });
    t += intervals[i] ?? 0;
  }
  return events.sort((a, b) => a.t - b.t);
}

function codesFor(events: BeaconEvent[]): string[] {
  const keys = extractKeystrokeFeatures(events).features;
  const pointer = extractPointerFeatures(events).features;
  return scoreBehaviour(keys, pointer).map((item) => item.code);
}

/** Rounds each timestamp down to a clock of the given step. */
function quantise(events: BeaconEvent[], stepMs: number): BeaconEvent[] {
  return events.map((event) => ({ ...event, t: Math.floor(event.t / stepMs) * stepMs }));
}

const HUMAN_INTERVALS = [142, 231, 118, 305, 176, 129, 264, 198, 151, 220, 187, 133];
const HUMAN_HOLDS = [92, 104, 78, 121, 88, 97, 112, 83];

describe('scoreBehaviour on keys', () => {
  it.each([
    { name: 'flags constant 80 ms key intervals as scripted', events: typing(Array(12).fill(80)), code: 'key_interval_regular' },
    {
      name: 'flags 80 ms intervals with 1 ms of jitter as scripted',
      events: typing([81, 82, 81, 83, 82, 81, 82, 83, 81, 82, 81, 82]),
      code: 'key_interval_regular',
    },
    { name: 'flags identical 80 ms holds as mechanical', events: typing(HUMAN_INTERVALS, [80]), code: 'key_hold_mechanical' },
    { name: 'flags instant key releases as mechanical', events: typing(HUMAN_INTERVALS, [0.5, 1, 0.7]), code: 'key_hold_mechanical' },
    { name: 'reads irregular typing as human', events: typing(HUMAN_INTERVALS, HUMAN_HOLDS), code: 'typing_rhythm_human' },
  ])('$name', ({ events, code }) => {
    expect(codesFor(events)).toContain(code);
  });

  it('keeps a 16.7 ms quantised clock from looking mechanical', () => {
    const events = quantise(typing(HUMAN_INTERVALS, HUMAN_HOLDS), 1000 / 60);
    const codes = codesFor(events);
    expect(codes).not.toContain('key_interval_regular');
    expect(codes).not.toContain('key_hold_mechanical');
    expect(codes).toContain('typing_rhythm_human');
  });

  it('still flags a fixed delay on a 16.7 ms clock', () => {
    const events = quantise(typing(Array(12).fill(83.4), [80]), 1000 / 60);
    expect(codesFor(events)).toContain('key_interval_regular');
  });

  it('leaves holds unjudged on a 100 ms clock', () => {
    const events = quantise(typing(HUMAN_INTERVALS, HUMAN_HOLDS), 100);
    const keys = extractKeystrokeFeatures(events).features;
    expect(keys.keyClockStepMs).toBe(100);
    expect(keys.keyHoldCount).toBeGreaterThanOrEqual(5);
    expect(codesFor(events)).not.toContain('key_hold_mechanical');
  });

  it('still flags a fixed delay on a 100 ms clock', () => {
    const events = quantise(typing(Array(12).fill(100), [0.5]), 100);
    expect(codesFor(events)).toContain('key_interval_regular');
  });

  it('widens the mechanical limit with the clock step', () => {
    expect(mechanicalSpreadLimitMs(0)).toBe(6);
    expect(mechanicalSpreadLimitMs(100)).toBe(60);
  });

  it('judges nothing from four keys', () => {
    expect(codesFor(typing([80, 80, 80]))).toEqual([]);
  });

  it('flags text inserted without keys', () => {
    const events: BeaconEvent[] = [
      { type: 'focus', t: 0, kind: 'focus', field: 0, fieldKind: 'text' },
      { type: 'input', t: 1, field: 0, inputType: 'insertText', delta: 9 },
    ];
    expect(codesFor(events)).toEqual(['input_without_keys']);
  });

  it('flags untrusted events above everything else', () => {
    const events: BeaconEvent[] = [
      { type: 'click', t: 0, x: 5, y: 5, dx: 0, dy: 0, w: 100, h: 30, detail: 1, trusted: false },
    ];
    expect(codesFor(events)[0]).toBe('untrusted_events');
  });
});

describe('scoreBehaviour on the pointer', () => {
  it('flags evenly spaced straight steps as regular and constant', () => {
    const events: BeaconEvent[] = [];
    for (let i = 1; i <= 20; i += 1) events.push({ type: 'pointer', t: i * 3, kind: 'move', x: i * 30, y: i * 15 });
    const codes = codesFor(events);
    expect(codes).toContain('pointer_timing_regular');
    expect(codes).toContain('pointer_speed_constant');
    expect(codes).not.toContain('pointer_dynamics_human');
  });

  it('flags moves that keep repeating the same position', () => {
    const events: BeaconEvent[] = [];
    for (let i = 0; i < 30; i += 1) {
      // Every position is sent twice, as GAN-generated paths in DELBOT do.
      const step = Math.floor(i / 2);
      events.push({ type: 'pointer', t: i * 16, kind: 'move', x: 100 + step * 7 + (step % 3) * 4, y: 200 + (step % 4) * 5 });
    }
    expect(codesFor(events)).toContain('pointer_moves_stationary');
  });
});
