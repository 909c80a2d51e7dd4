/** Small descriptive statistics over plain number arrays, shared by the feature extractors. */

/** Returns the arithmetic mean, or null for an empty array. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Returns the population standard deviation, or null for an empty array. */
export function standardDeviation(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null) return null;
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Returns the coefficient of variation (standard deviation over mean), or null when the mean is not positive. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const average = mean(values);
  const spread = standardDeviation(values);
  if (average === null || spread === null || average <= 0) return null;
  return spread / average;
}

/** Returns the q-quantile (0 ≤ q ≤ 1) with linear interpolation, or null for an empty array. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Returns the median, or null for an empty array. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Returns the share of values for which the predicate holds, or null for an empty array. */
export function shareOf<T>(values: readonly T[], predicate: (value: T) => boolean): number | null {
  if (values.length === 0) return null;
  let hits = 0;
  for (const value of values) if (predicate(value)) hits += 1;
  return hits / values.length;
}

/**
 * Returns the standard deviation after dropping the lowest and highest 10 % of the values
 * (none when there are fewer than 10), so one pause or one outlier does not hide an
 * otherwise constant series. Returns null for an empty array.
 */
export function trimmedStandardDeviation(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * 0.1);
  return standardDeviation(sorted.slice(cut, sorted.length - cut));
}

/**
 * Returns 1.4826 × the median absolute deviation over the median (equal to the coefficient
 * of variation for normally distributed values, but unmoved by a few outliers), or null
 * when the median is not positive.
 */
export function robustCoefficientOfVariation(values: readonly number[]): number | null {
  const middle = median(values);
  if (middle === null || middle <= 0) return null;
  const deviation = median(values.map((value) => Math.abs(value - middle))) as number;
  return (1.4826 * deviation) / middle;
}
