import { expandEventRows } from '@telltale/shared/event_rows';

import type { CapturedRequest } from './captured-requests';

/** What a page's beacons carried, condensed for a test report. */
export interface BeaconSummary {
  beaconCount: number;
  /** Number of events per event type over all beacons. */
  eventCounts: Record<string, number>;
  /** The last environment object sent, if any. */
  env: unknown;
}

/**
 * Counts the events by type in the captured beacons, whether sent as `events` or as `rows`, and
 * keeps the last `env` object.
 */
export function summarizeBeacons(beacons: readonly CapturedRequest[]): BeaconSummary {
  const eventCounts: Record<string, number> = {};
  let env: unknown = null;

  for (const beacon of beacons) {
    const body = JSON.parse(beacon.body) as { env?: unknown; events?: { type?: string }[]; rows?: unknown; strings?: unknown };
    if (body.env !== undefined) env = body.env;
    const events = body.rows === undefined ? (body.events ?? []) : (expandEventRows(body.rows, body.strings) as { type?: string }[]);
    for (const event of events) {
      const type = event.type ?? '(none)';
      eventCounts[type] = (eventCounts[type] ?? 0) + 1;
    }
  }
  return { beaconCount: beacons.length, eventCounts, env };
}
