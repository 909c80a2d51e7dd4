import { describe, expect, it } from 'vitest';

import { detectClockStep } from './clock_step';

/** Timestamps from cumulative intervals, starting at 1000 ms. */
function timesFrom(intervals: readonly number[]): number[] {
  const times = [1000];
  for (const interval of intervals) times.push((times[times.length - 1] as number) + interval);
  return times;
}

describe('detectClockStep', () => {
  it.each([
    { name: 'finds the 15.625 ms Windows tick in rounded latencies', intervals: [156, 188, 266, 375, 343, 219, 203], expected: 15.625 },
    { name: 'finds a 60 Hz frame clock', intervals: [16.7, 33.3, 16.7, 50, 16.6, 33.4, 16.7], expected: 1000 / 60 },
    { name: 'finds a 100 ms clock', intervals: [100, 200, 100, 300, 100, 100], expected: 100 },
    { name: 'finds 1 ms integer timestamps', intervals: [83, 97, 112, 76, 131, 88, 95], expected: 1 },
    { name: 'returns 0 for a 0.1 ms clock', intervals: [83.3, 97.1, 112.6, 76.2, 131.9, 88.4, 95.7], expected: 0 },
    { name: 'does not mistake a constant 80 ms interval for a clock step', intervals: [80, 80, 80, 80, 80, 80], expected: 0 },
    { name: 'returns 0 with too few intervals', intervals: [100, 200, 100], expected: 0 },
  ])('$name', ({ intervals, expected }) => {
    expect(detectClockStep(timesFrom(intervals))).toBeCloseTo(expected, 6);
  });

  it('ignores repeated timestamps', () => {
    const times = timesFrom([15.625, 0, 31.25, 0, 15.625, 46.875, 15.625, 31.25]);
    expect(detectClockStep(times)).toBe(15.625);
  });
});
