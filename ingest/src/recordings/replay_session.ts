import { evaluateBeacon, type SessionState, type WindowFeatures } from '../classify/evaluate_beacon';
import type { BeaconInput, Decision, RequestFacts } from '../classify/types';
import { desktopChromeRequest } from './desktop_chrome';

/** One evaluated beacon of a replayed session. */
export interface ReplayStep {
  decision: Decision;
  features: WindowFeatures;
  state: SessionState;
}

/** Epoch time at which replayed sessions start (2025-01-01T00:00:00Z). */
const SESSION_START_EPOCH_MS = Date.UTC(2025, 0, 1);

/**
 * Runs beacons through `evaluateBeacon` in order, as the ingest service would for one
 * session, and returns every step. Each beacon is "received" at the session start plus
 * its last event's page time.
 */
export function replaySession(
  beacons: readonly BeaconInput[],
  requestAt: (receivedAt: number) => RequestFacts = desktopChromeRequest,
  initial: SessionState | null = null,
): ReplayStep[] {
  const steps: ReplayStep[] = [];
  let state = initial;
  for (const beacon of beacons) {
    const lastEvent = beacon.events[beacon.events.length - 1];
    const result = evaluateBeacon(state, beacon, requestAt(SESSION_START_EPOCH_MS + (lastEvent?.t ?? 0)));
    state = result.state;
    steps.push(result);
  }
  return steps;
}
