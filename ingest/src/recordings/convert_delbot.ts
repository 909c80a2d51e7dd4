import type { BeaconEvent, Environment } from '@telltale/shared';

import type { BeaconInput } from '../classify/types';
import { chunkBeacons, sortByTime } from './chunk_beacons';
import { DESKTOP_CHROME_ENV } from './desktop_chrome';

/** Every recording is scaled to this viewport, so the recorder's screen size cannot reveal its label. */
export const NORMALISED_VIEWPORT = { width: 1280, height: 720 };

/**
 * Converts one DELBOT-Mouse recording (`resolution:W,H` then `time_ms,event,x,y` lines)
 * into beacons as the SDK would send them from an ordinary desktop Chrome.
 *
 * Coordinates are scaled from the recorded resolution to 1280×720 and the resolution
 * header is dropped. `Pressed` becomes a pointer down, `Move` a pointer move (with the
 * button held after a press), `Released` a pointer up plus a click. DELBOT's recorder logs
 * a second `Released` with no press before it at the end of most human and scripted
 * recordings (but not GAN ones). That release is dropped, because a browser reports no
 * release without a press. Clicks get `w` = `h` = 0, which marks the target as unknown.
 */
export function convertDelbotRecording(text: string, env: Environment = DESKTOP_CHROME_ENV): BeaconInput[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = /^resolution:(\d+),(\d+)/.exec(lines[0] ?? '');
  if (header === null) throw new Error('Invalid DELBOT recording: the first line must be "resolution:<width>,<height>".');
  const scaleX = NORMALISED_VIEWPORT.width / Number(header[1]);
  const scaleY = NORMALISED_VIEWPORT.height / Number(header[2]);

  const rows = lines.slice(1).map(parseRow).filter((row) => row !== null);
  const events: BeaconEvent[] = [];
  let pressed = false;
  for (const row of sortByTime(rows)) {
    const x = row.x * scaleX;
    const y = row.y * scaleY;
    const pt = row.touch ? ('touch' as const) : undefined;
    if (row.kind === 'Pressed') {
      pressed = true;
      events.push({ type: 'pointer', t: row.t, kind: 'down', x, y, buttons: 1, ...(pt ? { pt } : {}) });
    } else if (row.kind === 'Move') {
      events.push({ type: 'pointer', t: row.t, kind: 'move', x, y, buttons: pressed ? 1 : 0, ...(pt ? { pt } : {}) });
    } else if (pressed) {
      pressed = false;
      events.push({ type: 'pointer', t: row.t, kind: 'up', x, y, buttons: 0, ...(pt ? { pt } : {}) });
      events.push({ type: 'click', t: row.t, x, y, dx: 0, dy: 0, w: 0, h: 0, detail: 1, button: 0 });
    }
  }
  return chunkBeacons(events, env);
}

interface DelbotRow {
  t: number;
  kind: 'Pressed' | 'Move' | 'Released';
  touch: boolean;
  x: number;
  y: number;
}

function parseRow(line: string): DelbotRow | null {
  const [time, event, x, y] = line.split(',');
  const match = /^(Pressed|Move|Released)(Touch)?$/.exec(event ?? '');
  const row = { t: Number(time), x: Number(x), y: Number(y) };
  if (match === null || !Number.isFinite(row.t) || !Number.isFinite(row.x) || !Number.isFinite(row.y)) return null;
  return { ...row, t: Math.max(0, row.t), kind: match[1] as DelbotRow['kind'], touch: match[2] !== undefined };
}
