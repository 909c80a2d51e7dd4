import type { BeaconEvent } from '@telltale/shared';

import type { SeededRandom } from './seeded_random';

/** Viewport the generated sessions use, the same size recordings are normalised to. */
export const ADVERSARY_VIEWPORT = { width: 1280, height: 720 };

/** A clickable target: centre and size in CSS pixels. */
export interface Target {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Point {
  x: number;
  y: number;
}

/** Page time of a generated session's first event. */
const START_MS = 800;

/** Returns `count` button-sized targets at random places inside the viewport. */
export function placeTargets(random: SeededRandom, count: number): Target[] {
  const targets: Target[] = [];
  for (let i = 0; i < count; i += 1) {
    const w = Math.round(random.between(60, 220));
    const h = Math.round(random.between(24, 48));
    targets.push({
      x: Math.round(random.between(w / 2 + 10, ADVERSARY_VIEWPORT.width - w / 2 - 10)),
      y: Math.round(random.between(h / 2 + 10, ADVERSARY_VIEWPORT.height - h / 2 - 10)),
      w,
      h,
    });
  }
  return targets;
}

/**
 * Generates a session in which a script moves the pointer along straight lines to each
 * target in equal steps, one every 16 ms (Puppeteer's `mouse.move` with `steps`), and clicks
 * the target's centre.
 */
export function generateStraightLineSession(random: SeededRandom): BeaconEvent[] {
  const targets = placeTargets(random, 6);
  const events: BeaconEvent[] = [];
  let at: Point = { x: random.between(0, ADVERSARY_VIEWPORT.width), y: random.between(0, ADVERSARY_VIEWPORT.height) };
  let t = START_MS;
  for (const target of targets) {
    const steps = Math.round(random.between(10, 40));
    for (let step = 1; step <= steps; step += 1) {
      t += 16;
      const x = at.x + ((target.x - at.x) * step) / steps;
      const y = at.y + ((target.y - at.y) * step) / steps;
      events.push({ type: 'pointer', t, kind: 'move', x: Math.round(x), y: Math.round(y), buttons: 0 });
    }
    t = pushClick(events, t + 30, target, { x: 0, y: 0 });
    at = target;
    t += Math.round(random.between(300, 1200));
  }
  return events;
}

/**
 * Generates a session in which a script moves along cubic Bezier curves with a minimum-jerk
 * speed profile, as ghost-cursor-style libraries do. Each move takes as long as Fitts' law
 * predicts (100 ms + 150 ms × log2(D/W + 1)). Samples come at about 125 Hz with timing jitter
 * and position noise, rounded to whole pixels. Clicks land at a normal offset from the centre.
 */
export function generateBezierSession(random: SeededRandom): BeaconEvent[] {
  const targets = placeTargets(random, 6);
  const events: BeaconEvent[] = [];
  let at: Point = { x: random.between(0, ADVERSARY_VIEWPORT.width), y: random.between(0, ADVERSARY_VIEWPORT.height) };
  let t = START_MS;
  for (const target of targets) {
    const aim = { x: target.x + random.gaussian(0, target.w / 8), y: target.y + random.gaussian(0, target.h / 8) };
    const distance = Math.hypot(aim.x - at.x, aim.y - at.y);
    const durationMs = 100 + 150 * Math.log2(distance / target.w + 1);
    const control = bezierControls(random, at, aim);
    let elapsed = 0;
    while (elapsed < durationMs) {
      elapsed = Math.min(durationMs, elapsed + Math.max(2, random.gaussian(8, 1.5)));
      const tau = elapsed / durationMs;
      const s = 10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5;
      const point = cubicBezier(at, control[0], control[1], aim, s);
      events.push({
        type: 'pointer',
        t: Math.round((t + elapsed) * 10) / 10,
        kind: 'move',
        x: Math.round(point.x + random.gaussian(0, 0.6)),
        y: Math.round(point.y + random.gaussian(0, 0.6)),
        buttons: 0,
      });
    }
    t += durationMs;
    const offset = { x: Math.round(aim.x) - target.x, y: Math.round(aim.y) - target.y };
    t = pushClick(events, t + random.between(60, 180), target, offset);
    at = { x: target.x + offset.x, y: target.y + offset.y };
    t += Math.round(random.between(300, 1200));
  }
  return events;
}

/**
 * Generates a session in which a script clicks each target without moving the pointer
 * there first: the press arrives at a new position with no move events before it.
 */
export function generateTeleportSession(random: SeededRandom): BeaconEvent[] {
  const targets = placeTargets(random, 6);
  const events: BeaconEvent[] = [];
  let t = START_MS;
  for (const target of targets) {
    const offset = { x: Math.round(random.gaussian(0, target.w / 8)), y: Math.round(random.gaussian(0, target.h / 8)) };
    t = pushClick(events, t, target, offset);
    t += Math.round(random.between(400, 1500));
  }
  return events;
}

/**
 * Generates a session that replays a recorded human path: the same moves with each
 * position shifted by normal noise (σ = 1.5 px, rounded to whole pixels) and time stretched
 * by a random factor between 0.9 and 1.1.
 */
export function generateReplaySession(random: SeededRandom, humanPath: readonly BeaconEvent[]): BeaconEvent[] {
  const stretch = random.between(0.9, 1.1);
  const first = humanPath[0]?.t ?? 0;
  const shift = { x: Math.round(random.between(-20, 20)), y: Math.round(random.between(-20, 20)) };
  const events: BeaconEvent[] = [];
  for (const event of humanPath) {
    const t = Math.round((START_MS + (event.t - first) * stretch) * 10) / 10;
    if (event.type === 'pointer') {
      const noisy = event.kind === 'move';
      const x = event.x + shift.x + (noisy ? Math.round(random.gaussian(0, 1.5)) : 0);
      const y = event.y + shift.y + (noisy ? Math.round(random.gaussian(0, 1.5)) : 0);
      events.push({ ...event, t, x, y });
    } else if (event.type === 'click') {
      events.push({ ...event, t, x: event.x + shift.x, y: event.y + shift.y });
    }
  }
  return events;
}

/** Appends a press, release and click on `target` at `offset` from its centre; returns the time after it. */
function pushClick(events: BeaconEvent[], t: number, target: Target, offset: Point): number {
  const x = target.x + offset.x;
  const y = target.y + offset.y;
  const down = Math.round(t);
  const up = down + 80;
  events.push({ type: 'pointer', t: down, kind: 'down', x, y, buttons: 1 });
  events.push({ type: 'pointer', t: up, kind: 'up', x, y, buttons: 0 });
  events.push({ type: 'click', t: up, x, y, dx: offset.x, dy: offset.y, w: target.w, h: target.h, detail: 1, button: 0 });
  return up;
}

function bezierControls(random: SeededRandom, from: Point, to: Point): [Point, Point] {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const normal = { x: -dy / length, y: dx / length };
  const control = (share: number): Point => {
    const bend = random.gaussian(0, length * 0.2);
    return { x: from.x + dx * share + normal.x * bend, y: from.y + dy * share + normal.y * bend };
  };
  return [control(random.between(0.2, 0.4)), control(random.between(0.6, 0.8))];
}

function cubicBezier(p0: Point, p1: Point, p2: Point, p3: Point, s: number): Point {
  const u = 1 - s;
  return {
    x: u ** 3 * p0.x + 3 * u * u * s * p1.x + 3 * u * s * s * p2.x + s ** 3 * p3.x,
    y: u ** 3 * p0.y + 3 * u * u * s * p1.y + 3 * u * s * s * p2.y + s ** 3 * p3.y,
  };
}
