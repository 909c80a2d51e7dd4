/**
 * Returns the area under the ROC curve of bot scores against human scores: the probability
 * that a random bot session scores higher than a random human one, ties counting half.
 * Returns null when either side is empty.
 */
export function rocAuc(botScores: readonly number[], humanScores: readonly number[]): number | null {
  if (botScores.length === 0 || humanScores.length === 0) return null;
  const humans = [...humanScores].sort((a, b) => a - b);
  let wins = 0;
  for (const score of botScores) {
    const below = countBelow(humans, score);
    const tied = countBelow(humans, nextUp(score)) - below;
    wins += below + tied / 2;
  }
  return wins / (botScores.length * humans.length);
}

/**
 * Returns the share of bot sessions detected at the lowest score threshold whose false-positive
 * rate on the human sessions is at most `maxFalsePositiveRate`. A session is detected when its
 * score is at or above the threshold. Returns null when either side is empty.
 */
export function truePositiveRateAt(
  botScores: readonly number[],
  humanScores: readonly number[],
  maxFalsePositiveRate: number,
): number | null {
  if (botScores.length === 0 || humanScores.length === 0) return null;
  const humans = [...humanScores].sort((a, b) => a - b);
  const candidates = [...new Set([...humans, ...botScores])].sort((a, b) => a - b);
  for (const threshold of candidates) {
    const falsePositives = humans.length - countBelow(humans, threshold);
    if (falsePositives / humans.length <= maxFalsePositiveRate) {
      return botScores.filter((score) => score >= threshold).length / botScores.length;
    }
  }
  return 0;
}

/** Returns how many values of an ascending array are below `value` (binary search). */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Returns the smallest double above `value`, so that `countBelow(nextUp(v))` also counts values equal to v. */
function nextUp(value: number): number {
  if (value === Number.POSITIVE_INFINITY) return value;
  const buffer = new Float64Array([value === 0 ? 0 : value]);
  const bits = new BigInt64Array(buffer.buffer);
  if (value === 0) return Number.MIN_VALUE;
  bits[0] = (bits[0] as bigint) + (value > 0 ? 1n : -1n);
  return buffer[0] as number;
}
