import type { BeaconEvent, InputEvent, KeyEvent } from '@telltale/shared';

import { detectClockStep } from './clock_step';
import { coefficientOfVariation, median, trimmedStandardDeviation } from './stats';

/** Keystroke timing features of one window. Null means "not measurable in this window". */
export interface KeystrokeFeatures {
  keyDownCount: number;
  /** Number of down→up pairs of the same key class. Zero when the source sends no key releases. */
  keyHoldCount: number;
  keyHoldMsMedian: number | null;
  /** Standard deviation of hold times without the lowest and highest 10 %. */
  keyHoldMsSpread: number | null;
  keyHoldCv: number | null;
  /** Number of down→down intervals of at most `MAX_TYPING_INTERVAL_MS`. */
  keyIntervalCount: number;
  keyIntervalMsMedian: number | null;
  /** Standard deviation of down→down intervals without the lowest and highest 10 %. */
  keyIntervalMsSpread: number | null;
  keyIntervalCv: number | null;
  /** Quantisation step of the key timestamps in ms (0 for a fine clock). */
  keyClockStepMs: number;
  /** Backspace key downs over all key downs. */
  backspaceRate: number | null;
  /** Input events that inserted text into a field that had no key down since it gained focus. */
  inputWithoutKeysCount: number;
  /** Characters inserted by those input events. */
  inputWithoutKeysChars: number;
  untrustedKeyCount: number;
}

/** Result of `extractKeystrokeFeatures`: the features plus what the next window needs. */
export interface KeystrokeExtraction {
  features: KeystrokeFeatures;
  /** Fields (by index) that had a key down since they last gained focus, for the next window. */
  keyedFields: number[];
}

/** Intervals longer than this are pauses (thinking, switching fields), not typing rhythm. */
export const MAX_TYPING_INTERVAL_MS = 1500;
/** Holds longer than this are keys held on purpose (or lost key-ups), not typing. */
const MAX_HOLD_MS = 2000;
/** Maximum fields carried between windows. On a page with more typed fields, the oldest are dropped. */
const MAX_KEYED_FIELDS = 32;

/**
 * `inputType` values that insert text without key events for legitimate reasons: paste,
 * drag and drop, autofill and spelling replacement (`insertReplacementText`), IME and
 * soft-keyboard composition. An empty `inputType` is a plain `input` Event, which Chrome's
 * autofill dispatches; a script that dispatches one is caught as untrusted instead.
 */
const INPUT_TYPES_WITHOUT_KEYS = new Set([
  '',
  'insertFromPaste',
  'insertFromPasteAsQuotation',
  'insertFromDrop',
  'insertFromYank',
  'insertReplacementText',
  'insertCompositionText',
  'insertTranspose',
]);

/**
 * Extracts keystroke timing features from one window of events.
 *
 * Hold times pair each key down with the next key up of the same key class, in order.
 * When the source sends only key downs, hold features stay null rather than guessed.
 * Modifier keys, auto-repeat and IME keys are left out of the timing because their hold times
 * and intervals follow the key layout, not the typist.
 *
 * `keyedFields` carries the fields that had key downs in earlier windows of the same page,
 * so text typed across a window boundary is not counted as inserted without keys.
 *
 * Input into a field other than the focused one is not counted either (see
 * `fillsUnfocusedField`), but only when the window contains the focus event.
 *
 * Known blind spots: on-screen keyboards and dictation insert text with `insertText` and no
 * key events. A password manager that writes the focused field with `insertText` looks like
 * a scripted fill. Key-ups that fall into the next window are not paired.
 */
export function extractKeystrokeFeatures(
  events: readonly BeaconEvent[],
  keyedFields: readonly number[] = [],
): KeystrokeExtraction {
  const keyed = new Set(keyedFields);
  const pendingDowns = new Map<string, number[]>();
  const holds: number[] = [];
  const intervals: number[] = [];
  const keyTimes: number[] = [];
  let keyDownCount = 0;
  let backspaceCount = 0;
  let previousDownAt: number | null = null;
  let inputWithoutKeysCount = 0;
  let inputWithoutKeysChars = 0;
  let untrustedKeyCount = 0;
  // Field that has focus, as far as this window's focus events show; undefined before the first one.
  let focusedField: number | null | undefined;

  for (const event of events) {
    if (event.type === 'focus' && event.kind === 'focus') {
      keyed.delete(event.field);
      focusedField = event.field;
    } else if (event.type === 'focus' && event.kind === 'blur') {
      if (focusedField === event.field) focusedField = null;
    } else if (event.type === 'paste' && event.field !== undefined) {
      // Text that follows a paste came from the clipboard, whatever its inputType.
      keyed.add(event.field);
    } else if (event.type === 'key') {
      if (event.trusted === false) untrustedKeyCount += 1;
      if (event.phase === 'down' && event.field !== undefined) keyed.add(event.field);
      if (!isTimedKey(event)) continue;
      keyTimes.push(event.t);
      if (event.phase === 'down') {
        keyDownCount += 1;
        if (event.cls === 'backspace') backspaceCount += 1;
        if (previousDownAt !== null) {
          const interval = event.t - previousDownAt;
          if (interval >= 0 && interval <= MAX_TYPING_INTERVAL_MS) intervals.push(interval);
        }
        previousDownAt = event.t;
        const queue = pendingDowns.get(event.cls) ?? [];
        queue.push(event.t);
        pendingDowns.set(event.cls, queue);
      } else {
        const downAt = pendingDowns.get(event.cls)?.shift();
        if (downAt !== undefined) {
          const hold = event.t - downAt;
          if (hold >= 0 && hold <= MAX_HOLD_MS) holds.push(hold);
        }
      }
    } else if (event.type === 'input' && insertsWithoutKeys(event, keyed) && !fillsUnfocusedField(event, focusedField)) {
      inputWithoutKeysCount += 1;
      inputWithoutKeysChars += event.delta;
    }
  }

  const features: KeystrokeFeatures = {
    keyDownCount,
    keyHoldCount: holds.length,
    keyHoldMsMedian: median(holds),
    keyHoldMsSpread: trimmedStandardDeviation(holds),
    keyHoldCv: coefficientOfVariation(holds),
    keyIntervalCount: intervals.length,
    keyIntervalMsMedian: median(intervals),
    keyIntervalMsSpread: trimmedStandardDeviation(intervals),
    keyIntervalCv: coefficientOfVariation(intervals),
    keyClockStepMs: detectClockStep([...keyTimes].sort((a, b) => a - b)),
    backspaceRate: keyDownCount === 0 ? null : backspaceCount / keyDownCount,
    inputWithoutKeysCount,
    inputWithoutKeysChars,
    untrustedKeyCount,
  };
  return { features, keyedFields: [...keyed].slice(-MAX_KEYED_FIELDS) };
}

function isTimedKey(event: KeyEvent): boolean {
  return event.cls !== 'modifier' && event.repeat !== true && event.ime !== true;
}

/**
 * Returns whether a trusted input event changed a field other than the one this window showed
 * gaining focus. Typing, CDP's `Input.insertText` and Playwright's `fill` all write into the
 * focused field, so a trusted insertion elsewhere comes from the browser itself: autofill or a
 * password manager filling several fields at once. Script-dispatched events are caught as
 * untrusted instead.
 */
function fillsUnfocusedField(event: InputEvent, focusedField: number | null | undefined): boolean {
  return focusedField !== undefined && event.trusted !== false && event.field !== focusedField;
}

function insertsWithoutKeys(event: InputEvent, keyed: ReadonlySet<number>): boolean {
  if (event.delta <= 0 || keyed.has(event.field)) return false;
  return event.inputType.startsWith('insert') && !INPUT_TYPES_WITHOUT_KEYS.has(event.inputType);
}
