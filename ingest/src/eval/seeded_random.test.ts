import { describe, expect, it } from 'vitest';

import { createSeededRandom } from './seeded_random';

describe('createSeededRandom', () => {
  it('repeats the same sequence for a seed', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
  });

  it('differs between seeds', () => {
    expect(createSeededRandom(1).next()).not.toBe(createSeededRandom(2).next());
  });

  it('draws uniform values in range and normal values around the mean', () => {
    const random = createSeededRandom(7);
    const uniform = Array.from({ length: 2000 }, () => random.between(3, 5));
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...uniform)).toBeLessThan(5);
    const normal = Array.from({ length: 4000 }, () => random.gaussian(10, 2));
    const mean = normal.reduce((sum, value) => sum + value, 0) / normal.length;
    const deviation = Math.sqrt(normal.reduce((sum, value) => sum + (value - mean) ** 2, 0) / normal.length);
    expect(mean).toBeCloseTo(10, 0);
    expect(deviation).toBeGreaterThan(1.8);
    expect(deviation).toBeLessThan(2.2);
  });
});
