import { sleepArgs } from './xdotool';

/**
 * Parameters of the generated typing rhythm. Both times are log-normal: `median` is the
 * distribution's median in ms and `sigma` the standard deviation of its logarithm.
 */
export interface TypingRhythm {
  /** Time from one key press to the next. */
  pressInterval: { median: number; sigma: number };
  /** Time a key is held down. */
  hold: { median: number; sigma: number };
}

/**
 * A moderate typist: a press every 170 ms at the median with a long right tail, keys held
 * for about 95 ms. These are constructed values in the usual range of adult typing, not fitted
 * to a recording. NOTE: no typing recording with a licence that allows copying it was
 * available, so the timings are generated instead of replayed.
 */
export const MODERATE_TYPIST: TypingRhythm = {
  pressInterval: { median: 170, sigma: 0.45 },
  hold: { median: 95, sigma: 0.25 },
};

const KEYSYMS: Record<string, string> = { '.': 'period', '-': 'minus', '_': 'underscore', '@': 'at', ' ': 'space' };

/** Returns the X keysym name xdotool needs for one printable ASCII character. */
export function keysymFor(character: string): string {
  if (/^[a-z0-9]$/i.test(character)) return character;
  const keysym = KEYSYMS[character];
  if (keysym === undefined) throw new Error(`No keysym mapping for character ${JSON.stringify(character)}; add it to KEYSYMS.`);
  return keysym;
}

/**
 * Builds xdotool arguments that type `text` with separate key presses and releases whose
 * timing follows `rhythm`. A key may still be held when the next one goes down (rollover),
 * as in fast human typing. `random` returns numbers in [0, 1).
 */
export function humanTypingArgs(text: string, random: () => number, rhythm: TypingRhythm = MODERATE_TYPIST): string[] {
  const actions: { t: number; command: 'keydown' | 'keyup'; keysym: string }[] = [];
  let pressTime = 0;
  const lastRelease = new Map<string, number>();
  for (const character of text) {
    const keysym = keysymFor(character);
    // The same key cannot go down again before it was released.
    pressTime = Math.max(pressTime, (lastRelease.get(keysym) ?? -Infinity) + 5);
    const hold = logNormal(random, rhythm.hold.median, rhythm.hold.sigma);
    actions.push({ t: pressTime, command: 'keydown', keysym });
    actions.push({ t: pressTime + hold, command: 'keyup', keysym });
    lastRelease.set(keysym, pressTime + hold);
    pressTime += logNormal(random, rhythm.pressInterval.median, rhythm.pressInterval.sigma);
  }
  actions.sort((a, b) => a.t - b.t);

  const args: string[] = [];
  let previousT = 0;
  for (const action of actions) {
    args.push(...sleepArgs(action.t - previousT), action.command, action.keysym);
    previousT = action.t;
  }
  return args;
}

/** Draws from a log-normal distribution with the given median and log-space sigma (Box–Muller). */
function logNormal(random: () => number, median: number, sigma: number): number {
  const u1 = Math.max(random(), Number.EPSILON);
  const u2 = random();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * normal);
}

/** Returns a seeded pseudo-random generator (mulberry32) with values in [0, 1), for repeatable timings. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
