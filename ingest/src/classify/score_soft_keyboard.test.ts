import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractKeystrokeFeatures } from '../features/keystroke';
import { scoreSoftKeyboard } from './score_soft_keyboard';

/** Soft-keyboard key downs (key code 229) at the given times, each released 5 ms later. */
function imeKeys(times: readonly number[]): BeaconEvent[] {
  return times.flatMap((t): BeaconEvent[] => [
    { type: 'key', t, phase: 'down', cls: 'other', field: 0, ime: true },
    { type: 'key', t: t + 5, phase: 'up', cls: 'other', field: 0, ime: true },
  ]);
}

function score(events: readonly BeaconEvent[]) {
  return scoreSoftKeyboard(events, extractKeystrokeFeatures(events).features);
}

describe('scoreSoftKeyboard', () => {
  it('finds a typing rhythm in irregular soft-keyboard keys', () => {
    const evidence = score(imeKeys([0, 210, 330, 640, 780, 1110, 1260, 1420]));
    expect(evidence.map((item) => item.code)).toEqual(['typing_rhythm_human']);
    expect(evidence[0]!.feature).toBe('imeKeyIntervalCv');
  });

  it('flags soft-keyboard keys on a fixed delay', () => {
    const evidence = score(imeKeys([0, 100, 200, 300, 400, 500, 600, 700]));
    expect(evidence.map((item) => item.code)).toEqual(['key_interval_regular']);
  });

  it('ignores the hold times the keyboard sends', () => {
    const evidence = score(imeKeys([0, 210, 330, 640, 780, 1110, 1260, 1420]));
    expect(evidence.some((item) => item.code === 'key_hold_mechanical')).toBe(false);
  });

  it('leaves windows with physical key intervals alone', () => {
    const physical: BeaconEvent[] = [0, 180, 390, 520, 760, 900].map((t) => ({ type: 'key', t, phase: 'down', cls: 'letter', field: 0 }));
    expect(score([...physical, ...imeKeys([2000, 2200, 2350, 2600, 2700, 2950])])).toEqual([]);
  });

  it('returns nothing for too few keys', () => {
    expect(score(imeKeys([0, 200, 380]))).toEqual([]);
  });
});
