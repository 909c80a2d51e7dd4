import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractPointerFeatures } from './pointer';

function move(t: number, x: number, y: number): BeaconEvent {
  return { type: 'pointer', t, kind: 'move', x, y };
}

/** Builds a hand-like reach: a bell-shaped speed profile along an arc, sampled every 16 ms. */
function handReach(start: number, from: { x: number; y: number }, to: { x: number; y: number }, samples = 30): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  for (let i = 1; i <= samples; i += 1) {
    const s = i / samples;
    const progress = s * s * (3 - 2 * s);
    const bow = Math.sin(progress * Math.PI) * 120;
    events.push(move(start + i * 16, from.x + (to.x - from.x) * progress, from.y + (to.y - from.y) * progress + bow));
  }
  return events;
}

/** `mouse.move(x, y, { steps })`: evenly spaced collinear points a few ms apart. */
function scriptedMove(start: number, from: { x: number; y: number }, to: { x: number; y: number }, steps = 20): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  for (let i = 1; i <= steps; i += 1) {
    events.push(move(start + i * 3 + (i % 2), from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps));
  }
  return events;
}

function click(t: number, x: number, y: number, target: { dx: number; dy: number; w: number; h: number }): BeaconEvent {
  return { type: 'click', t, x, y, ...target, detail: 1 };
}

describe('extractPointerFeatures', () => {
  it('scores a scripted straight move as straight, even and constant', () => {
    const { features } = extractPointerFeatures(scriptedMove(0, { x: 0, y: 0 }, { x: 600, y: 300 }));
    expect(features.segmentCount).toBe(1);
    expect(features.straightnessMedian).toBeCloseTo(1, 6);
    expect(features.evenStepShare).toBe(1);
    expect(features.stepLengthCv).toBeCloseTo(0, 6);
  });

  it('scores a hand-like reach as curved, uneven and varying in speed', () => {
    const { features } = extractPointerFeatures(handReach(0, { x: 100, y: 500 }, { x: 700, y: 200 }));
    expect(features.straightnessMedian).toBeLessThan(0.99);
    expect(features.evenStepShare).toBeLessThan(0.4);
    expect(features.stepLengthCv).toBeGreaterThan(0.35);
  });

  it('splits segments at pauses longer than 150 ms', () => {
    const events = [...handReach(0, { x: 0, y: 0 }, { x: 300, y: 0 }), ...handReach(1000, { x: 300, y: 0 }, { x: 600, y: 300 })];
    expect(extractPointerFeatures(events).features.segmentCount).toBe(2);
  });

  it('counts moves that repeat the previous position', () => {
    const events = [move(0, 10, 10), move(16, 10, 10), move(32, 20, 10), move(48, 20, 10)];
    expect(extractPointerFeatures(events).features.zeroMoveShare).toBe(0.5);
  });

  it('leaves touch pointers out of the trajectory', () => {
    const events: BeaconEvent[] = [{ type: 'pointer', t: 0, kind: 'move', x: 0, y: 0, pt: 'touch' }];
    expect(extractPointerFeatures(events).features.pointerMoveCount).toBe(0);
  });

  it('counts clicks at the exact centre of a known target', () => {
    const events = [...handReach(0, { x: 0, y: 0 }, { x: 400, y: 300 }), click(600, 400, 300, { dx: 0, dy: 0, w: 120, h: 36 })];
    const { features } = extractPointerFeatures(events);
    expect(features.knownTargetClickCount).toBe(1);
    expect(features.centreClickCount).toBe(1);
  });

  it('skips the centre test for clicks on targets of unknown size', () => {
    const events = [...handReach(0, { x: 0, y: 0 }, { x: 400, y: 300 }), click(600, 400, 300, { dx: 0, dy: 0, w: 0, h: 0 })];
    const { features } = extractPointerFeatures(events);
    expect(features.clickCount).toBe(1);
    expect(features.knownTargetClickCount).toBe(0);
    expect(features.centreClickCount).toBe(0);
  });

  it('leaves keyboard clicks (detail 0) out', () => {
    const events: BeaconEvent[] = [{ type: 'click', t: 0, x: 10, y: 10, dx: 0, dy: 0, w: 50, h: 20, detail: 0 }];
    const { features } = extractPointerFeatures(events);
    expect(features.clickCount).toBe(0);
    expect(features.clickWithoutApproachCount).toBe(0);
  });

  it.each([
    {
      name: 'flags a single jump onto the target',
      events: [move(0, 640, 400), click(5, 640, 400, { dx: 0, dy: 0, w: 120, h: 36 })],
      expected: 1,
    },
    {
      name: 'flags a click far from the last known position',
      events: [...handReach(0, { x: 0, y: 0 }, { x: 100, y: 100 }), click(3000, 640, 400, { dx: 3, dy: -2, w: 120, h: 36 })],
      expected: 1,
    },
    {
      name: 'accepts a click at the end of a reach',
      events: [...handReach(0, { x: 0, y: 0 }, { x: 640, y: 400 }), click(600, 640, 400, { dx: 3, dy: -2, w: 120, h: 36 })],
      expected: 0,
    },
    {
      name: 'accepts a click after a rest where the reach ended',
      events: [...handReach(0, { x: 0, y: 0 }, { x: 640, y: 400 }), click(4000, 640, 400, { dx: 3, dy: -2, w: 120, h: 36 })],
      expected: 0,
    },
    {
      name: 'does not judge a click whose press is the first pointer sample',
      events: [
        { type: 'pointer', t: 0, kind: 'down', x: 640, y: 400, buttons: 1 } as BeaconEvent,
        { type: 'pointer', t: 90, kind: 'up', x: 640, y: 400, buttons: 0 } as BeaconEvent,
        click(90, 640, 400, { dx: 3, dy: -2, w: 120, h: 36 }),
      ],
      expected: 0,
    },
  ])('$name', ({ events, expected }) => {
    expect(extractPointerFeatures(events).features.clickWithoutApproachCount).toBe(expected);
  });

  it('carries the pointer position into the next window', () => {
    const first = extractPointerFeatures(handReach(0, { x: 0, y: 0 }, { x: 640, y: 400 }));
    const second = extractPointerFeatures([click(5000, 640, 400, { dx: 1, dy: 1, w: 120, h: 36 })], first.carry);
    expect(second.features.clickWithoutApproachCount).toBe(0);
  });

  it('counts untrusted pointer, click and wheel events', () => {
    const events: BeaconEvent[] = [
      { type: 'pointer', t: 0, kind: 'move', x: 1, y: 1, trusted: false },
      { type: 'click', t: 1, x: 1, y: 1, dx: 0, dy: 0, w: 10, h: 10, detail: 1, trusted: false },
      { type: 'wheel', t: 2, dx: 0, dy: 100, trusted: false },
    ];
    expect(extractPointerFeatures(events).features.untrustedPointerCount).toBe(3);
  });

  it('does not judge the click of a tap for an approach', () => {
    const events: BeaconEvent[] = [
      { type: 'touch', t: 100, kind: 'start', x: 200, y: 120, n: 1, r: 11, force: 0.4 },
      { type: 'touch', t: 190, kind: 'end', x: 201, y: 121, n: 0 },
      { type: 'click', t: 195, x: 201, y: 121, dx: -5, dy: 1, w: 360, h: 44, detail: 1 },
    ];
    const { features } = extractPointerFeatures(events);
    expect(features.clickCount).toBe(1);
    expect(features.clickWithoutApproachCount).toBe(0);
  });

  it('judges a click far from the last touch for an approach', () => {
    const events: BeaconEvent[] = [
      { type: 'touch', t: 100, kind: 'start', x: 200, y: 120, n: 1 },
      { type: 'touch', t: 190, kind: 'end', x: 200, y: 120, n: 0 },
      { type: 'click', t: 195, x: 600, y: 400, dx: 3, dy: 2, w: 100, h: 30, detail: 1 },
    ];
    expect(extractPointerFeatures(events).features.clickWithoutApproachCount).toBe(1);
  });
});
