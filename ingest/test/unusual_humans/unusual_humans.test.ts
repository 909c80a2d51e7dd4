import { isAgentDriven, type BeaconEvent, type PointerEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { replaySession, type ReplayStep } from '../../src/recordings/replay_session';
import {
  coarseClockSession,
  keyboardOnlySession,
  passwordManagerSession,
  pastedPasswordSession,
  penTabletSession,
  remoteDesktopSession,
  screenReaderSession,
  touchPhoneSession,
  unusualSessions,
  type UnusualSession,
} from './unusual_sessions';

function replay(session: UnusualSession): ReplayStep[] {
  return replaySession(session.beacons, session.request);
}

function allEvents(session: UnusualSession): BeaconEvent[] {
  return session.beacons.flatMap((beacon) => beacon.events);
}

describe('unusual human sessions through evaluateBeacon', () => {
  it.each(unusualSessions().map((session) => ({ name: session.name, session })))('classifies $name as human', ({ session }) => {
    const steps = replay(session);
    const last = steps.at(-1)!.decision;

    expect(last.cls).toBe('human');
    expect(last.score).toBeLessThan(0.5);
    expect(last.evidence.length).toBeGreaterThan(0);
    expect(last.evidence.every((item) => item.weight < 0)).toBe(true);
    expect(steps.some((step) => isAgentDriven(step.decision.cls))).toBe(false);
  });
});

describe('unusual traits in the constructed streams', () => {
  it('password manager fills both fields without keys', () => {
    const session = passwordManagerSession();
    const events = allEvents(session);
    const inputs = events.filter((event) => event.type === 'input');

    expect(events.some((event) => event.type === 'key')).toBe(false);
    expect(inputs.map((event) => event.inputType)).toEqual(['insertReplacementText', 'insertText']);
    const submit = events.find((event) => event.type === 'submit')!;
    expect(submit.t - inputs.at(-1)!.t).toBeLessThan(100);

    const reasons = replay(session).flatMap((step) => step.decision.reasons);
    expect(reasons).not.toContain('input_without_keys');
    expect(reasons).toContain('pointer_dynamics_human');
  });

  it('pasted password enters the whole value at once', () => {
    const events = allEvents(pastedPasswordSession());
    const paste = events.findIndex((event) => event.type === 'paste');

    expect(paste).toBeGreaterThan(-1);
    expect(events[paste + 1]).toMatchObject({ type: 'input', inputType: 'insertFromPaste', field: 1 });
    expect(replay(pastedPasswordSession()).at(-1)!.decision.reasons).not.toContain('input_without_keys');
  });

  it('touch phone has no mouse and only soft-keyboard keys', () => {
    const session = touchPhoneSession();
    const events = allEvents(session);
    const keys = events.filter((event) => event.type === 'key');
    const touches = events.filter((event) => event.type === 'touch');

    expect(session.env.uaData?.mobile).toBe(true);
    expect(session.env.maxTouchPoints).toBe(5);
    expect(session.env.hover).toBe(false);
    expect(session.env.finePointer).toBe(false);
    expect(events.some((event) => event.type === 'pointer' || event.type === 'wheel')).toBe(false);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.every((event) => event.ime === true)).toBe(true);
    expect(touches.filter((event) => event.kind === 'start').every((event) => event.r !== undefined && event.force !== undefined)).toBe(true);
    expect(events.filter((event) => event.type === 'scroll').length).toBeGreaterThan(20);

    const last = replay(session).at(-1)!.decision;
    expect(last.reasons).toEqual(['typing_rhythm_human']);
    expect(last.evidence[0]!.feature).toBe('imeKeyIntervalCv');
  });

  it('keyboard-only session has no pointer input', () => {
    const events = allEvents(keyboardOnlySession());

    expect(events.some((event) => event.type === 'pointer' || event.type === 'click' || event.type === 'touch')).toBe(false);
    expect(events.filter((event) => event.type === 'key' && event.cls === 'tab' && event.phase === 'down')).toHaveLength(2);
    expect(events.some((event) => event.type === 'key' && event.cls === 'enter')).toBe(true);
    expect(replay(keyboardOnlySession()).at(-1)!.decision.reasons).toContain('typing_rhythm_human');
  });

  it('screen-reader activation is a zero-coordinate click', () => {
    const events = allEvents(screenReaderSession());
    const clicks = events.filter((event) => event.type === 'click');

    expect(events.some((event) => event.type === 'pointer')).toBe(false);
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({ detail: 0, x: 0, y: 0 });
    expect(replay(screenReaderSession()).flatMap((step) => step.decision.reasons)).not.toContain('click_without_approach');
  });

  it('coarse clock puts every timestamp on a 100 ms step', () => {
    const session = coarseClockSession();
    const steps = replay(session);

    expect(session.env.timerResolutionMs).toBe(100);
    expect(allEvents(session).every((event) => event.t % 100 === 0)).toBe(true);
    expect(steps.every((step) => step.features.keyClockStepMs === 100 || step.features.keyClockStepMs === 0)).toBe(true);
    expect(steps.some((step) => step.features.keyClockStepMs === 100)).toBe(true);
    expect(steps.flatMap((step) => step.decision.reasons)).not.toContain('key_hold_mechanical');
  });

  it('remote-desktop mouse reports sparse, nearly straight steps', () => {
    const events = allEvents(remoteDesktopSession()).filter((event) => event.type === 'pointer' && event.kind === 'move');
    const gaps = events.slice(1).map((event, index) => event.t - events[index]!.t).filter((gap) => gap < 200);
    const steps = replay(remoteDesktopSession());

    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(160);
    const straightness = steps.map((step) => step.features.straightnessMedian).filter((value) => value !== null);
    expect(straightness.length).toBeGreaterThan(0);
    expect(Math.min(...straightness)).toBeGreaterThan(0.95);
  });

  it('pen tablet hovers with no buttons pressed', () => {
    const events = allEvents(penTabletSession());
    const pointers = events.filter((event): event is PointerEvent => event.type === 'pointer');
    const moves = pointers.filter((event) => event.kind === 'move');

    expect(moves.length).toBeGreaterThan(100);
    expect(moves.every((event) => event.pt === 'pen' && event.buttons === 0)).toBe(true);
    expect(pointers.filter((event) => event.kind === 'down').every((event) => event.pt === 'pen')).toBe(true);
    expect(events.filter((event) => event.type === 'click')).toHaveLength(4);
  });
});
