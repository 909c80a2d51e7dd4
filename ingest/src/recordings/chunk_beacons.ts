import type { BeaconEvent, Environment } from '@telltale/shared';

import type { BeaconInput } from '../classify/types';

/** The SDK sends a beacon every 5 s of activity or every 400 events, whichever comes first. */
export const BEACON_INTERVAL_MS = 5000;
export const BEACON_MAX_EVENTS = 400;

/**
 * Splits one page's events, sorted by time, into beacons the way the SDK batches them;
 * the first beacon carries the environment. Returns no beacons for no events.
 */
export function chunkBeacons(events: readonly BeaconEvent[], env: Environment, path = '/'): BeaconInput[] {
  const beacons: BeaconInput[] = [];
  let batch: BeaconEvent[] = [];
  let batchStart = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const beacon: BeaconInput = { seq: beacons.length, page: 0, path, events: batch };
    if (beacons.length === 0) beacon.env = env;
    beacons.push(beacon);
    batch = [];
  };
  for (const event of events) {
    if (batch.length > 0 && (event.t - batchStart >= BEACON_INTERVAL_MS || batch.length >= BEACON_MAX_EVENTS)) flush();
    if (batch.length === 0) batchStart = event.t;
    batch.push(event);
  }
  flush();
  return beacons;
}

/** Sorts events by time, keeping the recorded order of events with the same timestamp. */
export function sortByTime<T extends { t: number }>(events: readonly T[]): T[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.t - b.event.t || a.index - b.index)
    .map((item) => item.event);
}
