import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { BEACON_MAX_EVENTS, chunkBeacons } from './chunk_beacons';
import { convertBalabitSession } from './convert_balabit';
import { convertDelbotRecording } from './convert_delbot';
import { convertKeystroke100User } from './convert_keystroke100';
import { convertWebBotDetectionSession } from './convert_web_bot_detection';
import { DESKTOP_CHROME_ENV } from './desktop_chrome';

function eventsOf(beacons: { events: BeaconEvent[] }[]): BeaconEvent[] {
  return beacons.flatMap((beacon) => beacon.events);
}

describe('chunkBeacons', () => {
  it('starts a beacon every 5 s and puts the environment on the first only', () => {
    const events: BeaconEvent[] = [0, 1000, 4999, 5000, 9000, 12_000].map((t) => ({ type: 'scroll', t, y: t }));
    const beacons = chunkBeacons(events, DESKTOP_CHROME_ENV);
    expect(beacons.map((beacon) => beacon.events.length)).toEqual([3, 2, 1]);
    expect(beacons.map((beacon) => beacon.seq)).toEqual([0, 1, 2]);
    expect(beacons[0]?.env).toBe(DESKTOP_CHROME_ENV);
    expect(beacons[1]?.env).toBeUndefined();
  });

  it(`starts a beacon after ${BEACON_MAX_EVENTS} events`, () => {
    const events: BeaconEvent[] = Array.from({ length: 1000 }, (_, t) => ({ type: 'scroll', t, y: t }));
    expect(chunkBeacons(events, DESKTOP_CHROME_ENV).map((beacon) => beacon.events.length)).toEqual([400, 400, 200]);
  });
});

describe('convertDelbotRecording', () => {
  const recording = [
    'resolution:1920,1080',
    '100,Pressed,960,540',
    '116,Move,970,550',
    '90,Move,950,530',
    '132,Released,970,550',
    '400,Released,100,100',
  ].join('\n');

  it('scales coordinates to 1280×720 and drops the resolution header', () => {
    const events = eventsOf(convertDelbotRecording(recording));
    const first = events[0];
    expect(first).toMatchObject({ type: 'pointer', kind: 'move', t: 90 });
    expect(first?.type === 'pointer' ? first.x : NaN).toBeCloseTo((950 * 2) / 3, 9);
    expect(first?.type === 'pointer' ? first.y : NaN).toBeCloseTo((530 * 2) / 3, 9);
    expect(events[1]).toMatchObject({ type: 'pointer', kind: 'down', x: 640, y: 360, buttons: 1 });
    expect(JSON.stringify(events)).not.toContain('1920');
  });

  it('turns a release into an up and a click on an unknown target', () => {
    const events = eventsOf(convertDelbotRecording(recording));
    const clicks = events.filter((event) => event.type === 'click');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({ w: 0, h: 0, dx: 0, dy: 0, detail: 1 });
  });

  it('drops a release that has no press before it', () => {
    const events = eventsOf(convertDelbotRecording(recording));
    expect(events.filter((event) => event.type === 'pointer' && event.kind === 'up')).toHaveLength(1);
    expect(events[events.length - 1]?.t).toBe(132);
  });

  it('rejects a file without the resolution header', () => {
    expect(() => convertDelbotRecording('100,Move,1,1')).toThrow(/resolution/);
  });
});

describe('convertBalabitSession', () => {
  const session = [
    'record timestamp,client timestamp,button,state,x,y',
    '0.0,0.0,NoButton,Move,100,100',
    '0.2,0.109,NoButton,Move,120,110',
    '0.3,0.218,Left,Pressed,120,110',
    '0.4,0.327,Left,Released,120,110',
    '0.5,0.436,Scroll,Down,120,110',
    '0.6,0.545,Right,Pressed,120,110',
    '0.7,0.654,Right,Released,120,110',
  ].join('\n');

  it('times events by the client timestamp in ms', () => {
    const events = eventsOf(convertBalabitSession(session));
    expect(events.map((event) => event.t)).toEqual([0, 109, 218, 327, 327, 436, 545, 654]);
  });

  it('adds a click for left releases only and turns scrolls into wheel events', () => {
    const events = eventsOf(convertBalabitSession(session));
    expect(events.filter((event) => event.type === 'click')).toHaveLength(1);
    expect(events.find((event) => event.type === 'wheel')).toMatchObject({ dy: 100 });
  });
});

describe('convertWebBotDetectionSession', () => {
  it('times moves by mousemove_times and places clicks at the move before them', () => {
    const beacons = convertWebBotDetectionSession({
      total_behaviour: '[m(10,20)][m(12,24)][c(l)][m(15,30)][c(r)]',
      mousemove_times: '5000,5017,5034,',
    });
    const events = eventsOf(beacons);
    expect(events.filter((event) => event.type === 'pointer' && event.kind === 'move').map((event) => event.t)).toEqual([1000, 1017, 1034]);
    expect(events.find((event) => event.type === 'click')).toMatchObject({ t: 1017, x: 12, y: 24, w: 0, h: 0 });
    expect(events.filter((event) => event.type === 'click')).toHaveLength(1);
  });
});

describe('convertKeystroke100User', () => {
  it('types try4-mbs once per row with key downs at the cumulative latencies and no releases', () => {
    const events = eventsOf(convertKeystroke100User('156.00\t188.00\t266.00\t375.00\t343.00\t219.00\t203.00\n'));
    const keys = events.filter((event) => event.type === 'key');
    expect(keys.map((event) => event.t)).toEqual([1000, 1156, 1344, 1610, 1985, 2328, 2547, 2750]);
    expect(keys.every((event) => event.type === 'key' && event.phase === 'down')).toBe(true);
    expect(keys.map((event) => (event.type === 'key' ? event.cls : ''))).toEqual([
      'letter',
      'letter',
      'letter',
      'digit',
      'other',
      'letter',
      'letter',
      'letter',
    ]);
  });

  it('skips blank and malformed rows', () => {
    const events = eventsOf(convertKeystroke100User('\n1\t2\n'));
    expect(events).toEqual([]);
  });
});
