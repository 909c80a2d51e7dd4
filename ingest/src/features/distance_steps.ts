import type { BeaconEvent } from '@telltale/shared';

import { median, quantile } from './stats';

/** Maximum gap (ms) between two moves that still counts as one step of a movement. */
export const STEP_GAP_MAX_MS = 400;
/** Steps a window needs before the spreads are reported. */
const MIN_STEPS = 10;

/** Spread of step lengths and of the gaps between moves, over every step of up to 400 ms. */
export interface DistanceSteps {
  /** Interquartile range of step lengths over their median; null under `MIN_STEPS` steps. */
  lengthRobustCv: number | null;
  /** Interquartile range of the gaps between moves over their median; null under `MIN_STEPS` steps. */
  intervalRobustCv: number | null;
  /** Median step length (px); null under `MIN_STEPS` steps. */
  medianStepPx: number | null;
}

/** One step between consecutive mouse or pen moves. */
export interface SpacedStep {
  dt: number;
  dx: number;
  dy: number;
  length: number;
}

/**
 * Returns the moving steps between consecutive mouse or pen moves whose gap is at most
 * `STEP_GAP_MAX_MS`, pauses included.
 */
export function spacedSteps(events: readonly BeaconEvent[]): SpacedStep[] {
  const steps: SpacedStep[] = [];
  let last: { t: number; x: number; y: number } | null = null;
  for (const event of events) {
    if (event.type !== 'pointer' || event.kind !== 'move' || event.pt === 'touch') continue;
    if (last !== null) {
      const dt = event.t - last.t;
      const dx = event.x - last.x;
      const dy = event.y - last.y;
      const length = Math.hypot(dx, dy);
      if (dt > 0 && dt <= STEP_GAP_MAX_MS && length > 0) steps.push({ dt, dx, dy, length });
    }
    last = { t: event.t, x: event.x, y: event.y };
  }
  return steps;
}

/**
 * Measures how the lengths and gaps of `spacedSteps` spread. A hand's step is its speed
 * times the gap, so when the gaps vary the steps vary with them. A script that moves by a
 * fixed distance per call keeps the step and lets only the gap vary.
 */
export function measureDistanceSteps(steps: readonly SpacedStep[]): DistanceSteps {
  if (steps.length < MIN_STEPS) return { lengthRobustCv: null, intervalRobustCv: null, medianStepPx: null };
  const lengths = steps.map((step) => step.length);
  return {
    lengthRobustCv: robustSpread(lengths),
    intervalRobustCv: robustSpread(steps.map((step) => step.dt)),
    medianStepPx: median(lengths),
  };
}

function robustSpread(values: readonly number[]): number | null {
  const middle = median(values) as number;
  if (middle <= 0) return null;
  return ((quantile(values, 0.75) as number) - (quantile(values, 0.25) as number)) / middle;
}
