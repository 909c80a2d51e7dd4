import type { BeaconEvent, Environment, KeyClass } from '@telltale/shared';

import type { BeaconInput } from '../classify/types';
import { chunkBeacons } from './chunk_beacons';
import { DESKTOP_CHROME_ENV } from './desktop_chrome';

/** Key classes of the Keystroke100 password `try4-mbs`, by position. */
const PASSWORD_CLASSES: readonly KeyClass[] = ['letter', 'letter', 'letter', 'digit', 'other', 'letter', 'letter', 'letter'];
/** Pause between two repetitions of the password; longer than any typing interval. */
const PAUSE_BETWEEN_REPETITIONS_MS = 3000;
const START_MS = 1000;

/**
 * Converts one Keystroke100 user's `latency.txt` (10 rows of 7 tab-separated latencies in
 * ms) into beacons. Each row becomes one entry of `try4-mbs` into a password field (field 0),
 * with a key down and an `insertText` input event at each cumulative latency. The dataset
 * has no key releases, so none are invented.
 */
export function convertKeystroke100User(text: string, env: Environment = DESKTOP_CHROME_ENV): BeaconInput[] {
  const events: BeaconEvent[] = [];
  let t = START_MS;
  for (const line of text.split(/\r?\n/)) {
    const latencies = line
      .split('\t')
      .filter((cell) => cell.trim() !== '')
      .map(Number);
    if (latencies.length !== PASSWORD_CLASSES.length - 1 || latencies.some((value) => !Number.isFinite(value))) continue;
    events.push({ type: 'focus', t, kind: 'focus', field: 0, fieldKind: 'password' });
    PASSWORD_CLASSES.forEach((cls, index) => {
      if (index > 0) t += latencies[index - 1] as number;
      events.push({ type: 'key', t, phase: 'down', cls, field: 0 });
      events.push({ type: 'input', t, field: 0, inputType: 'insertText', delta: 1 });
    });
    events.push({ type: 'focus', t, kind: 'blur', field: 0, fieldKind: 'password' });
    t += PAUSE_BETWEEN_REPETITIONS_MS;
  }
  return chunkBeacons(events, env);
}
