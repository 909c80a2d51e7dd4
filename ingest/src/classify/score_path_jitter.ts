import type { Evidence } from '@telltale/shared';

import type { PointerDynamicsFeatures } from '../features/pointer_dynamics';

/**
 * Smallest `pathJitterIndex` that counts as noise laid on the path. In the human windows of
 * the developer sample (DELBOT desktop and touchpad, Iliou et al.) it is at most 0.24, and at
 * most 0.34 with points dropped to imitate a faster hand. One of the two DELBOT remote-VM
 * windows that qualify gives 0.48, and `PATH_JITTER_MIN_MODE_SHARE` leaves it out. Human
 * paths with 1.5 px of normal noise give 0.43 at the 5th percentile and 0.62 at the median.
 */
export const PATH_JITTER_SCRIPTED = 0.45;
export const WEIGHT_PATH_JITTER = 2.5;
/**
 * Smallest share of sampling intervals near the median (`intervalModeShare`) for the rule to
 * judge a window. Bursty delivery scatters points sideways without any script, and the DELBOT
 * remote-VM window above has 0.06. Desktop, touchpad and Iliou et al. human windows have 0.49
 * or more at the 1st percentile, and noisy replays of them keep their timing (0.63).
 */
export const PATH_JITTER_MIN_MODE_SHARE = 0.4;

/**
 * Returns `pointer_path_jitter` evidence when the moves of a steadily sampled window stray
 * sideways from one point to the next far more than a hand's path does. This is a rule
 * rather than a model input, so that its limit keeps a wide margin over the human
 * measurements. As a model input, the split landed just above the highest human training
 * window.
 */
export function scorePathJitter(dynamics: PointerDynamicsFeatures): Evidence[] {
  const jitter = dynamics.pathJitterIndex;
  const steady = dynamics.intervalModeShare;
  if (jitter === null || steady === null || steady < PATH_JITTER_MIN_MODE_SHARE || jitter < PATH_JITTER_SCRIPTED) return [];
  return [
    {
      code: 'pointer_path_jitter',
      feature: 'pathJitterIndex',
      value: Math.round(jitter * 1000) / 1000,
      threshold: PATH_JITTER_SCRIPTED,
      weight: WEIGHT_PATH_JITTER,
    },
  ];
}
