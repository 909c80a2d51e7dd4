import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractPointerDynamics } from './pointer_dynamics';

function moves(points: readonly [number, number, number][]): BeaconEvent[] {
  return points.map(([t, x, y]) => ({ type: 'pointer', t, kind: 'move', x, y, buttons: 0 }));
}

describe('extractPointerDynamics', () => {
  it('returns null profiles for too few steps', () => {
    const features = extractPointerDynamics(moves([[0, 0, 0], [8, 5, 0], [16, 10, 0]]));
    expect(features.dynamicsStepCount).toBe(2);
    expect(features.angleChangeMean).toBeNull();
    expect(features.intervalModeShare).toBeNull();
  });

  it('measures a straight constant-speed line', () => {
    const line = moves(Array.from({ length: 30 }, (_, i) => [i * 16, i * 10, 0] as [number, number, number]));
    const features = extractPointerDynamics(line);
    expect(features.dynamicsStepCount).toBe(29);
    expect(features.intervalModeShare).toBe(1);
    expect(features.intervalSpreadRatio).toBe(0);
    expect(features.angleChangeStraightShare).toBe(1);
    expect(features.angleChangeReversalShare).toBe(0);
    expect(features.speedCv).toBe(0);
    expect(features.tinyStepShare).toBe(0);
    expect(features.intervalLogMedian).toBeCloseTo(Math.log(16));
  });

  it('counts reversals and sub-movements of a zigzag', () => {
    const points: [number, number, number][] = [];
    for (let i = 0; i < 30; i += 1) points.push([i * 8, i % 2 === 0 ? 0 : 4, i % 3 === 0 ? 0 : 1 + (i % 5)]);
    const features = extractPointerDynamics(moves(points));
    expect(features.angleChangeReversalShare).toBeGreaterThan(0.3);
    expect(features.subMovementsPerStroke).toBeGreaterThan(2);
  });

  it('finds a bell-shaped speed profile peaking mid-stroke', () => {
    const points: [number, number, number][] = [];
    let x = 0;
    for (let i = 0; i <= 40; i += 1) {
      const tau = i / 40;
      x = 400 * (10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5);
      points.push([i * 8, x, 0]);
    }
    const features = extractPointerDynamics(moves(points));
    expect(features.peakSpeedTimeShare).toBeGreaterThan(0.4);
    expect(features.peakSpeedTimeShare).toBeLessThan(0.6);
    expect(features.subMovementsPerStroke).toBe(0);
  });

  it('measures chord speed change', () => {
    const steady = moves(Array.from({ length: 40 }, (_, i) => [i * 16, Math.round(i * 2.5), 0] as [number, number, number]));
    const accelerating = moves(Array.from({ length: 40 }, (_, i) => [i * 16, Math.round(0.2 * i * i), 0] as [number, number, number]));
    const steadyChange = extractPointerDynamics(steady).chordSpeedChangeMedian as number;
    const acceleratingChange = extractPointerDynamics(accelerating).chordSpeedChangeMedian as number;
    expect(steadyChange).toBeLessThan(0.1);
    expect(acceleratingChange).toBeGreaterThan(0.2);
  });

  it('leaves chord speed change unmeasured on short strokes', () => {
    const short = moves(Array.from({ length: 9 }, (_, i) => [i * 16, i * 3, 0] as [number, number, number]));
    expect(extractPointerDynamics(short).chordSpeedChangeMedian).toBeNull();
  });

  it('splits strokes at pauses and ignores touch moves', () => {
    const first = moves(Array.from({ length: 12 }, (_, i) => [i * 8, i * 3, 0] as [number, number, number]));
    const second = moves(Array.from({ length: 12 }, (_, i) => [1000 + i * 8, 100 + i * 3, 50] as [number, number, number]));
    const touch: BeaconEvent[] = [{ type: 'pointer', t: 500, kind: 'move', x: 900, y: 900, pt: 'touch' }];
    const features = extractPointerDynamics([...first, ...touch, ...second]);
    expect(features.dynamicsStepCount).toBe(22);
    expect(features.slowIntervalShare).toBe(0);
  });
});
