import type { Beacon, BeaconEvent } from '@telltale/shared';
import { BEACON_VERSION, MAX_BEACON_BYTES } from '@telltale/shared';

/**
 * Characters of events per beacon. The rest of MAX_BEACON_BYTES leaves room for the header,
 * the environment (at most about 4 KB) and the last event, which may pass this mark.
 */
export const MAX_EVENT_CHARS = MAX_BEACON_BYTES - 8192;

/** Fields of a beacon other than `v` and `events`. */
export type BeaconHeader = Omit<Beacon, 'v' | 'events'>;

/** Serialises one beacon. */
export function encodeBeacon(header: BeaconHeader, events: BeaconEvent[]): string {
  const beacon: Beacon = { v: BEACON_VERSION, ...header, events };
  return JSON.stringify(beacon);
}
