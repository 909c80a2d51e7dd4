import type { Evidence } from '@telltale/shared';

import type { KeystrokeFeatures } from '../features/keystroke';
import type { PointerFeatures } from '../features/pointer';
import * as limits from './thresholds';

/**
 * Turns one window's keystroke and pointer features into behaviour evidence, strongest
 * first. Features that were not measurable (null, or too few samples) add nothing.
 */
export function scoreBehaviour(keys: KeystrokeFeatures, pointer: PointerFeatures): Evidence[] {
  const evidence: Evidence[] = [...scoreDeclaredScripting(keys, pointer), ...scoreKeys(keys), ...scorePointer(pointer)];
  return evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

/** Evidence that needs no statistics: untrusted events, text set without keys, exact-centre and jump clicks. */
function scoreDeclaredScripting(keys: KeystrokeFeatures, pointer: PointerFeatures): Evidence[] {
  const evidence: Evidence[] = [];
  const untrusted = keys.untrustedKeyCount + pointer.untrustedPointerCount;
  if (untrusted > 0) {
    evidence.push({ code: 'untrusted_events', feature: 'untrustedEventCount', value: untrusted, threshold: 0, weight: limits.WEIGHT_UNTRUSTED });
  }
  if (keys.inputWithoutKeysChars >= limits.MIN_INPUT_WITHOUT_KEYS_CHARS) {
    evidence.push({
      code: 'input_without_keys',
      feature: 'inputWithoutKeysChars',
      value: keys.inputWithoutKeysChars,
      threshold: limits.MIN_INPUT_WITHOUT_KEYS_CHARS,
      weight: limits.WEIGHT_INPUT_WITHOUT_KEYS,
    });
  }
  if (pointer.centreClickCount > 0) {
    // Estimate: offsets spread over a 100×30 px button land within ±0.5 px of its centre once in
    // about 3000 clicks. People aim near the centre, so they do it more often, but still rarely.
    evidence.push({
      code: 'click_at_target_centre',
      feature: 'centreClickCount',
      value: pointer.centreClickCount,
      threshold: 0,
      weight: limits.WEIGHT_CLICK_CENTRE,
    });
  }
  if (pointer.clickWithoutApproachCount > 0) {
    evidence.push({
      code: 'click_without_approach',
      feature: 'clickWithoutApproachCount',
      value: pointer.clickWithoutApproachCount,
      threshold: 0,
      weight: limits.WEIGHT_CLICK_WITHOUT_APPROACH,
    });
  }
  return evidence;
}

/**
 * Returns the spread (ms) at or below which intervals are mechanical. A coarse clock adds
 * quantisation noise of up to one step per interval, so the limit grows with the step.
 */
export function mechanicalSpreadLimitMs(clockStepMs: number): number {
  return Math.max(limits.KEY_SPREAD_MECHANICAL_MS, limits.KEY_SPREAD_PER_CLOCK_STEP * clockStepMs);
}

/** Turns one window's keystroke timing into evidence: mechanical intervals or holds, or a person's rhythm. */
export function scoreKeys(keys: KeystrokeFeatures): Evidence[] {
  const evidence: Evidence[] = [];
  const spreadLimit = mechanicalSpreadLimitMs(keys.keyClockStepMs);
  const intervalsJudged = keys.keyIntervalCount >= limits.MIN_KEY_INTERVALS && keys.keyIntervalMsSpread !== null;
  const intervalsMechanical = intervalsJudged && (keys.keyIntervalMsSpread as number) <= spreadLimit;
  if (intervalsMechanical) {
    evidence.push({
      code: 'key_interval_regular',
      feature: 'keyIntervalMsSpread',
      value: round(keys.keyIntervalMsSpread as number),
      threshold: round(spreadLimit),
      weight: limits.WEIGHT_KEY_INTERVAL_REGULAR,
    });
  }

  let holdsMechanical = false;
  const holdsJudged = keys.keyHoldCount >= limits.MIN_KEY_HOLDS && keys.keyClockStepMs <= limits.MAX_HOLD_CLOCK_STEP_MS;
  if (holdsJudged && keys.keyHoldMsSpread !== null && keys.keyHoldMsMedian !== null) {
    if (keys.keyHoldMsMedian < limits.KEY_HOLD_INSTANT_MS) {
      holdsMechanical = true;
      evidence.push({
        code: 'key_hold_mechanical',
        feature: 'keyHoldMsMedian',
        value: round(keys.keyHoldMsMedian),
        threshold: limits.KEY_HOLD_INSTANT_MS,
        weight: limits.WEIGHT_KEY_HOLD_MECHANICAL,
      });
    } else if (keys.keyHoldMsSpread <= spreadLimit) {
      holdsMechanical = true;
      evidence.push({
        code: 'key_hold_mechanical',
        feature: 'keyHoldMsSpread',
        value: round(keys.keyHoldMsSpread),
        threshold: round(spreadLimit),
        weight: limits.WEIGHT_KEY_HOLD_MECHANICAL,
      });
    }
  }

  const cv = keys.keyIntervalCv;
  if (intervalsJudged && !intervalsMechanical && !holdsMechanical && cv !== null && cv >= limits.KEY_CV_HUMAN) {
    evidence.push({
      code: 'typing_rhythm_human',
      feature: 'keyIntervalCv',
      value: round(cv),
      threshold: limits.KEY_CV_HUMAN,
      weight: limits.WEIGHT_TYPING_HUMAN,
    });
  }
  return evidence;
}

function scorePointer(pointer: PointerFeatures): Evidence[] {
  const evidence: Evidence[] = [];

  const stationary =
    pointer.pointerMoveCount >= limits.MIN_ACTIVE_MOVES &&
    pointer.zeroMoveShare !== null &&
    pointer.zeroMoveShare >= limits.ZERO_MOVE_SHARE_SCRIPTED;
  if (stationary) {
    evidence.push({
      code: 'pointer_moves_stationary',
      feature: 'zeroMoveShare',
      value: round(pointer.zeroMoveShare as number),
      threshold: limits.ZERO_MOVE_SHARE_SCRIPTED,
      weight: limits.WEIGHT_STATIONARY_MOVES,
    });
  }
  const straight =
    pointer.segmentCount >= limits.MIN_SEGMENTS_STRAIGHT &&
    pointer.straightnessMedian !== null &&
    pointer.straightnessMedian >= limits.STRAIGHTNESS_SCRIPTED;
  if (straight) {
    evidence.push({
      code: 'pointer_path_straight',
      feature: 'straightnessMedian',
      value: round(pointer.straightnessMedian as number),
      threshold: limits.STRAIGHTNESS_SCRIPTED,
      weight: limits.WEIGHT_PATH_STRAIGHT,
    });
  }
  const even = pointer.evenStepShare !== null && pointer.evenStepShare >= limits.EVEN_STEP_SHARE_SCRIPTED;
  if (even) {
    evidence.push({
      code: 'pointer_timing_regular',
      feature: 'evenStepShare',
      value: round(pointer.evenStepShare as number),
      threshold: limits.EVEN_STEP_SHARE_SCRIPTED,
      weight: limits.WEIGHT_TIMING_REGULAR,
    });
  }
  const stepsJudged = pointer.movingStepCount >= limits.MIN_MOVING_STEPS && pointer.stepLengthCv !== null;
  const constant = stepsJudged && (pointer.stepLengthCv as number) <= limits.STEP_CV_SCRIPTED;
  // The robust CV ignores the double steps of two script moves merged into one frame.
  const robustConstant =
    stepsJudged &&
    !constant &&
    (pointer.stepLengthMedianPx ?? 0) >= limits.MIN_ROBUST_STEP_PX &&
    pointer.stepLengthRobustCv !== null &&
    pointer.stepLengthRobustCv <= limits.STEP_ROBUST_CV_SCRIPTED;
  if (constant) {
    evidence.push({
      code: 'pointer_speed_constant',
      feature: 'stepLengthCv',
      value: round(pointer.stepLengthCv as number),
      threshold: limits.STEP_CV_SCRIPTED,
      weight: limits.WEIGHT_SPEED_CONSTANT,
    });
  } else if (robustConstant) {
    evidence.push({
      code: 'pointer_speed_constant',
      feature: 'stepLengthRobustCv',
      value: round(pointer.stepLengthRobustCv as number),
      threshold: limits.STEP_ROBUST_CV_SCRIPTED,
      weight: limits.WEIGHT_SPEED_CONSTANT,
    });
  }

  const humanLike =
    !stationary &&
    !straight &&
    !even &&
    !constant &&
    !robustConstant &&
    stepsJudged &&
    pointer.pointerMoveCount >= limits.MIN_ACTIVE_MOVES &&
    (pointer.stepLengthCv as number) >= limits.STEP_CV_HUMAN &&
    (pointer.evenStepShare ?? 0) <= limits.EVEN_STEP_SHARE_HUMAN;
  if (humanLike) {
    evidence.push({
      code: 'pointer_dynamics_human',
      feature: 'stepLengthCv',
      value: round(pointer.stepLengthCv as number),
      threshold: limits.STEP_CV_HUMAN,
      weight: limits.WEIGHT_POINTER_HUMAN,
    });
  }
  return evidence;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
