import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractPointerDynamics } from '../features/pointer_dynamics';
import { createSeededRandom } from '../eval/seeded_random';
import { PATH_JITTER_SCRIPTED, scorePathJitter } from './score_path_jitter';

/** 40 moves along a circle of radius 150 px, 8 px apart, one per 16.7 ms frame, with `noise` px added to each coordinate. */
function circle(noise: () => number): BeaconEvent[] {
  return Array.from({ length: 40 }, (_, i) => {
    const angle = (i * 8) / 150;
    return {
      type: 'pointer' as const,
      t: Math.round(i * 167) / 10,
      kind: 'move' as const,
      x: Math.round(400 + 150 * Math.cos(angle) + noise()),
      y: Math.round(300 + 150 * Math.sin(angle) + noise()),
      buttons: 0,
    };
  });
}

describe('scorePathJitter', () => {
  it('flags a path with noise on every point', () => {
    const random = createSeededRandom(7);
    const evidence = scorePathJitter(extractPointerDynamics(circle(() => random.gaussian(0, 2))));
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.code).toBe('pointer_path_jitter');
    expect(evidence[0]?.value).toBeGreaterThanOrEqual(PATH_JITTER_SCRIPTED);
  });

  it('leaves a smooth whole-pixel path alone', () => {
    expect(scorePathJitter(extractPointerDynamics(circle(() => 0)))).toEqual([]);
  });

  it('skips bursty delivery', () => {
    const random = createSeededRandom(7);
    // Intervals of 2, 9 and 20 ms in turn: no interval is common enough to call the sampling steady.
    const bursty = circle(() => random.gaussian(0, 2)).map((event, i) => ({ ...event, t: Math.floor(i / 3) * 31 + [0, 2, 11][i % 3]! }));
    const dynamics = extractPointerDynamics(bursty);
    expect(dynamics.pathJitterIndex).toBeGreaterThanOrEqual(PATH_JITTER_SCRIPTED);
    expect(scorePathJitter(dynamics)).toEqual([]);
  });

  it('says nothing without enough fast steps', () => {
    const slow = circle(() => 0).map((event) => ({ ...event, t: event.t * 4 }));
    expect(scorePathJitter(extractPointerDynamics(slow))).toEqual([]);
  });
});
