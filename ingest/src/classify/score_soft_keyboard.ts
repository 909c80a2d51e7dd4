import type { BeaconEvent, Evidence } from '@telltale/shared';

import { extractKeystrokeFeatures, type KeystrokeFeatures } from '../features/keystroke';
import { scoreKeys } from './score_behaviour';
import { MIN_KEY_INTERVALS } from './thresholds';

/**
 * Scores the rhythm of soft-keyboard and IME typing, which the keystroke features leave out.
 *
 * An Android soft keyboard reports every key as key code 229 (`ime` on the wire), so a phone
 * user who types shows no timed keys at all. The intervals between those key downs still
 * follow the typist's fingers, so they get the same interval tests as physical keys and can
 * give `typing_rhythm_human` or `key_interval_regular`. Their hold times are left out, because
 * the keyboard, not the finger, decides when the key-up is sent. The evidence's feature name
 * starts with `ime`. A window that already has enough physical key intervals is left to them.
 */
export function scoreSoftKeyboard(events: readonly BeaconEvent[], keys: KeystrokeFeatures): Evidence[] {
  if (keys.keyIntervalCount >= MIN_KEY_INTERVALS) return [];
  const imeDowns: BeaconEvent[] = [];
  for (const event of events) {
    if (event.type === 'key' && event.ime === true && event.phase === 'down' && event.repeat !== true) {
      imeDowns.push({ ...event, ime: false });
    }
  }
  const imeKeys = extractKeystrokeFeatures(imeDowns).features;
  return scoreKeys(imeKeys).map((item) => ({ ...item, feature: `ime${item.feature[0]?.toUpperCase()}${item.feature.slice(1)}` }));
}
