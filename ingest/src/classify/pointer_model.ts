import type { Evidence } from '@telltale/shared';

import type { PointerFeatures } from '../features/pointer';
import type { PointerDynamicsFeatures } from '../features/pointer_dynamics';
import weights from './pointer_model_weights.json';

/** Inputs of the pointer model, in the order of its weights. */
export const POINTER_MODEL_FEATURES = [
  'zeroMoveShare',
  'straightnessMedian',
  'speedCvMedian',
  'stepLengthCv',
  'stepLengthRobustCv',
  'accelSignChangeRateMedian',
  'evenStepShare',
  'sampleIntervalCv',
  'intervalModeShare',
  'intervalSpreadRatio',
  'intervalLogMedian',
  'angleChangeMean',
  'angleChangeStraightShare',
  'angleChangeReversalShare',
  'peakSpeedTimeShare',
  'subMovementsPerStroke',
  'jerkLogRatio',
  'accelerationFlipShare',
  'speedCv',
  'tinyStepShare',
  'slowIntervalShare',
  'fastReversalShare',
  'strokeBreakShare',
  'chordSpeedChangeMedian',
  'pressJumpLogRatio',
] as const;
export type PointerModelFeature = (typeof POINTER_MODEL_FEATURES)[number];

/**
 * Boosted decision stumps: an additive model in which each stump adds `below` or `above` to
 * the log-odds by comparing one feature with a threshold (`missing` when the feature is not
 * measurable). A feature's contribution is the sum of its stumps' outputs.
 */
export interface PointerModelWeights {
  /** Log-odds before any stump. */
  base: number;
  stumps: { feature: PointerModelFeature; threshold: number; below: number; above: number; missing: number }[];
  /** Model log-odds a window with sparse sampling must exceed before the model adds evidence. */
  evidenceOffset: number;
  /**
   * The same for windows sampled at display rate (median interval at most
   * `FRAME_RATE_SAMPLING_MAX_MS`). Each offset sits above the human training windows of its
   * own sampling, so the remote-desktop captures, whose sparse windows score higher, do not
   * set the bar for ordinary mice.
   */
  frameRateEvidenceOffset: number;
  /** Largest evidence weight the model adds for one window. */
  evidenceCap: number;
}

/** One feature's share of a model decision, in log-odds. */
export interface PointerModelContribution {
  feature: PointerModelFeature;
  value: number | null;
  contribution: number;
}

/**
 * Evidence weight of a window whose log-odds just exceed the offset: the automation threshold
 * on its own, because the offset already sits above every human training window.
 */
export const WEIGHT_POINTER_PROFILE = 2.5;

/**
 * Median sampling interval (ms) up to which a window counts as sampled at display rate: a
 * browser reports a moving mouse at most once per frame (4–17 ms at 60–240 Hz), and 40 ms
 * leaves room for dropped frames. Remote-desktop captures report every 100 ms or so.
 */
export const FRAME_RATE_SAMPLING_MAX_MS = 40;

/** Returns whether a window's median sampling interval is at most `FRAME_RATE_SAMPLING_MAX_MS`. */
export function isFrameRateSampled(inputs: Readonly<Record<PointerModelFeature, number | null>>): boolean {
  const logMedian = inputs.intervalLogMedian;
  return logMedian !== null && Math.exp(logMedian) <= FRAME_RATE_SAMPLING_MAX_MS;
}

/** Returns the offset that applies to a window, by its sampling. */
export function evidenceOffsetFor(inputs: Readonly<Record<PointerModelFeature, number | null>>, model: PointerModelWeights = MODEL): number {
  return isFrameRateSampled(inputs) ? model.frameRateEvidenceOffset : model.evidenceOffset;
}

/** Moving steps a window needs before the model judges it. */
export const POINTER_MODEL_MIN_STEPS = 10;

const MODEL = weights as PointerModelWeights;

/**
 * Median step (px) under which `stepLengthRobustCv` is not a model input. When most steps are
 * the smallest whole-pixel step, the quartiles coincide, so the robust spread reads 0 for a
 * slow hand just as for a script stepping 1 px at a time. An Iliou et al. human window with
 * 60 % of its steps under 1.5 px did exactly that.
 */
export const ROBUST_SPREAD_MIN_MEDIAN_STEP_PX = 1.5;

/** Reads the model inputs from a window's pointer and dynamics features; missing values are null. */
export function pointerModelInputs(pointer: PointerFeatures, dynamics: PointerDynamicsFeatures): Record<PointerModelFeature, number | null> {
  const source = { ...pointer, ...dynamics } as unknown as Record<string, number | null | undefined>;
  const inputs = {} as Record<PointerModelFeature, number | null>;
  for (const name of POINTER_MODEL_FEATURES) {
    const value = source[name];
    inputs[name] = value === undefined || value === null || !Number.isFinite(value) ? null : value;
  }
  if (pointer.stepLengthMedianPx === null || pointer.stepLengthMedianPx < ROBUST_SPREAD_MIN_MEDIAN_STEP_PX) inputs.stepLengthRobustCv = null;
  return inputs;
}

/**
 * Scores inputs with the stump model: returns the log-odds of automation and every
 * feature's contribution, largest first.
 */
export function applyPointerModel(
  inputs: Readonly<Record<PointerModelFeature, number | null>>,
  model: PointerModelWeights = MODEL,
): { logOdds: number; contributions: PointerModelContribution[] } {
  const byFeature = new Map<PointerModelFeature, number>();
  let logOdds = model.base;
  for (const stump of model.stumps) {
    const output = stumpOutput(stump, inputs[stump.feature]);
    logOdds += output;
    byFeature.set(stump.feature, (byFeature.get(stump.feature) ?? 0) + output);
  }
  const contributions = POINTER_MODEL_FEATURES.map((feature) => ({ feature, value: inputs[feature], contribution: byFeature.get(feature) ?? 0 }));
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { logOdds, contributions };
}

/** Returns one stump's log-odds for a feature value. */
export function stumpOutput(stump: PointerModelWeights['stumps'][number], value: number | null): number {
  if (value === null) return stump.missing;
  return value < stump.threshold ? stump.below : stump.above;
}

/**
 * Returns the pointer model's evidence for one window: none when the window has fewer than
 * `POINTER_MODEL_MIN_STEPS` moving steps or the model's log-odds stay at or under the
 * offset for its sampling (`evidenceOffsetFor`). Otherwise one `pointer_profile_scripted` entry that names the feature contributing
 * most towards automation, weighted `WEIGHT_POINTER_PROFILE` plus the log-odds over the offset (capped).
 */
export function scorePointerModel(pointer: PointerFeatures, dynamics: PointerDynamicsFeatures): Evidence[] {
  if (dynamics.dynamicsStepCount < POINTER_MODEL_MIN_STEPS) return [];
  const inputs = pointerModelInputs(pointer, dynamics);
  const { logOdds, contributions } = applyPointerModel(inputs);
  const offset = evidenceOffsetFor(inputs);
  if (logOdds <= offset) return [];
  const top = contributions.find((item) => item.contribution > 0 && item.value !== null);
  if (top === undefined) return [];
  return [
    {
      code: 'pointer_profile_scripted',
      feature: top.feature,
      value: round(top.value as number),
      threshold: round(offset),
      weight: round(Math.min(MODEL.evidenceCap, WEIGHT_POINTER_PROFILE + logOdds - offset)),
    },
  ];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Adds pointer-dynamics evidence (the model's, sparse stepping and path jitter) to a window's
 * rule-based behaviour evidence. Sparse-stepping evidence is left out when the rules already found the
 * speed constant. When anything added points to automation, the rules' `pointer_dynamics_human`
 * entry is dropped, because it rests on a subset of the same features.
 */
export function withPointerModel(evidence: readonly Evidence[], added: readonly Evidence[]): Evidence[] {
  const codes = new Set(evidence.map((item) => item.code));
  const fresh = added.filter((item) => !codes.has(item.code));
  if (fresh.length === 0) return [...evidence];
  return [...evidence.filter((item) => item.code !== 'pointer_dynamics_human'), ...fresh];
}
