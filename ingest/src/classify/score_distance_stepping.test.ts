import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractPointerDynamics } from '../features/pointer_dynamics';
import { DISTANCE_STEP_MAX_LENGTH_SPREAD, scoreDistanceStepping } from './score_distance_stepping';

/** 24 moves around a circle, after gaps of `gapMs(i)`, each `stepPx(i)` long. */
function steps(gapMs: (i: number) => number, stepPx: (i: number) => number): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let t = 1000;
  let x = 400;
  let y = 300;
  for (let i = 0; i < 24; i += 1) {
    t += gapMs(i);
    const angle = i * 0.26;
    x += stepPx(i) * Math.cos(angle);
    y += stepPx(i) * Math.sin(angle);
    events.push({ type: 'pointer', t, kind: 'move', x, y, buttons: 0 });
  }
  return events;
}

const unevenGaps = (i: number): number => [16, 34, 120, 250, 60][i % 5] as number;

describe('scoreDistanceStepping', () => {
  it('flags fixed steps after uneven gaps', () => {
    const evidence = scoreDistanceStepping(extractPointerDynamics(steps(unevenGaps, () => 20)));
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.code).toBe('pointer_speed_constant');
    expect(evidence[0]?.value).toBeLessThanOrEqual(DISTANCE_STEP_MAX_LENGTH_SPREAD);
  });

  it('leaves steps that grow with the gap alone', () => {
    // A hand at a steady 0.2 px/ms covers more ground in a longer gap.
    expect(scoreDistanceStepping(extractPointerDynamics(steps(unevenGaps, (i) => 0.2 * unevenGaps(i))))).toEqual([]);
  });

  it('leaves equal steps on a steady clock alone', () => {
    expect(scoreDistanceStepping(extractPointerDynamics(steps(() => 16, () => 20)))).toEqual([]);
  });

  it('leaves whole-pixel steps of a slow hand alone', () => {
    expect(scoreDistanceStepping(extractPointerDynamics(steps(unevenGaps, () => 1)))).toEqual([]);
  });
});
