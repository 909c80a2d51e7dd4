import type { BeaconEvent, ClickEvent, KeyEvent, PointerEvent } from '@telltale/shared';
import { beaconEventSchema } from '@telltale/shared/schema';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadDelbot } from '../recordings/load_recordings';
import { ADVERSARY_FAMILIES, ADVERSARY_SESSIONS, generateAdversaries } from './generate_adversaries';
import { generateBezierSession, generateReplaySession, generateStraightLineSession, generateTeleportSession } from './pointer_adversaries';
import { createSeededRandom } from './seeded_random';
import { generateFixedDelayTypingSession, generateGaussianTypingSession, generateWholeStringSession } from './typing_adversaries';

const moves = (events: BeaconEvent[]): PointerEvent[] =>
  events.filter((event): event is PointerEvent => event.type === 'pointer' && event.kind === 'move');
const clicks = (events: BeaconEvent[]): ClickEvent[] => events.filter((event): event is ClickEvent => event.type === 'click');
const keyDowns = (events: BeaconEvent[]): KeyEvent[] =>
  events.filter((event): event is KeyEvent => event.type === 'key' && event.phase === 'down');

describe('generated adversaries', () => {
  it('are the same on every run', () => {
    expect(generateBezierSession(createSeededRandom(3))).toEqual(generateBezierSession(createSeededRandom(3)));
    expect(generateAdversaries([])).toEqual(generateAdversaries([]));
  });

  it('pass the beacon event schema', () => {
    const random = createSeededRandom(11);
    const generators = [
      generateStraightLineSession,
      generateBezierSession,
      generateTeleportSession,
      generateFixedDelayTypingSession,
      generateGaussianTypingSession,
      generateWholeStringSession,
    ];
    for (const generate of generators) {
      for (const event of generate(random)) expect(beaconEventSchema.safeParse(event).success).toBe(true);
    }
  });

  it('straight-line moves are collinear and evenly timed', () => {
    const events = generateStraightLineSession(createSeededRandom(5));
    const path = moves(events);
    expect(path.length).toBeGreaterThan(50);
    const intervals = path.slice(1).map((move, i) => move.t - (path[i] as PointerEvent).t);
    expect(intervals.filter((interval) => interval === 16).length).toBeGreaterThan(path.length * 0.8);
    for (const click of clicks(events)) {
      expect(click.dx).toBe(0);
      expect(click.dy).toBe(0);
    }
  });

  it('Bezier moves end on their target with Fitts-law durations', () => {
    const events = generateBezierSession(createSeededRandom(6));
    const targetClicks = clicks(events);
    expect(targetClicks).toHaveLength(6);
    for (const click of targetClicks) {
      expect(Math.abs(click.dx)).toBeLessThan(click.w);
      expect(Math.abs(click.dy)).toBeLessThan(click.h);
    }
    const path = moves(events);
    expect(path.every((move) => Number.isInteger(move.x) && Number.isInteger(move.y))).toBe(true);
    expect(path.length).toBeGreaterThan(6 * 10);
  });

  it('teleport clicks have no moves', () => {
    const events = generateTeleportSession(createSeededRandom(7));
    expect(moves(events)).toHaveLength(0);
    expect(clicks(events)).toHaveLength(6);
  });

  it('replays keep the human path with noise', () => {
    const human: BeaconEvent[] = Array.from({ length: 50 }, (_, i) => ({
      type: 'pointer',
      t: 100 + i * 8,
      kind: 'move',
      x: 100 + i * 3,
      y: 200 + i,
      buttons: 0,
    }));
    const replay = moves(generateReplaySession(createSeededRandom(8), human));
    expect(replay).toHaveLength(50);
    const moved = replay.filter((move, i) => Math.abs(move.x - (human[i] as PointerEvent).x) > 25);
    expect(moved).toHaveLength(0);
    const identical = replay.filter((move, i) => move.x - replay[0]!.x === (human[i] as PointerEvent).x - 100);
    expect(identical.length).toBeLessThan(50);
  });

  it('fixed-delay typing repeats one interval and Gaussian typing varies it', () => {
    const fixed = keyDowns(generateFixedDelayTypingSession(createSeededRandom(9)));
    const fixedIntervals = new Set(fixed.slice(1).map((key, i) => Math.round(key.t - (fixed[i] as KeyEvent).t)));
    expect(fixed.length).toBeGreaterThan(15);
    // Only the pause between the two fields breaks the rhythm.
    expect(fixedIntervals.size).toBeLessThanOrEqual(3);
    const gaussian = keyDowns(generateGaussianTypingSession(createSeededRandom(9)));
    const gaussianIntervals = new Set(gaussian.slice(1).map((key, i) => Math.round(key.t - (gaussian[i] as KeyEvent).t)));
    expect(gaussianIntervals.size).toBeGreaterThan(10);
  });

  it('whole-string insertion has no key events', () => {
    const events = generateWholeStringSession(createSeededRandom(10));
    expect(keyDowns(events)).toHaveLength(0);
    const inputs = events.filter((event) => event.type === 'input');
    expect(inputs).toHaveLength(2);
    for (const input of inputs) expect(input.type === 'input' && input.delta).toBeGreaterThan(5);
  });

  it('generates every family, and replays only with human paths', () => {
    const withoutHumans = generateAdversaries([]);
    expect(new Set(withoutHumans.map((recording) => recording.family)).has('human_replay')).toBe(false);
    const humans = loadDelbot(join(import.meta.dirname, '..', '..', 'test', 'recordings', 'fixtures', 'delbot')).filter((recording) => recording.label === 'human');
    expect(humans.length).toBeGreaterThan(0);
    const all = generateAdversaries(humans);
    expect(new Set(all.map((recording) => recording.family))).toEqual(new Set(ADVERSARY_FAMILIES));
    expect(all).toHaveLength(ADVERSARY_FAMILIES.length * ADVERSARY_SESSIONS);
    expect(all.every((recording) => recording.label === 'bot' && recording.beacons.length > 0)).toBe(true);
  });
});
