import type { BeaconEvent, KeyClass, PointerEvent } from '@telltale/shared';

import type { SeededRandom } from '../../src/eval/seeded_random';

/** A point in CSS pixels. */
export interface Point {
  x: number;
  y: number;
}

/** Events of one gesture and the time at which it ends. */
export interface Gesture {
  events: BeaconEvent[];
  end: number;
}

/**
 * Builds a hand movement of a mouse or pen from `from` to `to`, starting at `start` (ms).
 *
 * The path bends away from the chord (a quadratic curve whose control point sits 5–20 % of
 * the distance to one side) and drifts slowly sideways. The speed follows a minimum-jerk
 * profile, wavering by about a third from step to step, over a duration that grows with the
 * logarithm of the distance (Fitts' law). Samples arrive every 6–10 ms with an occasional
 * dropped frame.
 */
export function moveHand(
  random: SeededRandom,
  from: Point,
  to: Point,
  start: number,
  options: { pt?: 'mouse' | 'pen'; buttons?: number } = {},
): Gesture {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const duration = Math.max(120, 180 + 140 * Math.log2(1 + distance / 30) + random.gaussian(0, 40));
  const side = random.next() < 0.5 ? -1 : 1;
  const bend = side * random.between(0.05, 0.2) * distance;
  const normal = distance === 0 ? { x: 0, y: 0 } : { x: -(to.y - from.y) / distance, y: (to.x - from.x) / distance };
  const control = { x: (from.x + to.x) / 2 + normal.x * bend, y: (from.y + to.y) / 2 + normal.y * bend };

  const wobble = random.between(1, 3);
  const wobbleCycles = random.between(0.5, 1.5);
  const phase = random.between(0, 2 * Math.PI);

  const events: BeaconEvent[] = [];
  let t = start;
  let last: Point | null = null;
  let elapsed = 0;
  for (let step = 0; step < 1000; step += 1) {
    const dt = random.next() < 0.08 ? random.between(14, 20) : random.between(6, 10);
    t += dt;
    // The hand's speed wavers around the smooth profile, so equal intervals do not cover equal distances.
    elapsed += dt * Math.max(0.2, 1 + random.gaussian(0, 0.35));
    const tau = Math.min(1, elapsed / duration);
    const s = 10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5;
    // A slow sideways drift that vanishes at both ends, not per-sample noise: a hand's path is smooth.
    const drift = wobble * Math.sin(2 * Math.PI * wobbleCycles * s + phase) * Math.sin(Math.PI * s);
    const x = Math.round((1 - s) ** 2 * from.x + 2 * (1 - s) * s * control.x + s ** 2 * to.x + normal.x * drift);
    const y = Math.round((1 - s) ** 2 * from.y + 2 * (1 - s) * s * control.y + s ** 2 * to.y + normal.y * drift);
    // A mouse reports only changes of position.
    if (last === null || last.x !== x || last.y !== y) events.push(pointerMove(t, x, y, options));
    last = { x, y };
    if (tau >= 1) break;
  }
  return { events, end: t };
}

function pointerMove(t: number, x: number, y: number, options: { pt?: 'mouse' | 'pen'; buttons?: number }): PointerEvent {
  const event: PointerEvent = { type: 'pointer', t: round(t), kind: 'move', x, y };
  if (options.pt !== undefined && options.pt !== 'mouse') event.pt = options.pt;
  if (options.buttons !== undefined) event.buttons = options.buttons;
  return event;
}

/**
 * Builds a mouse click on a target of `w` × `h` px whose centre is `centre`, at the point
 * `at`: press, release 60–140 ms later, then the click. `pt` marks a pen tap.
 */
export function clickAt(
  random: SeededRandom,
  at: Point,
  centre: Point,
  size: { w: number; h: number },
  start: number,
  pt?: 'pen',
): Gesture {
  const up = start + random.between(60, 140);
  const penFields = pt === undefined ? {} : { pt };
  const events: BeaconEvent[] = [
    { type: 'pointer', t: round(start), kind: 'down', x: at.x, y: at.y, buttons: 1, ...penFields },
    { type: 'pointer', t: round(up), kind: 'up', x: at.x, y: at.y, buttons: 0, ...penFields },
    { type: 'click', t: round(up + 1), x: at.x, y: at.y, dx: at.x - centre.x, dy: at.y - centre.y, w: size.w, h: size.h, detail: 1, button: 0 },
  ];
  return { events, end: up + 1 };
}

/** Returns a point inside a target, off its centre the way aimed clicks land. */
export function aimAt(random: SeededRandom, centre: Point, size: { w: number; h: number }): Point {
  return {
    x: Math.round(centre.x + clampAbs(random.gaussian(0, size.w / 6), size.w / 2 - 1) + 0.7),
    y: Math.round(centre.y + clampAbs(random.gaussian(0, size.h / 6), size.h / 2 - 1) + 0.7),
  };
}

/**
 * Builds a person typing `length` characters into `field`: key down, an `insertText` input of
 * one character, key up. Intervals between key downs are log-normal around 190 ms with a
 * spread of about 45 % (the median coefficient of variation of Keystroke100's typists), keys stay
 * down 70–130 ms, and about one key in twelve is a typo fixed
 * with Backspace. `ime` marks an Android soft keyboard, which reports key code 229.
 */
export function typeText(
  random: SeededRandom,
  field: number,
  length: number,
  start: number,
  options: { ime?: boolean } = {},
): Gesture {
  const events: BeaconEvent[] = [];
  let t = start;
  let typed = 0;
  for (let step = 0; step < length * 3 && typed < length; step += 1) {
    const typo = typed > 0 && random.next() < 0.08;
    let cls: KeyClass = random.next() < 0.12 && !typo ? 'space' : 'letter';
    if (options.ime === true) cls = 'other';
    pushKey(random, events, t, cls, field, options.ime, 1);
    typed += 1;
    t += interval(random);
    if (typo) {
      pushKey(random, events, t, options.ime === true ? 'other' : 'backspace', field, options.ime, -1);
      typed -= 1;
      t += interval(random);
    }
  }
  return { events: events.sort((a, b) => a.t - b.t), end: t };
}

/** Builds one key press that inserts or deletes a character in `field`. */
function pushKey(
  random: SeededRandom,
  events: BeaconEvent[],
  t: number,
  cls: KeyClass,
  field: number,
  ime: boolean | undefined,
  delta: number,
): void {
  const imeFields = ime === true ? { ime: true } : {};
  const hold = ime === true ? random.between(2, 12) : random.between(70, 130);
  events.push({ type: 'key', t: round(t), phase: 'down', cls, field, ...imeFields });
  events.push({ type: 'input', t: round(t + 1), field, inputType: delta > 0 ? 'insertText' : 'deleteContentBackward', delta });
  events.push({ type: 'key', t: round(t + hold), phase: 'up', cls, field, ...imeFields });
}

/** Builds a single key press with no text change, such as Tab or Enter. */
export function pressKey(random: SeededRandom, cls: KeyClass, start: number, field?: number): Gesture {
  const up = start + random.between(70, 120);
  const fieldPart = field === undefined ? {} : { field };
  return {
    events: [
      { type: 'key', t: round(start), phase: 'down', cls, ...fieldPart },
      { type: 'key', t: round(up), phase: 'up', cls, ...fieldPart },
    ],
    end: up,
  };
}

function interval(random: SeededRandom): number {
  return Math.min(1400, 190 * Math.exp(random.gaussian(0, 0.45)));
}

function clampAbs(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

/** Rounds a timestamp to 0.1 ms, the resolution desktop Chrome reports to pages. */
export function round(t: number): number {
  return Math.round(t * 10) / 10;
}
