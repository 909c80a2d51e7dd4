import type { BeaconEvent, KeyClass } from '@telltale/shared';

import type { SeededRandom } from './seeded_random';

/** Page time of a generated session's first event. */
const START_MS = 800;

/** A login form: an e-mail field (index 0) and a password field (index 1), with their lengths. */
interface FormField {
  field: number;
  fieldKind: 'email' | 'password';
  length: number;
}

function loginForm(random: SeededRandom): FormField[] {
  return [
    { field: 0, fieldKind: 'email', length: Math.round(random.between(12, 28)) },
    { field: 1, fieldKind: 'password', length: Math.round(random.between(8, 16)) },
  ];
}

/** Draws the key class of one typed character: mostly letters. No characters are generated. */
function keyClassAt(random: SeededRandom): KeyClass {
  const draw = random.next();
  if (draw < 0.8) return 'letter';
  if (draw < 0.92) return 'digit';
  return 'other';
}

/**
 * Generates a login in which a script types each character after the same delay (50–150 ms,
 * fixed per session) and releases every key at once, as Playwright's `pressSequentially` with
 * `delay` does, then submits.
 */
export function generateFixedDelayTypingSession(random: SeededRandom): BeaconEvent[] {
  const delayMs = Math.round(random.between(50, 150));
  return typeForm(random, () => delayMs, () => random.between(0.2, 1.2));
}

/**
 * Generates a login typed with normally distributed delays (mean 120–200 ms, standard
 * deviation 30 % of the mean) and hold times (mean 90 ms, σ 20 ms), as human-mimicking
 * typing libraries do.
 */
export function generateGaussianTypingSession(random: SeededRandom): BeaconEvent[] {
  const meanMs = random.between(120, 200);
  return typeForm(
    random,
    () => Math.max(30, random.gaussian(meanMs, meanMs * 0.3)),
    () => Math.max(20, random.gaussian(90, 20)),
  );
}

/**
 * Generates a login in which a script sets each field's whole value at once (Playwright's
 * `fill`): focus, one `insertText` input of the full length, no key events, then submit.
 */
export function generateWholeStringSession(random: SeededRandom): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let t = START_MS;
  for (const field of loginForm(random)) {
    events.push({ type: 'focus', t, kind: 'focus', field: field.field, fieldKind: field.fieldKind });
    t += Math.round(random.between(5, 40));
    events.push({ type: 'input', t, field: field.field, inputType: 'insertText', delta: field.length });
    t += Math.round(random.between(5, 40));
    events.push({ type: 'focus', t, kind: 'blur', field: field.field, fieldKind: field.fieldKind });
  }
  events.push({ type: 'submit', t: t + 20, fields: 2 });
  return events;
}

function typeForm(random: SeededRandom, nextDelayMs: () => number, nextHoldMs: () => number): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let t = START_MS;
  for (const field of loginForm(random)) {
    events.push({ type: 'focus', t, kind: 'focus', field: field.field, fieldKind: field.fieldKind });
    t += 300;
    for (let i = 0; i < field.length; i += 1) {
      if (i > 0) t += nextDelayMs();
      const cls = keyClassAt(random);
      const down = Math.round(t * 10) / 10;
      events.push({ type: 'key', t: down, phase: 'down', cls, field: field.field });
      events.push({ type: 'input', t: down, field: field.field, inputType: 'insertText', delta: 1 });
      events.push({ type: 'key', t: Math.round((t + nextHoldMs()) * 10) / 10, phase: 'up', cls, field: field.field });
    }
    t += 400;
    events.push({ type: 'focus', t, kind: 'blur', field: field.field, fieldKind: field.fieldKind });
  }
  events.push({ type: 'submit', t: t + 50, fields: 2 });
  return events.sort((a, b) => a.t - b.t);
}
