import type { BeaconEvent, KeyClass } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractKeystrokeFeatures } from './keystroke';

/** Key downs (and ups after `hold` ms, unless `hold` is null) at the given times, on field 0. */
function keys(times: readonly number[], hold: number | null, cls: KeyClass = 'letter'): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  for (const t of times) {
    events.push({ type: 'key', t, phase: 'down', cls, field: 0 });
    if (hold !== null) events.push({ type: 'key', t: t + hold, phase: 'up', cls, field: 0 });
  }
  return events.sort((a, b) => a.t - b.t);
}

describe('extractKeystrokeFeatures', () => {
  it('pairs downs and ups of the same key class into hold times', () => {
    const { features } = extractKeystrokeFeatures(keys([0, 150, 320, 430, 600], 95));
    expect(features.keyHoldCount).toBe(5);
    expect(features.keyHoldMsMedian).toBe(95);
    expect(features.keyIntervalCount).toBe(4);
    expect(features.keyIntervalMsMedian).toBe(160);
  });

  it('computes intervals only when keys come without releases', () => {
    const { features } = extractKeystrokeFeatures(keys([0, 150, 320, 430], null));
    expect(features.keyHoldCount).toBe(0);
    expect(features.keyHoldMsMedian).toBeNull();
    expect(features.keyHoldMsSpread).toBeNull();
    expect(features.keyIntervalCount).toBe(3);
  });

  it('leaves pauses longer than 1.5 s out of the intervals', () => {
    const { features } = extractKeystrokeFeatures(keys([0, 200, 5000, 5200], null));
    expect(features.keyIntervalCount).toBe(2);
    expect(features.keyIntervalMsMedian).toBe(200);
  });

  it('leaves modifiers and auto-repeat out of the timing', () => {
    const events: BeaconEvent[] = [
      { type: 'key', t: 0, phase: 'down', cls: 'modifier' },
      { type: 'key', t: 10, phase: 'down', cls: 'letter' },
      { type: 'key', t: 500, phase: 'down', cls: 'letter', repeat: true },
      { type: 'key', t: 530, phase: 'down', cls: 'letter', repeat: true },
      { type: 'key', t: 600, phase: 'up', cls: 'letter' },
    ];
    const { features } = extractKeystrokeFeatures(events);
    expect(features.keyDownCount).toBe(1);
    expect(features.keyHoldCount).toBe(1);
    expect(features.keyHoldMsMedian).toBe(590);
  });

  it('counts backspaces over key downs', () => {
    const events = [...keys([0, 100, 200], null), ...keys([300], null, 'backspace')];
    expect(extractKeystrokeFeatures(events).features.backspaceRate).toBe(0.25);
  });

  it('counts text inserted into a field with no key down', () => {
    const events: BeaconEvent[] = [
      { type: 'focus', t: 0, kind: 'focus', field: 2, fieldKind: 'email' },
      { type: 'input', t: 5, field: 2, inputType: 'insertText', delta: 17 },
    ];
    const { features } = extractKeystrokeFeatures(events);
    expect(features.inputWithoutKeysCount).toBe(1);
    expect(features.inputWithoutKeysChars).toBe(17);
  });

  it.each([
    { name: 'a paste', inputType: 'insertFromPaste' },
    { name: 'an autofill replacement', inputType: 'insertReplacementText' },
    { name: 'a plain input Event from autofill', inputType: '' },
    { name: 'an IME composition', inputType: 'insertCompositionText' },
    { name: 'a deletion', inputType: 'deleteContentBackward' },
  ])('does not count $name as input without keys', ({ inputType }) => {
    const events: BeaconEvent[] = [
      { type: 'focus', t: 0, kind: 'focus', field: 0, fieldKind: 'text' },
      { type: 'input', t: 5, field: 0, inputType, delta: 8 },
    ];
    expect(extractKeystrokeFeatures(events).features.inputWithoutKeysCount).toBe(0);
  });

  it('does not count typed text as input without keys', () => {
    const events: BeaconEvent[] = [
      { type: 'focus', t: 0, kind: 'focus', field: 0, fieldKind: 'text' },
      { type: 'key', t: 10, phase: 'down', cls: 'letter', field: 0 },
      { type: 'input', t: 10, field: 0, inputType: 'insertText', delta: 1 },
    ];
    expect(extractKeystrokeFeatures(events).features.inputWithoutKeysCount).toBe(0);
  });

  it('does not count text after a paste event on the field', () => {
    const events: BeaconEvent[] = [
      { type: 'focus', t: 0, kind: 'focus', field: 0, fieldKind: 'text' },
      { type: 'paste', t: 10, field: 0 },
      { type: 'input', t: 11, field: 0, inputType: 'insertText', delta: 30 },
    ];
    expect(extractKeystrokeFeatures(events).features.inputWithoutKeysCount).toBe(0);
  });

  it('does not count a trusted fill of a field without focus', () => {
    const events: BeaconEvent[] = [
      { type: 'focus', t: 0, kind: 'focus', field: 0, fieldKind: 'email' },
      { type: 'input', t: 500, field: 0, inputType: 'insertReplacementText', delta: 21 },
      { type: 'input', t: 502, field: 1, inputType: 'insertText', delta: 16 },
    ];
    expect(extractKeystrokeFeatures(events).features.inputWithoutKeysChars).toBe(0);
  });

  it('counts a whole-value insert into the focused field', () => {
    const events: BeaconEvent[] = [
      { type: 'focus', t: 0, kind: 'focus', field: 1, fieldKind: 'password' },
      { type: 'input', t: 5, field: 1, inputType: 'insertText', delta: 16 },
      { type: 'input', t: 9, field: 0, inputType: 'insertText', delta: 12, trusted: false },
    ];
    const { features } = extractKeystrokeFeatures(events);
    expect(features.inputWithoutKeysCount).toBe(2);
    expect(features.inputWithoutKeysChars).toBe(28);
  });

  it('counts inserts when the window shows no focus event', () => {
    const events: BeaconEvent[] = [{ type: 'input', t: 5, field: 1, inputType: 'insertText', delta: 16 }];
    expect(extractKeystrokeFeatures(events).features.inputWithoutKeysChars).toBe(16);
  });

  it('remembers keyed fields across windows until the field is focused again', () => {
    const first = extractKeystrokeFeatures([
      { type: 'focus', t: 0, kind: 'focus', field: 3, fieldKind: 'text' },
      { type: 'key', t: 10, phase: 'down', cls: 'letter', field: 3 },
    ]);
    expect(first.keyedFields).toEqual([3]);

    const typedOn = extractKeystrokeFeatures([{ type: 'input', t: 20, field: 3, inputType: 'insertText', delta: 1 }], first.keyedFields);
    expect(typedOn.features.inputWithoutKeysCount).toBe(0);

    const refocused = extractKeystrokeFeatures(
      [
        { type: 'focus', t: 30, kind: 'focus', field: 3, fieldKind: 'text' },
        { type: 'input', t: 31, field: 3, inputType: 'insertText', delta: 9 },
      ],
      first.keyedFields,
    );
    expect(refocused.features.inputWithoutKeysCount).toBe(1);
  });

  it('counts untrusted key events', () => {
    const events: BeaconEvent[] = [{ type: 'key', t: 0, phase: 'down', cls: 'letter', trusted: false }];
    expect(extractKeystrokeFeatures(events).features.untrustedKeyCount).toBe(1);
  });

  it('detects the clock step of the key timestamps', () => {
    const times = [0, 156.25, 343.75, 609.375, 984.375, 1328.125, 1546.875];
    expect(extractKeystrokeFeatures(keys(times, null)).features.keyClockStepMs).toBe(15.625);
  });
});
