import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { pressJumpLogRatio } from './press_jump';

type Point = [x: number, y: number];

/** Builds a press at `press`, one held move per point 16 ms apart, and a release. */
function drag(press: Point, path: readonly Point[], pt?: 'touch'): BeaconEvent[] {
  const events: BeaconEvent[] = [{ type: 'pointer', t: 0, kind: 'down', x: press[0], y: press[1], buttons: 1, ...(pt ? { pt } : {}) }];
  path.forEach(([x, y], i) => events.push({ type: 'pointer', t: 16 * (i + 1), kind: 'move', x, y, buttons: 1, ...(pt ? { pt } : {}) }));
  const last = path[path.length - 1] ?? press;
  events.push({ type: 'pointer', t: 16 * (path.length + 1), kind: 'up', x: last[0], y: last[1], buttons: 0, ...(pt ? { pt } : {}) });
  return events;
}

describe('pressJumpLogRatio', () => {
  it('is negative for a slow start', () => {
    const ratio = pressJumpLogRatio(drag([100, 100], [[101, 100], [104, 100], [109, 100], [116, 100], [125, 100], [136, 100]]));
    // First step 1 px, then 3, 5, 7, 9, 11 px: ln(2 / 8).
    expect(ratio).toBeCloseTo(Math.log(2 / 8));
  });

  it('is positive for a jump', () => {
    const ratio = pressJumpLogRatio(drag([100, 100], [[130, 100], [133, 100], [136, 100], [139, 100], [142, 100], [145, 100]]));
    expect(ratio).toBeCloseTo(Math.log(31 / 4));
  });

  it('takes the median over several presses', () => {
    const slow = drag([0, 0], [[1, 0], [3, 0], [6, 0], [10, 0], [15, 0], [21, 0]]);
    const jump = drag([0, 50], [[20, 50], [22, 50], [24, 50], [26, 50], [28, 50], [30, 50]]);
    const shifted = (events: BeaconEvent[], by: number): BeaconEvent[] => events.map((event) => ({ ...event, t: event.t + by }));
    const ratio = pressJumpLogRatio([...slow, ...shifted(jump, 500), ...shifted(slow, 1000)]);
    expect(ratio).toBeCloseTo(Math.log(2 / 5));
  });

  it('leaves out clicks, short drags and touch presses', () => {
    expect(pressJumpLogRatio(drag([10, 10], []))).toBeNull();
    expect(pressJumpLogRatio(drag([10, 10], [[40, 10], [42, 10], [44, 10]]))).toBeNull();
    expect(pressJumpLogRatio(drag([10, 10], [[40, 10], [42, 10], [44, 10], [46, 10], [48, 10], [50, 10]], 'touch'))).toBeNull();
  });
});
