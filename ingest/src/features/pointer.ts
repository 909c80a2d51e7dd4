import type { BeaconEvent, ClickEvent, PointerEvent } from '@telltale/shared';

import { detectClockStep } from './clock_step';
import { coefficientOfVariation, median, robustCoefficientOfVariation } from './stats';

/** Pointer features of one window. Null means "not measurable in this window". */
export interface PointerFeatures {
  pointerMoveCount: number;
  /** Quantisation step of the move timestamps in ms (0 for a fine clock). */
  pointerClockStepMs: number;
  sampleIntervalMsMedian: number | null;
  sampleIntervalCv: number | null;
  /** Moves that repeat the previous position exactly. */
  zeroMoveShare: number | null;
  /** Movement segments long enough to judge (at least `MIN_SEGMENT_STEPS` steps and `MIN_SEGMENT_PATH_PX`). */
  segmentCount: number;
  /** Median over segments of chord length over path length (1 is a straight line). */
  straightnessMedian: number | null;
  /** Median over segments of the coefficient of variation of step speed. */
  speedCvMedian: number | null;
  /** Coefficient of variation of the length of the window's moving steps (zero steps and pauses left out). */
  stepLengthCv: number | null;
  /** Median absolute deviation of those step lengths over their median, scaled by 1.4826 to match a normal CV. */
  stepLengthRobustCv: number | null;
  stepLengthMedianPx: number | null;
  /** Moving steps behind `stepLengthCv`. */
  movingStepCount: number;
  /** Median over segments of the share of steps where acceleration changes sign. */
  accelSignChangeRateMedian: number | null;
  /** Share of steps that belong to runs of collinear, evenly spaced, evenly timed steps. */
  evenStepShare: number | null;
  clickCount: number;
  /** Clicks with a known target size, the only ones whose centre offset is judged. */
  knownTargetClickCount: number;
  /** Clicks within half a pixel of their target's centre. */
  centreClickCount: number;
  /** Clicks reached by a jump instead of a movement (see `extractPointerFeatures`). */
  clickWithoutApproachCount: number;
  untrustedPointerCount: number;
}

/** Last known pointer position in the previous window of the same page. */
export interface PointerCarry {
  x: number;
  y: number;
  t: number;
  /** Length of the step that arrived at (x, y); null when (x, y) was the first sample seen. */
  arrivalStepPx: number | null;
}

export interface PointerExtraction {
  features: PointerFeatures;
  carry: PointerCarry | null;
}

/**
 * A gap between samples longer than this ends a movement segment. Hands pause between
 * sub-movements; DELBOT pynput bots post a move every 50–133 ms, so the split stays above that.
 */
export const SEGMENT_PAUSE_MS = 150;
export const MIN_SEGMENT_STEPS = 4;
export const MIN_SEGMENT_PATH_PX = 30;
/** An even run needs at least this many steps and this chord length. */
const MIN_EVEN_RUN_STEPS = 5;
const MIN_EVEN_RUN_CHORD_PX = 20;
/** A click reached by a last step this long (or by no step at all) had no approach movement. */
export const APPROACH_JUMP_PX = 30;
/** Window before a click in which more than one move counts as an approach. */
const APPROACH_WINDOW_MS = 1000;
/**
 * A click this soon (ms) after a touch ends, and this close (px) to where the finger lifted, is
 * the browser's click for a tap. A finger lands on its target with no approach path, so such
 * clicks are not judged for one.
 */
const TAP_CLICK_MS = 500;
const TAP_CLICK_PX = 30;

interface Sample {
  t: number;
  x: number;
  y: number;
}

/**
 * Extracts pointer trajectory and click features from one window of events.
 *
 * Moves from touch pointers are left out of the trajectory features, because a finger
 * has no hover path, and the click that follows a tap is not judged for an approach. Clicks synthesised by the keyboard (`detail` 0) and clicks on targets
 * of unknown size (`w` or `h` 0, which recordings without target geometry use) are left
 * out of the centre-offset count.
 *
 * Known blind spots: a bot that replays recorded human paths, or that moves along
 * curved paths with human-like speed profiles, passes the trajectory features.
 */
export function extractPointerFeatures(
  events: readonly BeaconEvent[],
  carry: PointerCarry | null = null,
): PointerExtraction {
  const moves: Sample[] = [];
  const segments: Sample[][] = [];
  let segment: Sample[] = [];
  let last = carry;
  let clickCount = 0;
  let knownTargetClickCount = 0;
  let centreClickCount = 0;
  let clickWithoutApproachCount = 0;
  let untrustedPointerCount = 0;
  let zeroMoves = 0;
  let lastTouchEnd: Sample | null = null;

  const closeSegment = (): void => {
    if (segment.length > 1) segments.push(segment);
    segment = [];
  };

  for (const event of events) {
    if ('trusted' in event && event.trusted === false && isPointerLike(event)) untrustedPointerCount += 1;

    if (event.type === 'touch' && event.kind === 'end') {
      lastTouchEnd = { t: event.t, x: event.x, y: event.y };
    } else if (event.type === 'pointer' && event.pt !== 'touch') {
      if (event.kind !== 'move') {
        // A press or release reports where the pointer is, so it updates the position a click is compared with.
        closeSegment();
        last = movedTo(last, event);
        continue;
      }
      const sample = { t: event.t, x: event.x, y: event.y };
      const previous = segment[segment.length - 1];
      if (previous !== undefined && sample.t - previous.t > SEGMENT_PAUSE_MS) closeSegment();
      if (last !== null && last.x === sample.x && last.y === sample.y) zeroMoves += 1;
      const arrivalStepPx = last === null ? null : Math.hypot(sample.x - last.x, sample.y - last.y);
      last = { ...sample, arrivalStepPx };
      moves.push(sample);
      segment.push(sample);
    } else if (event.type === 'click') {
      closeSegment();
      if (event.detail === 0) continue;
      clickCount += 1;
      if (hasKnownTarget(event)) {
        knownTargetClickCount += 1;
        if (Math.abs(event.dx) <= 0.5 && Math.abs(event.dy) <= 0.5) centreClickCount += 1;
      }
      if (!isTapClick(event, lastTouchEnd) && !hasApproach(event, last, moves)) clickWithoutApproachCount += 1;
    }
  }
  closeSegment();

  const intervals: number[] = [];
  const stepLengths: number[] = [];
  for (let i = 1; i < moves.length; i += 1) {
    const a = moves[i - 1] as Sample;
    const b = moves[i] as Sample;
    const interval = b.t - a.t;
    if (interval > 0 && interval <= SEGMENT_PAUSE_MS) intervals.push(interval);
    const length = distance(a, b);
    if (interval <= SEGMENT_PAUSE_MS && length > 0) stepLengths.push(length);
  }
  const clockStepMs = detectClockStep(moves.map((move) => move.t));
  const judged = segments.filter(isJudgeable);
  const evenSteps = countEvenSteps(judged, clockStepMs);
  const totalSteps = judged.reduce((sum, item) => sum + item.length - 1, 0);

  const features: PointerFeatures = {
    pointerMoveCount: moves.length,
    pointerClockStepMs: clockStepMs,
    sampleIntervalMsMedian: median(intervals),
    sampleIntervalCv: coefficientOfVariation(intervals),
    zeroMoveShare: moves.length === 0 ? null : zeroMoves / moves.length,
    segmentCount: judged.length,
    straightnessMedian: median(judged.map(straightness)),
    speedCvMedian: median(judged.map(speedCv).filter(isNumber)),
    stepLengthCv: coefficientOfVariation(stepLengths),
    stepLengthRobustCv: robustCoefficientOfVariation(stepLengths),
    stepLengthMedianPx: median(stepLengths),
    movingStepCount: stepLengths.length,
    accelSignChangeRateMedian: median(judged.map(accelSignChangeRate).filter(isNumber)),
    evenStepShare: totalSteps === 0 ? null : evenSteps / totalSteps,
    clickCount,
    knownTargetClickCount,
    centreClickCount,
    clickWithoutApproachCount,
    untrustedPointerCount,
  };
  return { features, carry: last };
}

/** Moves the last known position to a press or release point; the arrival step is the jump, if any. */
function movedTo(last: PointerCarry | null, event: PointerEvent): PointerCarry {
  const jump = last === null ? null : Math.hypot(event.x - last.x, event.y - last.y);
  if (last !== null && jump !== null && jump <= 0.5) return last;
  return { t: event.t, x: event.x, y: event.y, arrivalStepPx: jump };
}

function isPointerLike(event: BeaconEvent): boolean {
  return event.type === 'pointer' || event.type === 'click' || event.type === 'wheel' || event.type === 'touch';
}

function isNumber(value: number | null): value is number {
  return value !== null;
}

/** Width and height 0 mark a click whose target geometry is unknown. */
function hasKnownTarget(click: ClickEvent): boolean {
  return click.w > 0 && click.h > 0;
}

function isTapClick(click: ClickEvent, touchEnd: Sample | null): boolean {
  if (touchEnd === null) return false;
  const elapsed = click.t - touchEnd.t;
  return elapsed >= 0 && elapsed <= TAP_CLICK_MS && Math.hypot(click.x - touchEnd.x, click.y - touchEnd.y) <= TAP_CLICK_PX;
}

/**
 * Returns whether a movement brought the pointer to the click. A hand brings the pointer to
 * a target with a movement whose last steps are short, so the click point is reached by a small step. Automation that clicks at coordinates
 * either dispatches no move at all (the click lands away from the last known position)
 * or one move that jumps straight onto the target.
 */
function hasApproach(click: ClickEvent, last: PointerCarry | null, moves: readonly Sample[]): boolean {
  if (last === null) return false;
  if (Math.hypot(click.x - last.x, click.y - last.y) >= APPROACH_JUMP_PX) return false;
  let recentMoves = 0;
  for (const move of moves) if (click.t - move.t <= APPROACH_WINDOW_MS && move.t <= click.t) recentMoves += 1;
  if (recentMoves > 1) return true;
  // A press that is the first pointer sample of the page shows nothing either way, because the
  // cursor may have rested over the target since the page loaded. A single move that appeared at the target is a jump.
  if (last.arrivalStepPx === null) return recentMoves === 0;
  return last.arrivalStepPx < APPROACH_JUMP_PX;
}

function pathLength(samples: readonly Sample[]): number {
  let length = 0;
  for (let i = 1; i < samples.length; i += 1) length += distance(samples[i - 1] as Sample, samples[i] as Sample);
  return length;
}

function distance(a: Sample, b: Sample): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function isJudgeable(samples: readonly Sample[]): boolean {
  return samples.length - 1 >= MIN_SEGMENT_STEPS && pathLength(samples) >= MIN_SEGMENT_PATH_PX;
}

function straightness(samples: readonly Sample[]): number {
  const chord = distance(samples[0] as Sample, samples[samples.length - 1] as Sample);
  return chord / pathLength(samples);
}

/** Speeds (px/ms) of the steps that have a positive duration. */
function stepSpeeds(samples: readonly Sample[]): number[] {
  const speeds: number[] = [];
  for (let i = 1; i < samples.length; i += 1) {
    const a = samples[i - 1] as Sample;
    const b = samples[i] as Sample;
    if (b.t > a.t) speeds.push(distance(a, b) / (b.t - a.t));
  }
  return speeds;
}

function speedCv(samples: readonly Sample[]): number | null {
  return coefficientOfVariation(stepSpeeds(samples));
}

function accelSignChangeRate(samples: readonly Sample[]): number | null {
  const speeds = stepSpeeds(samples);
  if (speeds.length < 3) return null;
  let changes = 0;
  let previousSign = 0;
  for (let i = 1; i < speeds.length; i += 1) {
    const sign = Math.sign((speeds[i] as number) - (speeds[i - 1] as number));
    if (sign !== 0 && previousSign !== 0 && sign !== previousSign) changes += 1;
    if (sign !== 0) previousSign = sign;
  }
  return changes / (speeds.length - 2);
}

/**
 * Counts steps inside runs that a script's interpolation produces. In such a run, every point
 * lies within 1 px (plus 2 % of the run's chord) of the line from the run's start, and step
 * lengths stay within 1 px plus 15 % of the run's first step. No step lasts more than about
 * twice the first (the slack is one clock step plus the first duration, at least 2 ms). Timing is
 * loose on purpose: Playwright's `mouse.move(x, y, { steps })` spaces points evenly, but each
 * step waits for a protocol round trip, so its durations jitter by milliseconds. Runs shorter than `MIN_EVEN_RUN_STEPS` steps or
 * `MIN_EVEN_RUN_CHORD_PX` count for nothing.
 */
function countEvenSteps(segments: readonly Sample[][], clockStepMs: number): number {
  let even = 0;
  for (const samples of segments) {
    let start = 0;
    while (start < samples.length - 1) {
      const end = extendEvenRun(samples, start, clockStepMs);
      const steps = end - start;
      const chord = distance(samples[start] as Sample, samples[end] as Sample);
      if (steps >= MIN_EVEN_RUN_STEPS && chord >= MIN_EVEN_RUN_CHORD_PX) even += steps;
      start = Math.max(end, start + 1);
    }
  }
  return even;
}

/** Returns the index of the last sample of the even run that starts at `start`. */
function extendEvenRun(samples: readonly Sample[], start: number, clockStepMs: number): number {
  const origin = samples[start] as Sample;
  const first = samples[start + 1] as Sample;
  const stepPx = distance(origin, first);
  const stepMs = first.t - origin.t;
  if (stepPx === 0) return start + 1;
  let end = start + 1;
  for (let i = start + 2; i < samples.length; i += 1) {
    const a = samples[i - 1] as Sample;
    const b = samples[i] as Sample;
    if (Math.abs(distance(a, b) - stepPx) > 1 + 0.15 * stepPx) break;
    if (Math.abs(b.t - a.t - stepMs) > clockStepMs + Math.max(2, stepMs)) break;
    if (!allNearLine(samples, start, i)) break;
    end = i;
  }
  return end;
}

function allNearLine(samples: readonly Sample[], start: number, end: number): boolean {
  const a = samples[start] as Sample;
  const b = samples[end] as Sample;
  const chord = distance(a, b);
  if (chord === 0) return false;
  const tolerance = 1 + 0.02 * chord;
  for (let i = start + 1; i < end; i += 1) {
    const p = samples[i] as Sample;
    const offLine = Math.abs((b.x - a.x) * (a.y - p.y) - (a.x - p.x) * (b.y - a.y)) / chord;
    if (offLine > tolerance) return false;
  }
  return true;
}

