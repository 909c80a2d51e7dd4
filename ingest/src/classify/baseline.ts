import { BASELINE_WINDOWS, SHIFT_MIN_FEATURES, SHIFT_Z } from './thresholds';

/** Running mean and variance of one feature (Welford's algorithm). */
export interface RunningStat {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
}

/** A session's own behaviour over its first active windows. */
export interface SessionBaseline {
  /** Active windows folded in so far; the baseline stops changing at `BASELINE_WINDOWS`. */
  windows: number;
  features: Record<string, RunningStat>;
}

/**
 * Features the baseline follows, each with the smallest spread assumed when judging a
 * departure, so that a baseline of near-identical windows does not turn every small
 * change into a shift. Floors are absolute, in the feature's unit.
 */
export const BASELINE_FEATURE_FLOORS: Record<string, number> = {
  sampleIntervalMsMedian: 8,
  zeroMoveShare: 0.05,
  straightnessMedian: 0.1,
  speedCvMedian: 0.15,
  stepLengthCv: 0.1,
  accelSignChangeRateMedian: 0.1,
  evenStepShare: 0.1,
  keyIntervalMsMedian: 30,
  keyIntervalCv: 0.1,
  windowScore: 1.5,
};

/** Result of comparing one window with the baseline. */
export interface ShiftMeasure {
  departedFeatures: string[];
  zMax: number;
}

/** Returns a new baseline with this window's features folded in, or the same one once it is complete. */
export function foldIntoBaseline(
  baseline: SessionBaseline | null,
  values: Readonly<Record<string, number | null | undefined>>,
): SessionBaseline {
  const current: SessionBaseline = baseline ?? { windows: 0, features: {} };
  if (current.windows >= BASELINE_WINDOWS) return current;
  const features: Record<string, RunningStat> = { ...current.features };
  for (const name of Object.keys(BASELINE_FEATURE_FLOORS)) {
    const value = values[name];
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    const stat = features[name] ?? { n: 0, mean: 0, m2: 0 };
    const n = stat.n + 1;
    const delta = value - stat.mean;
    const mean = stat.mean + delta / n;
    features[name] = { n, mean, m2: stat.m2 + delta * (value - mean) };
  }
  return { windows: current.windows + 1, features };
}

/**
 * Compares a window with the baseline: a feature departs when it lies `SHIFT_Z` or more
 * floored standard deviations from the baseline mean. Features seen in fewer than two
 * baseline windows are not judged.
 */
export function measureShift(
  baseline: SessionBaseline,
  values: Readonly<Record<string, number | null | undefined>>,
): ShiftMeasure {
  const departedFeatures: string[] = [];
  let zMax = 0;
  for (const [name, floor] of Object.entries(BASELINE_FEATURE_FLOORS)) {
    const stat = baseline.features[name];
    const value = values[name];
    if (stat === undefined || stat.n < 2 || value === null || value === undefined) continue;
    const spread = Math.max(Math.sqrt(stat.m2 / (stat.n - 1)), floor);
    const z = Math.abs(value - stat.mean) / spread;
    zMax = Math.max(zMax, z);
    if (z >= SHIFT_Z) departedFeatures.push(name);
  }
  return { departedFeatures, zMax };
}

/** Returns whether a shift measure is a departure from the baseline. */
export function isShift(shift: ShiftMeasure): boolean {
  return shift.departedFeatures.length >= SHIFT_MIN_FEATURES;
}
