import type { BeaconEvent } from '@telltale/shared';

/** Key hold and flight times of a run of events, in ms. */
export interface KeyTimings {
  /** Key down to the next key up of the same key class. */
  holds: number[];
  /** Key up to the next key down of any timed key. */
  flights: number[];
}

/** Holds and flights longer than this are pauses or lost key-ups, not typing. */
export const MAX_KEY_TIMING_MS = 1500;

/**
 * Extracts key hold and flight times from events of one page load, in order. Modifier,
 * auto-repeat and IME keys are left out, as in the keystroke features. Event times restart
 * with each page load, so callers pass each page's events separately.
 */
export function extractKeyTimings(events: readonly BeaconEvent[]): KeyTimings {
  const holds: number[] = [];
  const flights: number[] = [];
  const pendingDowns = new Map<string, number[]>();
  let lastUpAt: number | null = null;

  for (const event of events) {
    if (event.type !== 'key' || event.cls === 'modifier' || event.repeat === true || event.ime === true) continue;
    if (event.phase === 'down') {
      if (lastUpAt !== null) {
        const flight = event.t - lastUpAt;
        if (flight >= 0 && flight <= MAX_KEY_TIMING_MS) flights.push(flight);
        lastUpAt = null;
      }
      const queue = pendingDowns.get(event.cls) ?? [];
      queue.push(event.t);
      pendingDowns.set(event.cls, queue);
    } else {
      const downAt = pendingDowns.get(event.cls)?.shift();
      if (downAt !== undefined) {
        const hold = event.t - downAt;
        if (hold >= 0 && hold <= MAX_KEY_TIMING_MS) holds.push(hold);
      }
      lastUpAt = event.t;
    }
  }
  return { holds, flights };
}
