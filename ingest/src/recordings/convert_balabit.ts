import type { BeaconEvent, Environment } from '@telltale/shared';

import type { BeaconInput } from '../classify/types';
import { chunkBeacons, sortByTime } from './chunk_beacons';
import { DESKTOP_CHROME_ENV } from './desktop_chrome';

/** Wheel delta in CSS pixels for one Balabit scroll step; the recording has only the direction. */
const WHEEL_STEP_PX = 100;

/**
 * Converts one Balabit Mouse Dynamics session (CSV with `record timestamp,client timestamp,
 * button,state,x,y`) into beacons, timed by the client timestamp (the RDP client's clock,
 * in seconds). `Move` and `Drag` become pointer moves, `Pressed`/`Released` pointer downs and
 * ups (a left release also a click with unknown target), `Scroll` rows wheel events.
 */
export function convertBalabitSession(text: string, env: Environment = DESKTOP_CHROME_ENV): BeaconInput[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(',') ?? [];
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`Invalid Balabit session: the header has no "${name}" column.`);
    return index;
  };
  const timeColumn = column('client timestamp');
  const buttonColumn = column('button');
  const stateColumn = column('state');
  const xColumn = column('x');
  const yColumn = column('y');

  const events: BeaconEvent[] = [];
  let leftDown = false;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const t = Number(cells[timeColumn]) * 1000;
    const x = Number(cells[xColumn]);
    const y = Number(cells[yColumn]);
    if (!Number.isFinite(t) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    const button = cells[buttonColumn];
    const state = cells[stateColumn];
    if (state === 'Move' || state === 'Drag') {
      events.push({ type: 'pointer', t, kind: 'move', x, y, buttons: state === 'Drag' ? 1 : 0 });
    } else if (state === 'Pressed') {
      if (button === 'Left') leftDown = true;
      events.push({ type: 'pointer', t, kind: 'down', x, y, buttons: button === 'Right' ? 2 : 1 });
    } else if (state === 'Released') {
      events.push({ type: 'pointer', t, kind: 'up', x, y, buttons: 0 });
      if (button === 'Left' && leftDown) {
        events.push({ type: 'click', t, x, y, dx: 0, dy: 0, w: 0, h: 0, detail: 1, button: 0 });
      }
      if (button === 'Left') leftDown = false;
    } else if (state === 'Up' || state === 'Down') {
      events.push({ type: 'wheel', t, dx: 0, dy: state === 'Down' ? WHEEL_STEP_PX : -WHEEL_STEP_PX, mode: 0 });
    }
  }
  return chunkBeacons(sortByTime(events), env);
}
