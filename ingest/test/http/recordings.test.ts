import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAgentDriven, type SessionClass } from '@telltale/shared';

import type { BeaconInput } from '../../src/classify/types';
import { convertDelbotRecording } from '../../src/recordings/convert_delbot';
import { joinRecordings } from '../recordings/join_recordings';
import { startService, type TestService } from '../support/start_service';
import { emptyBeacon, newSessionId, postBeacon, toWireBeacon } from '../support/beacons';

const FIXTURES = join(import.meta.dirname, '..', 'recordings', 'fixtures', 'delbot');
const SESSION_START = Date.UTC(2026, 0, 5, 9, 0, 0);

let service: TestService;

beforeAll(async () => {
  service = await startService({ now: SESSION_START });
});
afterAll(async () => {
  await service.close();
});

function loadFolder(folder: string): { file: string; beacons: BeaconInput[] }[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, beacons: convertDelbotRecording(readFileSync(join(FIXTURES, folder, file), 'utf8')) }));
}

/**
 * Posts a converted recording to the running app as one session, moving the service's
 * clock with the recording, and returns the class of the tag after each beacon.
 */
async function postSession(beacons: readonly BeaconInput[]): Promise<{ sid: string; classes: SessionClass[] }> {
  const sid = newSessionId();
  const classes: SessionClass[] = [];
  for (const beacon of beacons) {
    const lastEvent = beacon.events[beacon.events.length - 1];
    service.setNow(SESSION_START + (lastEvent?.t ?? 0));
    const response = await postBeacon(service.url, toWireBeacon(beacon, sid));
    expect(response.status).toBe(200);
    classes.push(((await response.json()) as { class: SessionClass }).class);
  }
  return { sid, classes };
}

const HUMAN_FOLDERS = ['circles_human_pc1', 'circles_human_vm', 'circles_human_pc2_pad'];

describe('desktop browser with no interaction', () => {
  it('stays unknown with the no-interaction reason', async () => {
    const beacon = emptyBeacon();
    const first = (await (await postBeacon(service.url, beacon)).json()) as { class: string; tag: string };
    const second = (await (await postBeacon(service.url, { ...beacon, seq: 1, env: undefined, events: [{ type: 'visibility', t: 6000, state: 'hidden' }] })).json()) as { class: string; tag: string };
    expect(first.class).toBe('unknown');
    expect(second.class).toBe('unknown');

    const claims = JSON.parse(Buffer.from(second.tag.split('.')[1]!, 'base64url').toString('utf8')) as { reasons: string[]; agent_driven: boolean };
    expect(claims.reasons).toContain('no_interaction');
    expect(claims.agent_driven).toBe(false);
  });
});

describe('recorded sessions posted to the app', () => {
  const humanCases = HUMAN_FOLDERS.flatMap((folder) => loadFolder(folder).map((recording) => ({ folder, ...recording })));

  it.each(humanCases)('tags $folder/$file human', async ({ beacons }) => {
    const { classes } = await postSession(beacons);
    expect(classes.at(-1)).toBe('human');
    expect(classes.some((cls) => isAgentDriven(cls))).toBe(false);
  });

  it.each(loadFolder('circles_bot_pynput'))('tags pynput $file as automation', async ({ beacons }) => {
    const { sid, classes } = await postSession(beacons);
    expect(isAgentDriven(classes.at(-1)!)).toBe(true);

    const row = service.db.$client.prepare('select class, agent_driven, reasons, evidence from sessions where id = ?').get(sid) as { class: string; agent_driven: number; reasons: string; evidence: string };
    expect(row.agent_driven).toBe(1);
    const evidence = JSON.parse(row.evidence) as { code: string; value: unknown }[];
    expect(JSON.parse(row.reasons)).toEqual(evidence.map((e) => e.code));
    expect(evidence.every((e) => e.value !== undefined && e.value !== null)).toBe(true);
  });

  it('re-tags a session taken over by a program, with the session-shift reason', async () => {
    const humans = loadFolder('circles_human_pc1').map((r) => r.beacons);
    const bot = loadFolder('circles_bot_pynput')[0]!.beacons;
    const joined = joinRecordings([...humans, bot]);
    const humanBeaconCount = humans.reduce((sum, beacons) => sum + beacons.length, 0);

    const { sid, classes } = await postSession(joined);
    expect(classes[humanBeaconCount - 1]).toBe('human');
    expect(isAgentDriven(classes.at(-1)!)).toBe(true);

    const decisions = service.db.$client.prepare('select class, reasons from decisions where session_id = ? order by id').all(sid) as { class: string; reasons: string }[];
    const last = decisions.at(-1)!;
    expect(isAgentDriven(last.class as SessionClass)).toBe(true);
    expect(JSON.parse(last.reasons)).toContain('session_shift');
    expect(decisions.some((d) => d.class === 'human')).toBe(true);

    const baseline = service.db.$client.prepare('select stats from session_baselines where session_id = ?').get(sid) as { stats: string } | undefined;
    expect(baseline).toBeDefined();
  });
});
