import type { Evidence } from '@telltale/shared';

import { BASELINE_FEATURE_FLOORS, type RunningStat } from './baseline';
import { MIN_ACTIVE_MOVES, MIN_KEY_INTERVALS, SHIFT_MIN_FEATURES, SHIFT_Z } from './thresholds';
import type { Decision } from './types';

/**
 * Running statistics per feature over one signed-in identity's confidently human windows,
 * keyed by the feature names of `BASELINE_FEATURE_FLOORS`.
 */
export type IdentityBaseline = Record<string, RunningStat>;

/**
 * Windows a feature needs in the identity's baseline before departures from it count.
 * Until then the identity is in cold start, and the window is judged only by the
 * population rules of `score_behaviour.ts` and the pointer model, whose thresholds come
 * from human recordings (see `thresholds.ts`).
 * NOTE: five is a choice, not a count measured on recordings.
 */
export const IDENTITY_MIN_WINDOWS = 5;

/**
 * Highest session score at which a window may join its identity's baseline. One window of
 * human pointer or typing evidence (log-odds −2) with no evidence for automation scores
 * 0.119; any automation evidence of weight 0.5 or more raises that to 0.18 or above.
 */
export const IDENTITY_UPDATE_MAX_SCORE = 0.12;

/** Log-odds that a strong departure from the identity's baseline adds, as much as a session shift. */
export const WEIGHT_IDENTITY_DEVIATION = 2.5;

/** Result of comparing one window with an identity's baseline. */
export interface IdentityDeviation {
  /** Features at `SHIFT_Z` or more floored standard deviations from the identity's mean. */
  departedFeatures: string[];
  /** Largest departure, in floored standard deviations. */
  zMax: number;
}

/** A window's feature values by name, such as `WindowFeatures`; values that are not finite numbers are skipped. */
type FeatureValues = object;

/**
 * Compares a window's features with an identity's baseline, feature by feature, with the
 * spread floors of the session baseline. Returns null in cold start, when no feature of
 * the window has `IDENTITY_MIN_WINDOWS` values in the baseline.
 */
export function measureIdentityDeviation(baseline: IdentityBaseline, values: FeatureValues): IdentityDeviation | null {
  const departedFeatures: string[] = [];
  let zMax = 0;
  let judged = 0;
  for (const [name, floor] of Object.entries(BASELINE_FEATURE_FLOORS)) {
    const stat = baseline[name];
    const value = readNumber(values, name);
    if (stat === undefined || stat.n < IDENTITY_MIN_WINDOWS || value === null) continue;

    judged += 1;
    const spread = Math.max(Math.sqrt(stat.m2 / (stat.n - 1)), floor);
    const z = Math.abs(value - stat.mean) / spread;
    zMax = Math.max(zMax, z);
    if (z >= SHIFT_Z) departedFeatures.push(name);
  }
  return judged === 0 ? null : { departedFeatures, zMax };
}

/**
 * Returns `identity_deviation` evidence, with the largest departure as its value, when at
 * least `SHIFT_MIN_FEATURES` features depart from the identity's baseline and the window's
 * own evidence leans towards automation (`windowScore` above 0). A person who simply
 * behaves differently today, with human evidence in the window, is not flagged.
 * Returns null in cold start and when there is no baseline.
 */
export function scoreIdentityDeviation(
  baseline: IdentityBaseline | null | undefined,
  values: FeatureValues,
  windowScore: number,
): Evidence | null {
  if (baseline === null || baseline === undefined || windowScore <= 0) return null;
  const deviation = measureIdentityDeviation(baseline, values);
  if (deviation === null || deviation.departedFeatures.length < SHIFT_MIN_FEATURES) return null;
  return {
    code: 'identity_deviation',
    feature: 'identityDeviationZMax',
    value: Math.round(deviation.zMax * 1000) / 1000,
    threshold: SHIFT_Z,
    weight: WEIGHT_IDENTITY_DEVIATION,
  };
}

/**
 * Returns whether a window may join its identity's baseline: the window is active, its
 * own evidence does not lean towards automation, and the session after it is `human`
 * with a score of at most `IDENTITY_UPDATE_MAX_SCORE`. Automation sessions therefore never
 * move an identity's statistics.
 */
export function isIdentityBaselineWindow(decision: Decision, features: FeatureValues): boolean {
  if (decision.cls !== 'human' || decision.score > IDENTITY_UPDATE_MAX_SCORE) return false;
  if ((readNumber(features, 'windowScore') ?? 0) > 0) return false;
  const moves = readNumber(features, 'pointerMoveCount') ?? 0;
  const keyIntervals = readNumber(features, 'keyIntervalCount') ?? 0;
  return moves >= MIN_ACTIVE_MOVES || keyIntervals >= MIN_KEY_INTERVALS;
}

/** Returns a new baseline with this window's features folded in (Welford's update), leaving the input unchanged. */
export function foldIntoIdentityBaseline(baseline: IdentityBaseline, values: FeatureValues): IdentityBaseline {
  const next: IdentityBaseline = { ...baseline };
  for (const name of Object.keys(BASELINE_FEATURE_FLOORS)) {
    const value = readNumber(values, name);
    if (value === null) continue;
    const stat = next[name] ?? { n: 0, mean: 0, m2: 0 };
    const n = stat.n + 1;
    const delta = value - stat.mean;
    const mean = stat.mean + delta / n;
    next[name] = { n, mean, m2: stat.m2 + delta * (value - mean) };
  }
  return next;
}

function readNumber(values: FeatureValues, name: string): number | null {
  const value = (values as Record<string, unknown>)[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
