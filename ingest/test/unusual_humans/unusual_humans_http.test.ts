import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClass, TagClaims } from '@telltale/shared';

import { newSessionId, postBeacon, toWireBeacon } from '../support/beacons';
import { startService, type TestService } from '../support/start_service';
import { ANDROID_CHROME_ENV, ANDROID_CHROME_HEADERS } from './android_chrome';
import {
  coarseClockSession,
  passwordManagerSession,
  remoteDesktopSession,
  screenReaderSession,
  touchPhoneSession,
  type UnusualSession,
} from './unusual_sessions';

const SESSION_START = Date.UTC(2026, 0, 12, 14, 0, 0);

let service: TestService;

beforeAll(async () => {
  service = await startService({ now: SESSION_START });
});
afterAll(async () => {
  await service.close();
});

/** Posts a session's beacons to the running app, moving its clock with the events, and returns each response's class and the last tag. */
async function postSession(session: UnusualSession): Promise<{ sid: string; classes: SessionClass[]; tag: string }> {
  const sid = newSessionId();
  const headers = session.env === ANDROID_CHROME_ENV ? ANDROID_CHROME_HEADERS : {};
  const classes: SessionClass[] = [];
  let tag = '';
  for (const beacon of session.beacons) {
    service.setNow(SESSION_START + (beacon.events.at(-1)?.t ?? 0));
    const response = await postBeacon(service.url, toWireBeacon(beacon, sid), headers);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { class: SessionClass; tag: string };
    classes.push(body.class);
    tag = body.tag;
  }
  return { sid, classes, tag };
}

const sessions = [passwordManagerSession(), touchPhoneSession(), screenReaderSession(), coarseClockSession(), remoteDesktopSession()];

describe('unusual human sessions posted to the app', () => {
  it.each(sessions.map((session) => ({ name: session.name, session })))('tags $name human', async ({ session }) => {
    const { sid, classes, tag } = await postSession(session);
    expect(classes.at(-1)).toBe('human');
    expect(classes).not.toContain('rogue_bot');
    expect(classes).not.toContain('unverified_agent');

    const claims = JSON.parse(Buffer.from(tag.split('.')[1]!, 'base64url').toString('utf8')) as TagClaims;
    expect(claims.cls).toBe('human');
    expect(claims.agent_driven).toBe(false);
    expect(claims.reasons.length).toBeGreaterThan(0);

    const row = service.db.$client.prepare('select class, agent_driven from sessions where id = ?').get(sid) as { class: string; agent_driven: number };
    expect(row.class).toBe('human');
    expect(row.agent_driven).toBe(0);
  });
});
