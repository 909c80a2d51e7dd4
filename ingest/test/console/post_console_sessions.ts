import type { Beacon, BeaconEvent, SessionClass } from '@telltale/shared';

import type { BeaconInput } from '../../src/classify/types';
import { BOT_FIXTURE_FAMILY, loadDelbotFixtures } from '../recordings/fixtures';
import { newSessionId, postBeacon, toWireBeacon } from '../support/beacons';

/** A session posted to a running service, with what the console should draw for it. */
export interface PostedSession {
  id: string;
  class: SessionClass;
  /** Pointer events sent (moves, downs and ups), which the trajectory must show. */
  pointerCount: number;
  /** Key hold pairs sent, which the hold histogram must count. */
  keyHoldCount: number;
}

/**
 * Returns 24 keystrokes as down/up events from `start` ms. `holdMs` and `flightMs` give
 * each keystroke's hold and the gap to the next key down.
 */
function typing(start: number, holdMs: (i: number) => number, flightMs: (i: number) => number): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let t = start;
  for (let i = 0; i < 24; i++) {
    const cls = i % 6 === 5 ? 'space' : 'letter';
    events.push({ type: 'key', t, phase: 'down', cls, field: 0 });
    t += holdMs(i);
    events.push({ type: 'key', t, phase: 'up', cls, field: 0 });
    t += flightMs(i);
  }
  return events;
}

/** Deterministic spread in [0, 1) for keystroke `i`, so human-like timings are the same on every run. */
function jitter(i: number, salt: number): number {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

/** Key timings with a person's spread: holds 70–150 ms, flights 40–260 ms. */
export function humanTyping(start: number): BeaconEvent[] {
  return typing(start, (i) => 70 + 80 * jitter(i, 1), (i) => 40 + 220 * jitter(i, 2));
}

/** Key timings of a script: 2 ms holds and 78 ms flights, every time. */
export function scriptedTyping(start: number): BeaconEvent[] {
  return typing(start, () => 2, () => 78);
}

/**
 * Posts a recorded DELBOT session followed by one beacon of typing, as one session, and
 * returns its id, final class and the counts the console should draw.
 */
export async function postRecordedSession(
  url: string,
  recording: readonly BeaconInput[],
  keys: (start: number) => BeaconEvent[],
  headers: Record<string, string> = {},
): Promise<PostedSession> {
  const id = newSessionId();
  const last = recording[recording.length - 1]!;
  const lastT = last.events[last.events.length - 1]?.t ?? 0;
  const keyEvents = keys(lastT + 500);
  const beacons: Beacon[] = [...recording.map((beacon) => toWireBeacon(beacon, id)), toWireBeacon({ seq: last.seq + 1, page: last.page, path: last.path, events: keyEvents }, id)];

  let cls: SessionClass = 'unknown';
  for (const beacon of beacons) {
    const response = await postBeacon(url, beacon, headers);
    if (response.status !== 200) throw new Error(`POST /v1/collect returned ${response.status}: ${await response.text()}`);
    cls = ((await response.json()) as { class: SessionClass }).class;
  }

  const pointerCount = recording.reduce((sum, beacon) => sum + beacon.events.filter((event) => event.type === 'pointer').length, 0);
  return { id, class: cls, pointerCount, keyHoldCount: keyEvents.length / 2 };
}

/** Posts one human and one scripted recording with typing, the pair the console tests open. */
export async function postHumanAndBot(url: string): Promise<{ human: PostedSession; bot: PostedSession }> {
  const human = await postRecordedSession(url, loadDelbotFixtures('circles_human_pc1')[0]!.beacons, humanTyping);
  const bot = await postRecordedSession(url, loadDelbotFixtures(BOT_FIXTURE_FAMILY)[0]!.beacons, scriptedTyping);
  return { human, bot };
}
