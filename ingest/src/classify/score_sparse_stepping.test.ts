import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractPointerDynamics } from '../features/pointer_dynamics';
import { scoreSparseStepping, SPARSE_STEP_LENGTH_CV_SCRIPTED } from './score_sparse_stepping';

/** Moves 20 times by `stepPx(i)` after `gapMs(i)`, along a slow arc. */
function sparseMoves(gapMs: (i: number) => number, stepPx: (i: number) => number): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let t = 1000;
  let x = 300;
  let y = 300;
  for (let i = 0; i < 20; i += 1) {
    t += gapMs(i);
    const angle = i * 0.3;
    x += stepPx(i) * Math.cos(angle);
    y += stepPx(i) * Math.sin(angle);
    events.push({ type: 'pointer', t, kind: 'move', x: Math.round(x), y: Math.round(y), buttons: 0 });
  }
  return events;
}

describe('scoreSparseStepping', () => {
  it('flags constant steps on a timer', () => {
    const events = sparseMoves((i) => (i % 2 === 0 ? 155 : 167), () => 10);
    const evidence = scoreSparseStepping(extractPointerDynamics(events));
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.code).toBe('pointer_speed_constant');
    expect(evidence[0]?.value).toBeLessThanOrEqual(SPARSE_STEP_LENGTH_CV_SCRIPTED);
  });

  it('passes irregular gaps', () => {
    const gaps = [110, 260, 140, 330, 120, 200, 380, 150, 240, 105];
    const events = sparseMoves((i) => gaps[i % gaps.length] as number, () => 10);
    expect(scoreSparseStepping(extractPointerDynamics(events))).toEqual([]);
  });

  it('passes varied step lengths', () => {
    const steps = [4, 22, 9, 35, 6, 15, 28, 3, 18, 11];
    const events = sparseMoves((i) => (i % 2 === 0 ? 155 : 167), (i) => steps[i % steps.length] as number);
    expect(scoreSparseStepping(extractPointerDynamics(events))).toEqual([]);
  });

  it('ignores densely sampled moves', () => {
    const events = sparseMoves(() => 8, () => 10);
    const dynamics = extractPointerDynamics(events);
    expect(dynamics.sparseStepCount).toBe(0);
    expect(scoreSparseStepping(dynamics)).toEqual([]);
  });
});
