/** Iterations of the measuring loop: about 1 ms of `performance.now()` calls on a desktop CPU. */
const MAX_ITERATIONS = 20_000;
const MAX_DURATION_MS = 1;

/**
 * Returns the smallest positive step of `performance.now()` seen in a loop of at most about
 * 1 ms, in ms. Returns MAX_DURATION_MS when no step is seen: the clock is at least that coarse.
 */
export function measureTimerResolution(): number {
  const start = performance.now();
  let last = start;
  let smallest = Infinity;
  for (let i = 0; i < MAX_ITERATIONS && last - start < MAX_DURATION_MS; i++) {
    const t = performance.now();
    if (t > last) {
      smallest = Math.min(smallest, t - last);
      last = t;
    }
  }
  return smallest < Infinity ? Math.round(smallest * 1e6) / 1e6 : MAX_DURATION_MS;
}
