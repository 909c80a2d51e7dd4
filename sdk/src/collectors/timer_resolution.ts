/** Iterations of the measuring loop: about 1 ms of `performance.now()` calls on a desktop CPU. */
const MAX_ITERATIONS = 20_000;
const MAX_DURATION_MS = 1;

/**
 * Returns the smallest positive step of `now()` seen in a loop of at most about 1 ms, in ms.
 * Returns MAX_DURATION_MS when no step is seen: the clock is at least that coarse.
 */
export function measureTimerResolution(now: () => number = () => performance.now()): number {
  const start = now();
  let last = start;
  let smallest = Infinity;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const t = now();
    if (t > last) {
      smallest = Math.min(smallest, t - last);
      last = t;
    }
    if (t - start >= MAX_DURATION_MS) break;
  }
  return smallest === Infinity ? MAX_DURATION_MS : Math.round(smallest * 1e6) / 1e6;
}
