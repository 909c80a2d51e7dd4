/** A deterministic pseudo-random source, so generated sessions are the same on every run. */
export interface SeededRandom {
  /** Returns a uniform value in [0, 1). */
  next(): number;
  /** Returns a uniform value in [min, max). */
  between(min: number, max: number): number;
  /** Returns a normally distributed value (Box–Muller). */
  gaussian(mean: number, deviation: number): number;
}

/** Creates a mulberry32 generator from a 32-bit seed. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    gaussian: (mean, deviation) => {
      const u = Math.max(next(), Number.EPSILON);
      const v = next();
      return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
