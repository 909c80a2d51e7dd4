import type { BeaconEvent } from '@telltale/shared';

import { median } from './stats';

/** Maximum step duration (ms) on either side of a point that `pathJitterIndex` judges. */
const JITTER_STEP_MAX_MS = 25;
/** Minimum chord (px) between a point's neighbours. On shorter chords, whole-pixel rounding dominates. */
const JITTER_CHORD_MIN_PX = 4;
/** Points a window needs before the median is reported. */
const JITTER_MIN_POINTS = 10;

/**
 * Measures noise laid over a pointer path.
 *
 * For each mouse or pen move, `offset` is its signed distance (px) from the chord between
 * the moves before and after it. On a smooth curve the offset changes slowly from point to
 * point (it is the curve's sagitta), so its second difference, `offset[i]` minus the mean of
 * its neighbours' offsets, stays near 0 at any speed or curvature. Noise added to every point
 * makes it large. The index is the median of |second difference| / √chord; the square root
 * lets a fast hand's longer chords carry a little more whole-pixel and sensor wobble.
 *
 * Measured on the developer sample of the public recordings: DELBOT desktop and touchpad
 * windows and Iliou et al. human windows stay under 0.25, and under 0.35 with every second
 * or third point dropped to imitate a faster hand. The two DELBOT remote-VM windows with
 * enough points give 0.21 and 0.48. With 1.5 px of normal noise laid on the same human paths,
 * 99 % of windows give 0.25 or more, and the median is 0.62. Only points whose two steps last at most `JITTER_STEP_MAX_MS` and whose chord is at
 * least `JITTER_CHORD_MIN_PX` count; null under `JITTER_MIN_POINTS` such points.
 */
export function pathJitterIndex(events: readonly BeaconEvent[]): number | null {
  const points: { t: number; x: number; y: number }[] = [];
  for (const event of events) {
    if (event.type === 'pointer' && event.kind === 'move' && event.pt !== 'touch') points.push(event);
  }
  const offsets = points.map((point, i) => sideOffset(points[i - 1], point, points[i + 1]));
  const values: number[] = [];
  for (let i = 1; i + 1 < offsets.length; i += 1) {
    const [before, here, after] = [offsets[i - 1], offsets[i], offsets[i + 1]];
    if (before == null || here == null || after == null) continue;
    values.push(Math.abs(here.offset - (before.offset + after.offset) / 2) / Math.sqrt(here.chord));
  }
  return values.length >= JITTER_MIN_POINTS ? median(values) : null;
}

type Point = { t: number; x: number; y: number };

/** Signed distance of `point` from the chord between its neighbours, or null when the point does not qualify. */
function sideOffset(before: Point | undefined, point: Point, after: Point | undefined): { offset: number; chord: number } | null {
  if (before === undefined || after === undefined) return null;
  const first = point.t - before.t;
  const second = after.t - point.t;
  if (first <= 0 || second <= 0 || first > JITTER_STEP_MAX_MS || second > JITTER_STEP_MAX_MS) return null;
  const dx = after.x - before.x;
  const dy = after.y - before.y;
  const chord = Math.hypot(dx, dy);
  if (chord < JITTER_CHORD_MIN_PX) return null;
  return { offset: ((point.x - before.x) * dy - (point.y - before.y) * dx) / chord, chord };
}
