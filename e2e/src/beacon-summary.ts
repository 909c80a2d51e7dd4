import type { CapturedRequest } from './captured-requests';

/** What a page's beacons carried, condensed for a test report. */
export interface BeaconSummary {
  beaconCount: number;
  /** Number of events per event type over all beacons. */
  eventCounts: Record<string, number>;
  /** The last environment object sent, if any. */
  env: unknown;
}

/** Counts the events by type in the captured beacons and keeps the last `env` object. */
export function summarizeBeacons(beacons: readonly CapturedRequest[]): BeaconSummary {
  const eventCounts: Record<string, number> = {};
  let env: unknown = null;

  for (const beacon of beacons) {
    const body = JSON.parse(beacon.body) as { env?: unknown; events?: { type?: string }[] };
    if (body.env !== undefined) env = body.env;
    for (const event of body.events ?? []) {
      const type = event.type ?? '(none)';
      eventCounts[type] = (eventCounts[type] ?? 0) + 1;
    }
  }
  return { beaconCount: beacons.length, eventCounts, env };
}
