import type { BeaconEvent } from '@telltale/shared';

import { median } from './stats';

/** Moves after the first one that set the reference step length. */
export const PRESS_JUMP_REFERENCE_MOVES = 5;
/** Added to both lengths (px) so that whole-pixel steps of 0 or 1 px do not give huge ratios. */
const SMOOTHING_PX = 1;

/**
 * Returns the median, over presses in the window, of ln((d0 + 1) / (d + 1)). Here d0 is the
 * distance (px) from where a mouse or pen button went down to the first move after it. d is
 * the median length of the next `PRESS_JUMP_REFERENCE_MOVES` steps with the button held.
 *
 * A hand has to hold the pointer still to press, so the first move of a drag is short and
 * the following ones grow (human recordings: below 0.2 in 95 % of presses). A script that
 * presses and then sets the position to the first point of its path jumps first and moves
 * at its set pace afterwards (DELBOT pynput: above 0 in 95 % of presses). Presses followed
 * by fewer moves before the release, and touch presses, are left out; null when no press
 * qualifies.
 */
export function pressJumpLogRatio(events: readonly BeaconEvent[]): number | null {
  const ratios: number[] = [];
  let press: { x: number; y: number } | null = null;
  let path: { x: number; y: number }[] = [];
  for (const event of events) {
    if (event.type !== 'pointer' || event.pt === 'touch') continue;
    if (event.kind === 'down') {
      press = { x: event.x, y: event.y };
      path = [press];
    } else if (event.kind === 'up') {
      press = null;
    } else if (event.kind === 'move' && press !== null) {
      path.push({ x: event.x, y: event.y });
      if (path.length === PRESS_JUMP_REFERENCE_MOVES + 2) {
        ratios.push(jumpRatio(path));
        press = null;
      }
    }
  }
  return median(ratios);
}

function jumpRatio(path: readonly { x: number; y: number }[]): number {
  const lengths = path.slice(1).map((point, i) => Math.hypot(point.x - (path[i] as typeof point).x, point.y - (path[i] as typeof point).y));
  const first = lengths[0] as number;
  const reference = median(lengths.slice(1)) as number;
  return Math.log((first + SMOOTHING_PX) / (reference + SMOOTHING_PX));
}
