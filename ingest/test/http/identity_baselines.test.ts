import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAgentDriven, type SessionClass } from '@telltale/shared';

import { IDENTITY_MIN_WINDOWS } from '../../src/classify/identity_deviation';
import type { BeaconInput } from '../../src/classify/types';
import { convertDelbotRecording } from '../../src/recordings/convert_delbot';
import { dumpDatabase, startService, type TestService } from '../support/start_service';
import { emptyBeacon, newSessionId, postBeacon, toWireBeacon } from '../support/beacons';

const FIXTURES = join(import.meta.dirname, '..', 'recordings', 'fixtures');
const SESSION_START = Date.UTC(2026, 0, 6, 9, 0, 0);
/** Signed-in identity that the page names, which must never reach storage or logs. */
const IDENTITY = 'alice.liddell@example.com';
const OTHER_IDENTITY = 'bob.cratchit@example.com';

let service: TestService;

beforeAll(async () => {
  service = await startService({ now: SESSION_START });
});
afterAll(async () => {
  await service.close();
});

function loadRecordings(folder: string): BeaconInput[][] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => convertDelbotRecording(readFileSync(join(dir, file), 'utf8')));
}

interface PostedSession {
  sid: string;
  classes: SessionClass[];
}

/**
 * Posts a converted recording as a new session of `identity`. The identity travels alone
 * in a first beacon with no interaction, as the SDK sends it when `identify()` is called
 * before any activity, so the recording's beacons rely on the session keeping its hash.
 */
async function postIdentifiedSession(identity: string, beacons: readonly BeaconInput[]): Promise<PostedSession> {
  const sid = newSessionId();
  service.setNow(SESSION_START);
  const first = await postBeacon(service.url, emptyBeacon({ sid, identity }));
  expect(first.status).toBe(200);

  const classes: SessionClass[] = [];
  for (const beacon of beacons) {
    const lastEvent = beacon.events[beacon.events.length - 1];
    service.setNow(SESSION_START + (lastEvent?.t ?? 0));
    const wire = { ...toWireBeacon(beacon, sid), seq: beacon.seq + 1, page: 0, env: undefined };
    const response = await postBeacon(service.url, wire);
    expect(response.status).toBe(200);
    classes.push(((await response.json()) as { class: SessionClass }).class);
  }
  return { sid, classes };
}

function sessionRow(sid: string): { class: string; reasons: string[]; evidence: { code: string; value: unknown }[]; identityHash: string | null } {
  const row = service.db.$client.prepare('select class, reasons, evidence, identity_hash from sessions where id = ?').get(sid) as {
    class: string;
    reasons: string;
    evidence: string;
    identity_hash: string | null;
  };
  return { class: row.class, reasons: JSON.parse(row.reasons), evidence: JSON.parse(row.evidence), identityHash: row.identity_hash };
}

function baselineRows(identityHash: string): { feature: string; n: number; mean: number; m2: number }[] {
  return service.db.$client
    .prepare('select feature, n, mean, m2 from identity_baselines where identity_hash = ? order by feature')
    .all(identityHash) as { feature: string; n: number; mean: number; m2: number }[];
}

describe('identity baselines over HTTP', () => {
  const baselineSessions = loadRecordings('identity/circles_human_pc1');
  const laterHuman = loadRecordings('delbot/circles_human_pc1')[0]!;
  const bot = loadRecordings('delbot/circles_bot_pynput')[0]!;
  let identityHash = '';

  it('builds a baseline from human sessions', async () => {
    expect(baselineSessions.length).toBeGreaterThanOrEqual(IDENTITY_MIN_WINDOWS);
    for (const beacons of baselineSessions) {
      const { sid, classes } = await postIdentifiedSession(IDENTITY, beacons);
      expect(classes.at(-1)).toBe('human');
      const row = sessionRow(sid);
      expect(row.identityHash).toMatch(/^[0-9a-f]{64}$/);
      if (identityHash === '') identityHash = row.identityHash!;
      expect(row.identityHash).toBe(identityHash);
    }

    const rows = baselineRows(identityHash);
    const interval = rows.find((row) => row.feature === 'sampleIntervalMsMedian');
    expect(interval?.n).toBe(baselineSessions.length);
    expect(rows.find((row) => row.feature === 'stepLengthCv')?.n).toBe(baselineSessions.length);
  });

  it('flags a script on the identity with the deviation reason', async () => {
    const before = baselineRows(identityHash);
    const { sid, classes } = await postIdentifiedSession(IDENTITY, bot);
    expect(isAgentDriven(classes.at(-1)!)).toBe(true);

    const row = sessionRow(sid);
    expect(row.identityHash).toBe(identityHash);
    expect(row.reasons).toContain('identity_deviation');
    const deviation = row.evidence.find((item) => item.code === 'identity_deviation');
    expect(deviation?.value).toBeGreaterThanOrEqual(3);

    // Automation sessions leave the identity's statistics as they were.
    expect(baselineRows(identityHash)).toEqual(before);
  });

  it('keeps a new human session of the identity human', async () => {
    const before = baselineRows(identityHash);
    const { sid, classes } = await postIdentifiedSession(IDENTITY, laterHuman);
    expect(classes.at(-1)).toBe('human');
    expect(classes.some((cls) => isAgentDriven(cls))).toBe(false);
    expect(sessionRow(sid).reasons).not.toContain('identity_deviation');

    // A confident human window joins the baseline.
    const interval = baselineRows(identityHash).find((row) => row.feature === 'sampleIntervalMsMedian');
    expect(interval?.n).toBe(before.find((row) => row.feature === 'sampleIntervalMsMedian')!.n + 1);
  });

  it('judges a new identity by the population only', async () => {
    const { sid, classes } = await postIdentifiedSession(OTHER_IDENTITY, bot);
    expect(isAgentDriven(classes.at(-1)!)).toBe(true);
    const row = sessionRow(sid);
    expect(row.identityHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.identityHash).not.toBe(identityHash);
    expect(row.reasons).not.toContain('identity_deviation');
    expect(baselineRows(row.identityHash!)).toEqual([]);
  });

  it('stores and logs only the keyed hash', () => {
    const stored = dumpDatabase(service.db);
    const logs = service.logLines.join('\n');
    for (const identity of [IDENTITY, OTHER_IDENTITY]) {
      expect(stored).not.toContain(identity);
      expect(logs).not.toContain(identity);
      // The hash is keyed: a plain SHA-256 of the id, which anyone could compute from a guess, is absent.
      expect(stored).not.toContain(createHash('sha256').update(identity).digest('hex'));
    }
    expect(stored).toContain(identityHash);
  });
});
