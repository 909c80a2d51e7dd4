import type { TestInfo } from '@playwright/test';

import { summarizeBeacons } from './beacon-summary';
import { beaconsOf, type CapturedRequest } from './captured-requests';
import type { IngestService } from './ingest-service';
import { fetchSessionRecord } from './session-record';
import type { Verdict } from './verdict';

/**
 * Attaches to the test's report what the classifier saw and decided: the tag claims, the
 * whoami response, the stored session (with its evidence) and a summary of the page's beacons.
 * Call it before the assertions, so a wrong class comes with the measurements behind it.
 */
export async function attachVerdictReport(
  testInfo: TestInfo,
  ingest: IngestService,
  verdict: Verdict,
  requests: readonly CapturedRequest[],
): Promise<void> {
  let session: unknown;
  try {
    session = await fetchSessionRecord(ingest, verdict.sessionId);
  } catch (error) {
    session = { error: (error as Error).message };
  }

  const report = {
    claims: verdict.claims,
    whoamiStatus: verdict.whoamiStatus,
    whoami: verdict.whoami,
    session,
    beacons: summarizeBeacons(beaconsOf(requests)),
  };
  await testInfo.attach('verdict', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
}
