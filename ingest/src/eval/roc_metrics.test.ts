import { describe, expect, it } from 'vitest';

import { rocAuc, truePositiveRateAt } from './roc_metrics';

describe('rocAuc', () => {
  it('returns 1 for fully separated scores', () => {
    expect(rocAuc([0.8, 0.9], [0.1, 0.2, 0.3])).toBe(1);
  });

  it('returns 0 when every human outscores every bot', () => {
    expect(rocAuc([0.1], [0.5, 0.6])).toBe(0);
  });

  it('counts ties as half', () => {
    expect(rocAuc([0.5], [0.5])).toBe(0.5);
    expect(rocAuc([0.5, 0.9], [0.5, 0.1])).toBe(0.875);
  });

  it('returns null without both classes', () => {
    expect(rocAuc([], [0.1])).toBeNull();
    expect(rocAuc([0.1], [])).toBeNull();
  });
});

describe('truePositiveRateAt', () => {
  const humans = Array.from({ length: 100 }, (_, i) => i / 100);

  it('uses the lowest threshold within the false-positive budget', () => {
    // 0.99 flags one human of 100 (1 %); 0.98 would flag two.
    expect(truePositiveRateAt([0.975, 0.99, 1], humans, 0.01)).toBeCloseTo(2 / 3);
  });

  it('returns 0 when no threshold keeps humans under the budget and catches a bot', () => {
    expect(truePositiveRateAt([0.5], [0.9], 0.01)).toBe(0);
  });

  it('detects every bot scoring above all humans', () => {
    expect(truePositiveRateAt([1.5, 2], humans, 0)).toBe(1);
  });
});
