import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { pathJitterIndex } from './path_jitter';

function moves(points: readonly [t: number, x: number, y: number][]): BeaconEvent[] {
  return points.map(([t, x, y]) => ({ type: 'pointer', t, kind: 'move', x, y, buttons: 0 }));
}

/** Points on a circle of radius `radius` px, `step` px apart along it, one every 16 ms. */
function arc(count: number, step: number, radius = 200, offset: (i: number) => number = () => 0): [number, number, number][] {
  return Array.from({ length: count }, (_, i) => {
    const angle = (i * step) / radius;
    const r = radius + offset(i);
    return [i * 16, 300 + r * Math.cos(angle), 300 + r * Math.sin(angle)];
  });
}

describe('pathJitterIndex', () => {
  it('is 0 on a smooth arc, slow or fast', () => {
    expect(pathJitterIndex(moves(arc(30, 6)))).toBeCloseTo(0, 6);
    // 30 px steps on a tight circle: the sagitta is large but constant, so nothing is left.
    expect(pathJitterIndex(moves(arc(30, 30, 120)))).toBeCloseTo(0, 6);
  });

  it('grows with noise that alternates across the path', () => {
    const small = pathJitterIndex(moves(arc(30, 6, 200, (i) => (i % 2 === 0 ? 0 : 0.5)))) as number;
    const large = pathJitterIndex(moves(arc(30, 6, 200, (i) => (i % 2 === 0 ? 0 : 2)))) as number;
    // An outward point sits 2 px off its neighbours' chord on one side, and each inward point
    // 2 px off on the other, so second differences are 4 px, over √12 px chords.
    expect(large).toBeCloseTo(4 / Math.sqrt(12), 1);
    expect(small).toBeLessThan(large / 3);
  });

  it('skips slow steps, short chords and touch moves', () => {
    const slow = arc(30, 6).map(([t, x, y]) => [t * 3, x, y] as [number, number, number]);
    expect(pathJitterIndex(moves(slow))).toBeNull();
    const still = Array.from({ length: 30 }, (_, i) => [i * 16, 100 + (i % 2), 100] as [number, number, number]);
    expect(pathJitterIndex(moves(still))).toBeNull();
    const touch = moves(arc(30, 6)).map((event) => ({ ...event, pt: 'touch' as const }));
    expect(pathJitterIndex(touch)).toBeNull();
  });
});
