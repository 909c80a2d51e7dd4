/**
 * Steps (ms) that browsers and recorders quantise time to, tried largest first. Coarse clocks:
 * 100 ms (Firefox `privacy.resistFingerprinting`) and 15.625 ms (the default Windows timer
 * tick, seen in Keystroke100) or its double. Display frames: 16.7 ms at 60 Hz, and 33.3 or
 * 50 ms for two or three frames. Device rates and integer clocks: 10, 8 (a 125 Hz USB mouse),
 * 4, 2 and 1 ms.
 */
const CANDIDATE_STEPS_MS = [100, 50, 1000 / 30, 31.25, 1000 / 60, 15.625, 10, 8, 4, 2, 1];

/** Minimum number of positive intervals before a step is inferred. */
const MIN_INTERVALS = 5;
/** Share of intervals that must sit on whole multiples of a step. */
const MIN_ON_GRID_SHARE = 0.85;

/**
 * Detects the quantisation step of a clock from the timestamps it produced, in ms, or
 * returns 0 when the timestamps show no coarse step (a sub-millisecond clock, or too few samples).
 *
 * A step is accepted only when at least 85 % of the positive intervals are whole multiples
 * of it (within 8 % of the step) and those multiples take at least two
 * different values. The second rule keeps events that a script fires at a constant interval
 * (every interval one multiple of the same number) from being mistaken for a coarse clock,
 * which would hide exactly the regularity the caller is looking for.
 *
 * Provenance: Keystroke100 latencies come out at 15.625 ms, DELBOT pynput moves at 16.7 ms
 * (frame-aligned event dispatch), DELBOT human pointer samples at 8 ms (measured with
 * `ingest/scripts/measure-features.ts`).
 */
export function detectClockStep(timestamps: readonly number[]): number {
  const intervals: number[] = [];
  for (let i = 1; i < timestamps.length; i += 1) {
    const interval = (timestamps[i] as number) - (timestamps[i - 1] as number);
    if (interval > 0) intervals.push(interval);
  }
  if (intervals.length < MIN_INTERVALS) return 0;

  for (const step of CANDIDATE_STEPS_MS) {
    const tolerance = 0.08 * step;
    const multiples = new Set<number>();
    let onGrid = 0;
    for (const interval of intervals) {
      const multiple = Math.round(interval / step);
      if (multiple >= 1 && Math.abs(interval - multiple * step) <= tolerance) {
        onGrid += 1;
        multiples.add(multiple);
      }
    }
    if (onGrid / intervals.length >= MIN_ON_GRID_SHARE && multiples.size >= 2) return step;
  }
  return 0;
}
