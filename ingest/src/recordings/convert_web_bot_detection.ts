import type { BeaconEvent, Environment } from '@telltale/shared';

import type { BeaconInput } from '../classify/types';
import { chunkBeacons, sortByTime } from './chunk_beacons';
import { DESKTOP_CHROME_ENV } from './desktop_chrome';

/** Page time of the first move, so that timestamps stay positive after rebasing. */
const START_MS = 1000;

/** `buttons` bit of the left, right and middle mouse buttons. */
const BUTTONS = { l: 1, r: 2, m: 4 } as const;

/** The fields of a `mouse_movements.json` session file that the converter reads. */
export interface WebBotDetectionSession {
  total_behaviour: string;
  mousemove_times: string;
}

/**
 * Converts one session of the Web Bot Detection dataset (Iliou et al., phase 1) into
 * beacons. Moves come from `total_behaviour`'s `[m(x,y)]` tokens, timed by
 * `mousemove_times` (one timestamp per move, rebased to start at 1 s). Left clicks
 * (`[c(l)]`) become a pointer down, up and click at the time and place of the move before
 * them, because the file records no click times. Right and middle clicks become a down and
 * an up only. Click targets are unknown (`w` = `h` = 0).
 */
export function convertWebBotDetectionSession(
  session: WebBotDetectionSession,
  env: Environment = DESKTOP_CHROME_ENV,
): BeaconInput[] {
  const times = session.mousemove_times
    .split(',')
    .filter((value) => value.trim() !== '')
    .map(Number);
  const origin = times[0] ?? 0;
  const events: BeaconEvent[] = [];
  let moveIndex = 0;
  let last: { t: number; x: number; y: number } | null = null;

  for (const token of session.total_behaviour.matchAll(/\[(m)\((-?[\d.]+),(-?[\d.]+)\)\]|\[c\(([lrm])\)\]/g)) {
    if (token[1] === 'm') {
      const time = times[moveIndex];
      moveIndex += 1;
      if (time === undefined || !Number.isFinite(time)) continue;
      last = { t: time - origin + START_MS, x: Number(token[2]), y: Number(token[3]) };
      events.push({ type: 'pointer', t: last.t, kind: 'move', x: last.x, y: last.y, buttons: 0 });
    } else if (last !== null) {
      const left = token[4] === 'l';
      const buttons = BUTTONS[token[4] as 'l' | 'r' | 'm'];
      events.push({ type: 'pointer', t: last.t, kind: 'down', x: last.x, y: last.y, buttons });
      events.push({ type: 'pointer', t: last.t, kind: 'up', x: last.x, y: last.y, buttons: 0 });
      if (left) events.push({ type: 'click', t: last.t, x: last.x, y: last.y, dx: 0, dy: 0, w: 0, h: 0, detail: 1, button: 0 });
    }
  }
  return chunkBeacons(sortByTime(events), env);
}
