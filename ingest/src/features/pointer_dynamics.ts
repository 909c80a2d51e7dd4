import type { BeaconEvent } from '@telltale/shared';

import { measureDistanceSteps, spacedSteps, type DistanceSteps } from './distance_steps';
import { pathJitterIndex } from './path_jitter';
import { pressJumpLogRatio } from './press_jump';
import { coefficientOfVariation, mean, median, quantile, shareOf } from './stats';

/**
 * Pointer dynamics of one window: the shape of the speed, acceleration and direction
 * profiles. Values are dimensionless or logarithms, so the pointer's resolution and sampling
 * rate shift them less than raw pixels and milliseconds would. Null means not measurable.
 */
export interface PointerDynamicsFeatures {
  /** Moving steps the profile rests on. */
  dynamicsStepCount: number;
  /** Share of sampling intervals within 1 ms of the window's median interval. */
  intervalModeShare: number | null;
  /** Interquartile range of sampling intervals over their median. */
  intervalSpreadRatio: number | null;
  /** Natural log of the median sampling interval (ms). */
  intervalLogMedian: number | null;
  /** Mean absolute change of direction between consecutive steps, in radians. */
  angleChangeMean: number | null;
  /** Share of direction changes under 0.02 rad: steps that continue exactly in line. */
  angleChangeStraightShare: number | null;
  /** Share of direction changes over π/2: reversals, as tremor and sensor noise make. */
  angleChangeReversalShare: number | null;
  /** Median over strokes of the time to peak speed as a share of the stroke's duration. */
  peakSpeedTimeShare: number | null;
  /** Median over strokes of local speed minima per stroke (sub-movements). */
  subMovementsPerStroke: number | null;
  /** Median over strokes of ln(mean |jerk| × mean speed / (mean |acceleration|)²), a dimensionless smoothness ratio. */
  jerkLogRatio: number | null;
  /** Share of acceleration values whose sign differs from the one before (per step). */
  accelerationFlipShare: number | null;
  /** Coefficient of variation of step speeds over the window. */
  speedCv: number | null;
  /** Share of steps shorter than 1.5 px among moving steps. */
  tinyStepShare: number | null;
  /** Share of sampling intervals over 50 ms (pauses and sparse sampling) within movements. */
  slowIntervalShare: number | null;
  /**
   * Share of direction reversals beyond the first among steps of at most `FAST_STEP_MS`:
   * noise added to a smooth path reverses direction often, while a hand sampled that fast
   * rarely does.
   */
  fastReversalShare: number | null;
  /** Moving steps that follow a gap of more than `SPARSE_GAP_MIN_MS` and at most `STEP_GAP_MAX_MS`. */
  sparseStepCount: number;
  /** Coefficient of variation of those steps' lengths; null under `MIN_DYNAMICS_STEPS` steps. */
  sparseStepLengthCv: number | null;
  /** Coefficient of variation of those steps' gaps; null under `MIN_DYNAMICS_STEPS` steps. */
  sparseIntervalCv: number | null;
  /** Share of gaps between consecutive moves that are longer than `STROKE_PAUSE_MS`. */
  strokeBreakShare: number | null;
  /**
   * Median of |ln(v2 / v1)| for the speeds of adjacent chords of `CHORD_STEPS` steps. Chords
   * average out whole-pixel rounding, so a path computed at constant speed comes out near 0
   * even when its single steps are a few pixels long and their length CV is high.
   */
  chordSpeedChangeMedian: number | null;
  /** How far the first move after a button press jumps, against the next steps (`pressJumpLogRatio`). */
  pressJumpLogRatio: number | null;
  /** Noise laid over the path (`pathJitterIndex`). */
  pathJitterIndex: number | null;
  /** Spread of step lengths and gaps over every step of up to 400 ms (`measureDistanceSteps`). */
  distanceSteps: DistanceSteps;
}

/** A gap longer than this ends a stroke, like `SEGMENT_PAUSE_MS` for the path features. */
const STROKE_PAUSE_MS = 150;
/** Maximum step duration (ms) that `fastReversalShare` considers. */
const FAST_STEP_MS = 25;
/**
 * Smallest gap (ms) of sparsely reported moves; the largest is `STEP_GAP_MAX_MS`. A mouse in
 * a browser reports a moving pointer every 4–17 ms. Remote-desktop captures (Balabit) report
 * every 100 ms or more, and so do scripts that post one move per sleep (DELBOT pynput:
 * 155–167 ms).
 */
const SPARSE_GAP_MIN_MS = 100;
/** Steps per chord for `chordSpeedChangeMedian`. */
const CHORD_STEPS = 5;
/** Strokes with fewer steps than this are too short for a speed profile. */
const MIN_STROKE_STEPS = 5;
/** Windows with fewer moving steps than this return null profiles. */
export const MIN_DYNAMICS_STEPS = 10;

interface Step {
  dt: number;
  dx: number;
  dy: number;
  length: number;
}

/** Extracts the pointer dynamics of one window's non-touch pointer moves. */
export function extractPointerDynamics(events: readonly BeaconEvent[]): PointerDynamicsFeatures {
  const { strokes, breaks, gaps } = splitStrokes(events);
  const steps = strokes.flat();
  const moving = steps.filter((step) => step.length > 0);
  const spaced = spacedSteps(events);
  const sparse = spaced.filter((step) => step.dt > SPARSE_GAP_MIN_MS);
  const sparseJudged = sparse.length >= MIN_DYNAMICS_STEPS;
  const sparseFeatures = {
    sparseStepCount: sparse.length,
    sparseStepLengthCv: sparseJudged ? coefficientOfVariation(sparse.map((step) => step.length)) : null,
    sparseIntervalCv: sparseJudged ? coefficientOfVariation(sparse.map((step) => step.dt)) : null,
  };
  const distanceSteps = measureDistanceSteps(spaced);
  if (moving.length < MIN_DYNAMICS_STEPS) return { ...nullFeatures(moving.length), ...sparseFeatures, distanceSteps };

  const intervals = steps.map((step) => step.dt);
  const middle = median(intervals) as number;
  const spread = (quantile(intervals, 0.75) as number) - (quantile(intervals, 0.25) as number);
  const angles = angleChanges(strokes, Number.POSITIVE_INFINITY);
  const fastAngles = angleChanges(strokes, FAST_STEP_MS);
  const speeds = moving.map((step) => step.length / step.dt);
  const speedMean = mean(speeds) as number;
  const speedSd = Math.sqrt(mean(speeds.map((speed) => (speed - speedMean) ** 2)) as number);
  const profiles = strokes.filter((stroke) => stroke.length >= MIN_STROKE_STEPS).map(strokeProfile);

  return {
    dynamicsStepCount: moving.length,
    intervalModeShare: shareOf(intervals, (interval) => Math.abs(interval - middle) <= 1),
    intervalSpreadRatio: middle > 0 ? spread / middle : null,
    intervalLogMedian: Math.log(Math.max(middle, 0.1)),
    angleChangeMean: mean(angles),
    angleChangeStraightShare: shareOf(angles, (angle) => angle < 0.02),
    angleChangeReversalShare: shareOf(angles, (angle) => angle > Math.PI / 2),
    peakSpeedTimeShare: median(profiles.map((profile) => profile.peakTimeShare)),
    subMovementsPerStroke: median(profiles.map((profile) => profile.subMovements)),
    jerkLogRatio: median(profiles.map((profile) => profile.jerkLogRatio).filter((value): value is number => value !== null)),
    accelerationFlipShare: mean(profiles.map((profile) => profile.accelerationFlipShare)),
    speedCv: speedMean > 0 ? speedSd / speedMean : null,
    tinyStepShare: shareOf(moving, (step) => step.length < 1.5),
    slowIntervalShare: shareOf(intervals, (interval) => interval > 50),
    ...sparseFeatures,
    fastReversalShare: fastAngles.length >= MIN_DYNAMICS_STEPS ? excessReversalShare(fastAngles) : null,
    strokeBreakShare: gaps > 0 ? breaks / gaps : null,
    chordSpeedChangeMedian: chordSpeedChangeMedian(strokes),
    pressJumpLogRatio: pressJumpLogRatio(events),
    pathJitterIndex: pathJitterIndex(events),
    distanceSteps,
  };
}

function nullFeatures(stepCount: number): Omit<PointerDynamicsFeatures, 'distanceSteps'> {
  return {
    dynamicsStepCount: stepCount,
    intervalModeShare: null,
    intervalSpreadRatio: null,
    intervalLogMedian: null,
    angleChangeMean: null,
    angleChangeStraightShare: null,
    angleChangeReversalShare: null,
    peakSpeedTimeShare: null,
    subMovementsPerStroke: null,
    jerkLogRatio: null,
    accelerationFlipShare: null,
    speedCv: null,
    tinyStepShare: null,
    slowIntervalShare: null,
    sparseStepCount: 0,
    sparseStepLengthCv: null,
    sparseIntervalCv: null,
    fastReversalShare: null,
    strokeBreakShare: null,
    chordSpeedChangeMedian: null,
    pressJumpLogRatio: null,
    pathJitterIndex: null,
  };
}

/**
 * Splits the window's mouse and pen moves into strokes of steps with positive duration, and
 * counts the gaps between moves (`gaps`) and those that end a stroke (`breaks`).
 */
function splitStrokes(events: readonly BeaconEvent[]): { strokes: Step[][]; breaks: number; gaps: number } {
  const strokes: Step[][] = [];
  let breaks = 0;
  let gaps = 0;
  let stroke: Step[] = [];
  let last: { t: number; x: number; y: number } | null = null;
  for (const event of events) {
    if (event.type !== 'pointer' || event.kind !== 'move' || event.pt === 'touch') continue;
    if (last !== null) {
      const dt = event.t - last.t;
      if (dt > 0) gaps += 1;
      if (dt > STROKE_PAUSE_MS) {
        breaks += 1;
        if (stroke.length > 0) strokes.push(stroke);
        stroke = [];
      } else if (dt > 0) {
        const dx = event.x - last.x;
        const dy = event.y - last.y;
        stroke.push({ dt, dx, dy, length: Math.hypot(dx, dy) });
      } else {
        continue;
      }
    }
    last = { t: event.t, x: event.x, y: event.y };
  }
  if (stroke.length > 0) strokes.push(stroke);
  return { strokes, breaks, gaps };
}

/**
 * Returns the share of direction reversals among the given direction changes, not counting
 * the first reversal. One whole-pixel wobble of a slow hand gives one now and then: 1.4 % of
 * the Iliou et al. human windows have exactly one, and none has two.
 */
function excessReversalShare(angles: readonly number[]): number {
  const reversals = angles.filter((angle) => angle > Math.PI / 2).length;
  return Math.max(0, reversals - 1) / angles.length;
}

/** Returns the absolute direction changes between consecutive moving steps that each last at most `maxStepMs`. */
function angleChanges(strokes: readonly Step[][], maxStepMs: number): number[] {
  const angles: number[] = [];
  for (const stroke of strokes) {
    let previous: Step | null = null;
    for (const step of stroke) {
      if (step.length === 0) continue;
      if (step.dt > maxStepMs) {
        previous = null;
        continue;
      }
      if (previous !== null) {
        const turn = Math.atan2(previous.dx * step.dy - previous.dy * step.dx, previous.dx * step.dx + previous.dy * step.dy);
        angles.push(Math.abs(turn));
      }
      previous = step;
    }
  }
  return angles;
}

interface StrokeProfile {
  peakTimeShare: number;
  subMovements: number;
  jerkLogRatio: number | null;
  accelerationFlipShare: number;
}

function strokeProfile(stroke: readonly Step[]): StrokeProfile {
  const speeds = stroke.map((step) => step.length / step.dt);
  const accelerations: number[] = [];
  for (let i = 1; i < speeds.length; i += 1) {
    accelerations.push(((speeds[i] as number) - (speeds[i - 1] as number)) / (stroke[i] as Step).dt);
  }
  const jerks: number[] = [];
  for (let i = 1; i < accelerations.length; i += 1) {
    jerks.push(((accelerations[i] as number) - (accelerations[i - 1] as number)) / (stroke[i + 1] as Step).dt);
  }

  let flips = 0;
  for (let i = 1; i < accelerations.length; i += 1) {
    if (Math.sign(accelerations[i] as number) * Math.sign(accelerations[i - 1] as number) < 0) flips += 1;
  }

  return {
    peakTimeShare: peakSpeedTimeShare(stroke, speeds),
    subMovements: countLocalMinima(speeds),
    jerkLogRatio: jerkLogRatio(speeds, accelerations, jerks),
    accelerationFlipShare: accelerations.length > 1 ? flips / (accelerations.length - 1) : 0,
  };
}

/** Returns when the stroke reaches its peak speed, as a share of its duration. */
function peakSpeedTimeShare(stroke: readonly Step[], speeds: readonly number[]): number {
  let elapsed = 0;
  let peakAt = 0;
  let peak = -1;
  for (const [i, step] of stroke.entries()) {
    elapsed += step.dt;
    if ((speeds[i] as number) > peak) {
      peak = speeds[i] as number;
      peakAt = elapsed;
    }
  }
  return elapsed > 0 ? peakAt / elapsed : 0.5;
}

function countLocalMinima(values: readonly number[]): number {
  let minima = 0;
  for (let i = 1; i < values.length - 1; i += 1) {
    const value = values[i] as number;
    if (value < (values[i - 1] as number) && value < (values[i + 1] as number)) minima += 1;
  }
  return minima;
}

function jerkLogRatio(speeds: readonly number[], accelerations: readonly number[], jerks: readonly number[]): number | null {
  const meanSpeed = mean(speeds);
  const meanAcceleration = mean(accelerations.map(Math.abs));
  const meanJerk = mean(jerks.map(Math.abs));
  if (meanSpeed === null || meanAcceleration === null || meanJerk === null) return null;
  if (meanSpeed <= 0 || meanAcceleration <= 0 || meanJerk <= 0) return null;
  return Math.log((meanJerk * meanSpeed) / meanAcceleration ** 2);
}

/** Returns the median absolute log ratio of adjacent chord speeds within strokes, or null with too few chords. */
function chordSpeedChangeMedian(strokes: readonly Step[][]): number | null {
  const changes: number[] = [];
  for (const stroke of strokes) {
    for (let i = 0; i + 2 * CHORD_STEPS <= stroke.length; i += 1) {
      const first = chordSpeed(stroke.slice(i, i + CHORD_STEPS));
      const second = chordSpeed(stroke.slice(i + CHORD_STEPS, i + 2 * CHORD_STEPS));
      if (first > 0 && second > 0) changes.push(Math.abs(Math.log(second / first)));
    }
  }
  return changes.length >= MIN_DYNAMICS_STEPS ? median(changes) : null;
}

/** Returns the straight-line distance covered by consecutive steps over their duration (px/ms). */
function chordSpeed(steps: readonly Step[]): number {
  let dx = 0;
  let dy = 0;
  let dt = 0;
  for (const step of steps) {
    dx += step.dx;
    dy += step.dy;
    dt += step.dt;
  }
  return dt > 0 ? Math.hypot(dx, dy) / dt : 0;
}
