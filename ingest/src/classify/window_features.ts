import type { DwellFeatures } from '../features/dwell';
import type { EnvironmentFeatures } from '../features/environment';
import type { KeystrokeFeatures } from '../features/keystroke';
import type { NavigationFeatures } from '../features/navigation';
import type { PointerFeatures } from '../features/pointer';

/** Values the classifier derives from one window, beside the measured features. */
export interface DerivedWindowFeatures {
  /** Sum of this window's behaviour evidence weights (log-odds). */
  windowScore: number;
  /** Running behaviour score of the session after this window. */
  behaviourScore: number;
  /** Features that departed from the session's baseline in this window; null before a baseline exists. */
  shiftFeatureCount: number | null;
  /** Largest departure from the baseline, in floored standard deviations. */
  shiftZMax: number | null;
}

/**
 * The feature values of one window (one beacon), flat, as stored per beacon for operators.
 * Environment features are present only on beacons that carried the environment.
 */
export type WindowFeatures = KeystrokeFeatures &
  PointerFeatures &
  DwellFeatures &
  NavigationFeatures &
  Partial<EnvironmentFeatures> &
  DerivedWindowFeatures;
