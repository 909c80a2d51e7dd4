import type { BeaconEvent, Environment } from '@telltale/shared';

import { createSeededRandom, type SeededRandom } from '../../src/eval/seeded_random';
import type { BeaconInput, RequestFacts } from '../../src/classify/types';
import { chunkBeacons, sortByTime } from '../../src/recordings/chunk_beacons';
import { DESKTOP_CHROME_ENV, desktopChromeRequest } from '../../src/recordings/desktop_chrome';
import { ANDROID_CHROME_ENV, androidChromeRequest } from './android_chrome';
import { aimAt, clickAt, moveHand, pressKey, round, typeText, type Gesture, type Point } from './human_input';

/** A constructed session of a person whose input looks unusual, with the browser it runs in. */
export interface UnusualSession {
  name: string;
  beacons: BeaconInput[];
  env: Environment;
  request: (receivedAt: number) => RequestFacts;
}

const EMAIL_FIELD = { field: 0, centre: { x: 640, y: 300 }, size: { w: 320, h: 40 } };
const PASSWORD_FIELD = { field: 1, centre: { x: 640, y: 360 }, size: { w: 320, h: 40 } };
const SUBMIT_BUTTON = { centre: { x: 640, y: 430 }, size: { w: 120, h: 40 } };

/** Collects the events of a session in time order as gestures are appended. */
class Timeline {
  readonly events: BeaconEvent[] = [{ type: 'nav', t: 15.2, kind: 'load', path: '/login' }];
  t: number;

  constructor(start: number) {
    this.t = start;
  }

  add(gesture: Gesture): void {
    this.events.push(...gesture.events);
    this.t = gesture.end;
  }

  push(event: BeaconEvent): void {
    this.events.push(event);
    this.t = Math.max(this.t, event.t);
  }

  wait(ms: number): void {
    this.t += ms;
  }

  beacons(env: Environment): BeaconInput[] {
    return chunkBeacons(sortByTime(this.events), env, '/login');
  }
}

function focus(t: number, field: number, fieldKind: 'email' | 'password' | 'search' | 'text'): BeaconEvent {
  return { type: 'focus', t: round(t), kind: 'focus', field, fieldKind };
}

function blur(t: number, field: number, fieldKind: 'email' | 'password' | 'search' | 'text'): BeaconEvent {
  return { type: 'focus', t: round(t), kind: 'blur', field, fieldKind };
}

/** Moves the mouse from `from` to a point on the target and clicks it, and returns where the pointer ends. */
function moveAndClick(random: SeededRandom, timeline: Timeline, from: Point, target: { centre: Point; size: { w: number; h: number } }): Point {
  const at = aimAt(random, target.centre, target.size);
  timeline.add(moveHand(random, from, at, timeline.t));
  timeline.wait(random.between(80, 220));
  timeline.add(clickAt(random, at, target.centre, target.size, timeline.t));
  return at;
}

/**
 * Builds a login filled by a password manager. The person moves the mouse to the e-mail field,
 * clicks it and picks the saved login. The manager then writes both fields within a few
 * milliseconds with no key events and submits at once: the e-mail as `insertReplacementText`,
 * the password as one `insertText` of the whole value into the field that does not have focus.
 */
export function passwordManagerSession(): UnusualSession {
  const random = createSeededRandom(101);
  const timeline = new Timeline(1400);
  moveAndClick(random, timeline, { x: 980, y: 610 }, EMAIL_FIELD);
  timeline.push(focus(timeline.t - 0.5, 0, 'email'));
  timeline.wait(random.between(600, 900));
  timeline.push({ type: 'input', t: round(timeline.t), field: 0, inputType: 'insertReplacementText', delta: 21 });
  timeline.push({ type: 'input', t: round(timeline.t + 2.3), field: 1, inputType: 'insertText', delta: 16 });
  timeline.push({ type: 'submit', t: round(timeline.t + 40), fields: 2 });
  timeline.push({ type: 'visibility', t: round(timeline.t + 300), state: 'hidden' });
  return { name: 'password manager fill', beacons: timeline.beacons(DESKTOP_CHROME_ENV), env: DESKTOP_CHROME_ENV, request: desktopChromeRequest };
}

/**
 * Builds a login in which the person types the e-mail address, tabs to the password field, pastes the password with
 * Ctrl+V (a `paste` event, then `insertFromPaste` of the whole value) and presses Enter.
 */
export function pastedPasswordSession(): UnusualSession {
  const random = createSeededRandom(202);
  const timeline = new Timeline(1100);
  moveAndClick(random, timeline, { x: 300, y: 650 }, EMAIL_FIELD);
  timeline.push(focus(timeline.t - 0.5, 0, 'email'));
  timeline.wait(random.between(300, 500));
  timeline.add(typeText(random, 0, 19, timeline.t));
  timeline.wait(random.between(150, 300));
  timeline.add(pressKey(random, 'tab', timeline.t, 0));
  timeline.push(blur(timeline.t - 60, 0, 'email'));
  timeline.push(focus(timeline.t - 59, 1, 'password'));
  timeline.wait(random.between(700, 1200));
  const ctrlDown = timeline.t;
  timeline.push({ type: 'key', t: round(ctrlDown), phase: 'down', cls: 'modifier', field: 1 });
  timeline.push({ type: 'key', t: round(ctrlDown + 160), phase: 'down', cls: 'letter', field: 1 });
  timeline.push({ type: 'paste', t: round(ctrlDown + 161), field: 1 });
  timeline.push({ type: 'input', t: round(ctrlDown + 162), field: 1, inputType: 'insertFromPaste', delta: 18 });
  timeline.push({ type: 'key', t: round(ctrlDown + 250), phase: 'up', cls: 'letter', field: 1 });
  timeline.push({ type: 'key', t: round(ctrlDown + 310), phase: 'up', cls: 'modifier', field: 1 });
  timeline.wait(random.between(400, 700));
  timeline.add(pressKey(random, 'enter', timeline.t, 1));
  timeline.push({ type: 'submit', t: round(timeline.t - 60), fields: 2 });
  return { name: 'pasted password', beacons: timeline.beacons(DESKTOP_CHROME_ENV), env: DESKTOP_CHROME_ENV, request: desktopChromeRequest };
}

/** Builds one finger swipe that scrolls the page, with the scroll positions it produces. */
function swipe(random: SeededRandom, timeline: Timeline, scrollY: number): number {
  const startX = random.between(150, 300);
  const startY = random.between(550, 700);
  const length = random.between(180, 420);
  const duration = random.between(140, 320);
  const radius = random.between(9, 14);

  let t = timeline.t;
  timeline.push({ type: 'touch', t: round(t), kind: 'start', x: Math.round(startX), y: Math.round(startY), n: 1, r: round(radius), force: round(random.between(0.3, 0.6)) });
  let y = startY;
  let scrolled = scrollY;
  for (let step = 0; step < 100 && t - timeline.t < duration; step += 1) {
    t += random.between(14, 19);
    const progress = Math.min(1, (t - timeline.t) / duration);
    const nextY = startY - length * (1 - (1 - progress) ** 2);
    scrolled += y - nextY;
    y = nextY;
    const x = startX + random.gaussian(0, 2) - progress * 12;
    timeline.events.push({ type: 'touch', t: round(t), kind: 'move', x: Math.round(x), y: Math.round(y), n: 1, r: round(radius + random.gaussian(0, 0.6)), force: round(random.between(0.3, 0.6)) });
    timeline.events.push({ type: 'scroll', t: round(t + 1), y: Math.round(scrolled) });
  }

  t += random.between(10, 20);
  timeline.push({ type: 'touch', t: round(t), kind: 'end', x: Math.round(startX - 12), y: Math.round(y), n: 0 });
  // Momentum scrolling continues after the finger lifts, slowing down.
  let velocity = (length / duration) * 16;
  for (let step = 0; step < 60 && velocity > 1; step += 1) {
    t += 16.7;
    scrolled += velocity;
    velocity *= 0.92;
    timeline.events.push({ type: 'scroll', t: round(t), y: Math.round(scrolled) });
  }
  timeline.t = t;
  return scrolled;
}

/** Builds a tap on `target` as touch start and end with radius and force, followed by the click. */
function tap(random: SeededRandom, timeline: Timeline, target: Point, size: { w: number; h: number }): void {
  const at = aimAt(random, target, size);
  const start = timeline.t;
  const end = start + random.between(60, 130);
  timeline.push({ type: 'touch', t: round(start), kind: 'start', x: at.x, y: at.y, n: 1, r: round(random.between(9, 14)), force: round(random.between(0.3, 0.7)) });
  timeline.push({ type: 'touch', t: round(end), kind: 'end', x: at.x, y: at.y, n: 0 });
  timeline.push({ type: 'click', t: round(end + 4), x: at.x, y: at.y, dx: at.x - target.x, dy: at.y - target.y, w: size.w, h: size.h, detail: 1, button: 0 });
}

/**
 * Builds a session on an Android phone: the person reads and scrolls by swiping, taps the search field and types
 * on the soft keyboard (key code 229, so every key event is `ime`), with no mouse at all.
 */
export function touchPhoneSession(): UnusualSession {
  const random = createSeededRandom(303);
  const timeline = new Timeline(900);
  let scrollY = 0;
  for (let swipeIndex = 0; swipeIndex < 4; swipeIndex += 1) {
    timeline.wait(random.between(1200, 3500));
    scrollY = swipe(random, timeline, scrollY);
  }
  timeline.wait(random.between(800, 1500));
  tap(random, timeline, { x: 206, y: 120 }, { w: 360, h: 44 });
  timeline.push(focus(timeline.t + 2, 0, 'search'));
  timeline.wait(random.between(600, 1000));
  timeline.add(typeText(random, 0, 14, timeline.t, { ime: true }));
  timeline.wait(random.between(500, 900));
  timeline.add(typeText(random, 0, 9, timeline.t, { ime: true }));
  timeline.wait(random.between(400, 800));
  timeline.push({ type: 'submit', t: round(timeline.t), fields: 1 });
  return { name: 'touch-only phone', beacons: timeline.beacons(ANDROID_CHROME_ENV), env: ANDROID_CHROME_ENV, request: androidChromeRequest };
}

/** Builds a login filled with the keyboard alone: Tab into each field, type, Enter. */
export function keyboardOnlySession(): UnusualSession {
  const random = createSeededRandom(404);
  const timeline = new Timeline(2100);
  timeline.add(pressKey(random, 'tab', timeline.t));
  timeline.push(focus(timeline.t - 60, 0, 'email'));
  timeline.wait(random.between(500, 900));
  timeline.add(typeText(random, 0, 22, timeline.t));
  timeline.wait(random.between(200, 400));
  timeline.add(pressKey(random, 'tab', timeline.t, 0));
  timeline.push(blur(timeline.t - 60, 0, 'email'));
  timeline.push(focus(timeline.t - 59, 1, 'password'));
  timeline.wait(random.between(400, 700));
  timeline.add(typeText(random, 1, 13, timeline.t));
  timeline.wait(random.between(300, 600));
  timeline.add(pressKey(random, 'enter', timeline.t, 1));
  timeline.push({ type: 'submit', t: round(timeline.t - 60), fields: 2 });
  return { name: 'keyboard only', beacons: timeline.beacons(DESKTOP_CHROME_ENV), env: DESKTOP_CHROME_ENV, request: desktopChromeRequest };
}

/**
 * Builds a screen-reader session. In browse mode the screen reader consumes the navigation
 * keys, so the page receives only focus changes, the keys typed into a field in focus mode, and the
 * activation of the button as a click with `detail` 0 at (0, 0) with no pointer movement.
 */
export function screenReaderSession(): UnusualSession {
  const random = createSeededRandom(505);
  const timeline = new Timeline(4200);
  timeline.push(focus(timeline.t, 0, 'search'));
  timeline.wait(random.between(1500, 2500));
  timeline.add(typeText(random, 0, 17, timeline.t));
  timeline.wait(random.between(1800, 3000));
  timeline.push(blur(timeline.t, 0, 'search'));
  timeline.wait(random.between(2000, 3500));
  const centre = { x: 980, y: 180 };
  timeline.push({ type: 'click', t: round(timeline.t), x: 0, y: 0, dx: -centre.x, dy: -centre.y, w: 96, h: 36, detail: 0, button: 0 });
  timeline.push({ type: 'submit', t: round(timeline.t + 1), fields: 1 });
  return { name: 'screen reader', beacons: timeline.beacons(DESKTOP_CHROME_ENV), env: DESKTOP_CHROME_ENV, request: desktopChromeRequest };
}

/** Clamps every timestamp down to a multiple of `stepMs`, as a privacy-hardened clock reports it. */
function clampTimes(events: readonly BeaconEvent[], stepMs: number): BeaconEvent[] {
  return events.map((event) => ({ ...event, t: Math.floor(event.t / stepMs) * stepMs }));
}

/**
 * Builds a login with mouse and keyboard in a browser whose timers are clamped to 100 ms
 * (`timerResolutionMs` 100). Every event timestamp is a multiple of 100 ms, so many mouse
 * samples share a timestamp and key intervals come in whole steps.
 */
export function coarseClockSession(): UnusualSession {
  const random = createSeededRandom(606);
  const timeline = new Timeline(1300);
  let at = moveAndClick(random, timeline, { x: 200, y: 200 }, EMAIL_FIELD);
  timeline.push(focus(timeline.t, 0, 'email'));
  timeline.wait(random.between(300, 500));
  timeline.add(typeText(random, 0, 24, timeline.t));
  timeline.wait(random.between(500, 900));
  at = moveAndClick(random, timeline, at, PASSWORD_FIELD);
  timeline.push(blur(timeline.t, 0, 'email'));
  timeline.push(focus(timeline.t, 1, 'password'));
  timeline.wait(random.between(300, 500));
  timeline.add(typeText(random, 1, 14, timeline.t));
  timeline.wait(random.between(400, 700));
  moveAndClick(random, timeline, at, SUBMIT_BUTTON);
  timeline.push({ type: 'submit', t: round(timeline.t + 2), fields: 2 });
  const env: Environment = { ...DESKTOP_CHROME_ENV, timerResolutionMs: 100 };
  const events = clampTimes(sortByTime(timeline.events), 100);
  return { name: 'timers clamped to 100 ms', beacons: chunkBeacons(events, env, '/login'), env, request: desktopChromeRequest };
}

/**
 * Builds a session of a person working through a remote desktop. The viewer forwards the mouse only every
 * 50–150 ms, so each movement arrives as a few long, nearly straight steps. The steps vary in
 * length and timing, as the hand's speed and the network do, and the person pauses between
 * movements and clicks.
 */
export function remoteDesktopSession(): UnusualSession {
  const random = createSeededRandom(707);
  const timeline = new Timeline(1800);
  let position: Point = { x: 900, y: 640 };
  const targets: Point[] = [
    { x: 420, y: 310 }, { x: 760, y: 200 }, { x: 610, y: 520 }, { x: 300, y: 610 }, { x: 980, y: 420 },
    { x: 520, y: 160 }, { x: 840, y: 580 }, { x: 380, y: 420 }, { x: 700, y: 300 }, { x: 1040, y: 250 },
    { x: 460, y: 540 }, { x: 880, y: 360 },
  ];
  for (const target of targets) {
    const distance = Math.hypot(target.x - position.x, target.y - position.y);
    const duration = 250 + 160 * Math.log2(1 + distance / 30) + random.gaussian(0, 60);
    const start = timeline.t;
    let t = start;
    for (let step = 0; step < 40; step += 1) {
      t += random.between(50, 150);
      const tau = Math.min(1, (t - start) / duration);
      const s = 10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5;
      // The hand's drift off the chord shows up as a few pixels of sideways offset per sample.
      const x = position.x + (target.x - position.x) * s + random.gaussian(0, 2.5);
      const y = position.y + (target.y - position.y) * s + random.gaussian(0, 2.5);
      timeline.push({ type: 'pointer', t: round(t), kind: 'move', x: Math.round(x), y: Math.round(y) });
      if (tau >= 1) break;
    }
    position = { x: Math.round(target.x + random.gaussian(0, 1.5)), y: Math.round(target.y + random.gaussian(0, 1.5)) };
    timeline.push({ type: 'pointer', t: round(t + random.between(50, 120)), kind: 'move', x: position.x, y: position.y });
    timeline.wait(random.between(200, 500));
    if (random.next() < 0.6) {
      timeline.add(clickAt(random, position, { x: position.x + random.gaussian(0, 8), y: position.y + random.gaussian(0, 5) }, { w: 140, h: 36 }, timeline.t));
    }
    timeline.wait(random.between(600, 2200));
  }
  return { name: 'remote-desktop mouse', beacons: timeline.beacons(DESKTOP_CHROME_ENV), env: DESKTOP_CHROME_ENV, request: desktopChromeRequest };
}

/**
 * Builds a session with a pen tablet: the pen hovers over the page (`pt: 'pen'` moves with `buttons`
 * 0) on its way to each target and taps it.
 */
export function penTabletSession(): UnusualSession {
  const random = createSeededRandom(808);
  const timeline = new Timeline(1200);
  let position: Point = { x: 1100, y: 620 };
  const targets = [
    { centre: { x: 420, y: 240 }, size: { w: 200, h: 40 } },
    { centre: { x: 760, y: 480 }, size: { w: 120, h: 36 } },
    { centre: { x: 300, y: 560 }, size: { w: 160, h: 40 } },
    { centre: { x: 900, y: 200 }, size: { w: 90, h: 32 } },
  ];
  for (const target of targets) {
    const at = aimAt(random, target.centre, target.size);
    timeline.add(moveHand(random, position, at, timeline.t, { pt: 'pen', buttons: 0 }));
    timeline.wait(random.between(60, 180));
    timeline.add(clickAt(random, at, target.centre, target.size, timeline.t, 'pen'));
    position = at;
    timeline.wait(random.between(900, 2400));
  }
  return { name: 'pen tablet', beacons: timeline.beacons(DESKTOP_CHROME_ENV), env: DESKTOP_CHROME_ENV, request: desktopChromeRequest };
}

/** Every constructed unusual-human session, in a fixed order. */
export function unusualSessions(): UnusualSession[] {
  return [
    passwordManagerSession(),
    pastedPasswordSession(),
    touchPhoneSession(),
    keyboardOnlySession(),
    screenReaderSession(),
    coarseClockSession(),
    remoteDesktopSession(),
    penTabletSession(),
  ];
}
