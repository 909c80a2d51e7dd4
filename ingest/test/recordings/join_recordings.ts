import type { BeaconInput } from '../../src/classify/types';

/** Gap left between the end of one recording and the start of the next, in ms. */
const GAP_MS = 1000;

/**
 * Joins the beacons of several recordings into one session on one page, as if one
 * person (or program) had produced them in a row. Each recording's timestamps are moved
 * to start `GAP_MS` after the previous one ends, and sequence numbers run on. Only the
 * first beacon keeps its environment.
 */
export function joinRecordings(recordings: readonly (readonly BeaconInput[])[]): BeaconInput[] {
  const joined: BeaconInput[] = [];
  let end = 0;
  for (const beacons of recordings) {
    const first = beacons[0]?.events[0]?.t ?? 0;
    const offset = joined.length === 0 ? 0 : end + GAP_MS - first;
    for (const beacon of beacons) {
      const events = beacon.events.map((event) => ({ ...event, t: event.t + offset }));
      const next: BeaconInput = { seq: joined.length, page: 0, path: beacon.path, events };
      if (joined.length === 0 && beacon.env !== undefined) next.env = beacon.env;
      joined.push(next);
      end = Math.max(end, events[events.length - 1]?.t ?? end);
    }
  }
  return joined;
}
