import { describe, expect, it } from 'vitest';

import { coefficientOfVariation, median, quantile, robustCoefficientOfVariation, trimmedStandardDeviation } from './stats';

describe('stats', () => {
  it('returns null for empty input', () => {
    expect(median([])).toBeNull();
    expect(coefficientOfVariation([])).toBeNull();
    expect(trimmedStandardDeviation([])).toBeNull();
    expect(robustCoefficientOfVariation([])).toBeNull();
  });

  it('interpolates quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0], 0)).toBe(0);
    expect(quantile([10, 0], 1)).toBe(10);
  });

  it('trims one outlier in ten from the spread', () => {
    const values = [80, 80, 80, 80, 80, 80, 80, 80, 80, 900];
    expect(trimmedStandardDeviation(values)).toBe(0);
    expect(coefficientOfVariation(values)).toBeGreaterThan(1);
  });

  it('keeps the robust CV of constant steps at 0 despite a double step', () => {
    expect(robustCoefficientOfVariation([12, 12, 12, 24, 12, 12])).toBe(0);
  });
});
