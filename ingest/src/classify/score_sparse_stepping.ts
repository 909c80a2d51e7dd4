import type { Evidence } from '@telltale/shared';

import type { PointerDynamicsFeatures } from '../features/pointer_dynamics';

/**
 * Largest step-length CV of sparsely reported moves that counts as constant stepping.
 * Sparse steps (100–400 ms apart) in active windows: Balabit min 0.378, Iliou et al. human
 * min 0.153; DELBOT pynput median 0.152.
 */
export const SPARSE_STEP_LENGTH_CV_SCRIPTED = 0.25;
/** Largest gap CV that counts as a timer. Iliou et al. human min 0.219, Balabit p5 0.204; pynput median 0.095. */
export const SPARSE_INTERVAL_CV_SCRIPTED = 0.15;
export const WEIGHT_SPARSE_STEPPING = 2.5;

/**
 * Returns `pointer_speed_constant` evidence when a sparsely reported pointer moves by steps
 * of near-constant length at near-constant gaps, as a script that moves, sleeps and moves
 * again does. Both limits must hold, because a remote-desktop capture is sparse too.
 */
export function scoreSparseStepping(dynamics: PointerDynamicsFeatures): Evidence[] {
  const lengthCv = dynamics.sparseStepLengthCv;
  const intervalCv = dynamics.sparseIntervalCv;
  if (lengthCv === null || intervalCv === null) return [];
  if (lengthCv > SPARSE_STEP_LENGTH_CV_SCRIPTED || intervalCv > SPARSE_INTERVAL_CV_SCRIPTED) return [];
  return [
    {
      code: 'pointer_speed_constant',
      feature: 'sparseStepLengthCv',
      value: Math.round(lengthCv * 1000) / 1000,
      threshold: SPARSE_STEP_LENGTH_CV_SCRIPTED,
      weight: WEIGHT_SPARSE_STEPPING,
    },
  ];
}
