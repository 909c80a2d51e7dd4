import { beaconsOf, captureRequests } from '../src/captured-requests';
import { summarizeBeacons } from '../src/beacon-summary';
import { dumpDatabase, dumpToText, type DatabaseDump } from '../src/database-dump';
import { findLeaks } from '../src/find-leaks';
import { expect, test } from '../src/fixtures';
import { flushAndReadVerdict } from '../src/verdict';

const USERNAME = 'mira.QUOKKA-7731';
const PASSWORD = 'Zq7#secret-CANARY-4812';
const QUERY_VALUE = 'PELICAN-3390';

// The distinctive parts also match URL-encoded and partly typed copies of the values.
const CREDENTIAL_NEEDLES = [USERNAME, PASSWORD, 'QUOKKA-7731', 'CANARY-4812'];

const STORE_TIMEOUT_MS = 10_000;

/** Counts the key events stored in the `beacons` table for one session. */
function countStoredKeyEvents(dump: DatabaseDump, sessionId: string): number {
  const rows = (dump.get('beacons') ?? []) as { session_id: string; events: string }[];
  let count = 0;
  for (const row of rows) {
    if (row.session_id !== sessionId) continue;
    const events = JSON.parse(row.events) as { type: string }[];
    count += events.filter((event) => event.type === 'key').length;
  }
  return count;
}

test('typed credentials stay on the page', async ({ page, ingest }) => {
  const requests = captureRequests(page);
  await page.goto('/demo/');

  await page.locator('#username').click();
  await page.locator('#username').pressSequentially(USERNAME, { delay: 40 });
  await page.locator('#password').click();
  await page.locator('#password').pressSequentially(PASSWORD, { delay: 40 });
  await page.locator('button[type=submit]').click();
  const verdict = await flushAndReadVerdict(page);

  // The key timing must have been sent and stored. Otherwise the absence of the text proves nothing.
  const typedKeyCount = USERNAME.length + PASSWORD.length;
  const beacons = beaconsOf(requests);
  expect(summarizeBeacons(beacons).eventCounts.key ?? 0).toBeGreaterThanOrEqual(typedKeyCount);
  await expect
    .poll(() => countStoredKeyEvents(dumpDatabase(ingest.dbPath), verdict.sessionId), { timeout: STORE_TIMEOUT_MS })
    .toBeGreaterThanOrEqual(typedKeyCount);

  // Stopping the service first makes every write and log line final.
  await page.close();
  await ingest.stop();

  const beaconText = beacons.map((beacon) => `${beacon.url}\n${beacon.body}`).join('\n');
  expect(findLeaks(beaconText, CREDENTIAL_NEEDLES), 'beacon bodies').toEqual([]);
  expect(findLeaks(dumpToText(dumpDatabase(ingest.dbPath)), CREDENTIAL_NEEDLES), 'database rows').toEqual([]);
  expect(findLeaks(ingest.logLines.join('\n'), CREDENTIAL_NEEDLES), 'service log').toEqual([]);
});

test('query string stays out of storage', async ({ page, ingest }) => {
  const requests = captureRequests(page);
  await page.goto(`/demo/?q=${QUERY_VALUE}`);
  const verdict = await flushAndReadVerdict(page);

  // The page path must have been sent and stored without its query string.
  const beacons = beaconsOf(requests);
  expect(beacons.length).toBeGreaterThan(0);
  for (const beacon of beacons) {
    expect((JSON.parse(beacon.body) as { path: string }).path).toBe('/demo/');
  }
  await expect
    .poll(() => (dumpDatabase(ingest.dbPath).get('beacons') ?? []).filter((row) => row.session_id === verdict.sessionId).length, {
      timeout: STORE_TIMEOUT_MS,
    })
    .toBeGreaterThan(0);

  await page.close();
  await ingest.stop();

  const dump = dumpDatabase(ingest.dbPath);
  const storedPaths = (dump.get('beacons') ?? []).map((row) => row.path);
  expect(storedPaths).toContain('/demo/');
  expect(findLeaks(beacons.map((beacon) => beacon.body).join('\n'), [QUERY_VALUE]), 'beacon bodies').toEqual([]);
  expect(findLeaks(dumpToText(dump), [QUERY_VALUE]), 'database rows').toEqual([]);
  expect(findLeaks(ingest.logLines.join('\n'), [QUERY_VALUE]), 'service log').toEqual([]);
});
