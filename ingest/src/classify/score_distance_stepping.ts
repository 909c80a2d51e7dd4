import type { Evidence } from '@telltale/shared';

import type { PointerDynamicsFeatures } from '../features/pointer_dynamics';

/**
 * Smallest spread of gaps (`intervalRobustCv`) at which the rule judges a window: the gaps
 * must vary, or equal steps would just mean a steady hand on a steady clock.
 */
export const DISTANCE_STEP_MIN_INTERVAL_SPREAD = 0.5;
/**
 * Largest spread of step lengths that counts as moving by a fixed distance. In the human
 * windows of the developer sample that the rule judges it is at least 0.73 (DELBOT remote VM)
 * and 0.59 (Balabit); Iliou et al. and DELBOT desktop windows have steady gaps and are not
 * judged. All 54 DELBOT pynput windows judged are at or under 0.4 (5th percentile 0.056).
 * With every second point of the DELBOT human recordings dropped and the clock halved (a hand
 * twice as fast), a limit of 0.4 flagged 2 of 70 VM sessions and 0.3 flagged none.
 */
export const DISTANCE_STEP_MAX_LENGTH_SPREAD = 0.3;
/** Smallest median step (px): below it whole-pixel steps of a slow hand are all alike. */
export const DISTANCE_STEP_MIN_MEDIAN_PX = 4;
export const WEIGHT_DISTANCE_STEPPING = 2.5;

/**
 * Returns `pointer_speed_constant` evidence when the pointer moves by nearly the same
 * distance on every step although the gaps between moves vary widely: a script that calls
 * "move by d" in a loop with uneven sleeps. A hand covers more ground in a longer gap.
 */
export function scoreDistanceStepping(dynamics: PointerDynamicsFeatures): Evidence[] {
  const { lengthRobustCv, intervalRobustCv, medianStepPx } = dynamics.distanceSteps;
  if (lengthRobustCv === null || intervalRobustCv === null || medianStepPx === null) return [];
  if (intervalRobustCv < DISTANCE_STEP_MIN_INTERVAL_SPREAD || medianStepPx < DISTANCE_STEP_MIN_MEDIAN_PX) return [];
  if (lengthRobustCv > DISTANCE_STEP_MAX_LENGTH_SPREAD) return [];
  return [
    {
      code: 'pointer_speed_constant',
      feature: 'distanceStepLengthRobustCv',
      value: Math.round(lengthRobustCv * 1000) / 1000,
      threshold: DISTANCE_STEP_MAX_LENGTH_SPREAD,
      weight: WEIGHT_DISTANCE_STEPPING,
    },
  ];
}
