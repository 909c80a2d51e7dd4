import { describe, expect, it } from 'vitest';

import { ACCEPTED, classifyStatus, DISABLED, MAX_ATTEMPTS, REJECTED, REPLAYED, RETRY, retryDelayMs } from '../src/transport/retry_policy';

describe('classifyStatus', () => {
  it.each([
    [200, ACCEPTED],
    [204, ACCEPTED],
    [409, REPLAYED],
    [0, RETRY],
    [408, RETRY],
    [429, RETRY],
    [500, RETRY],
    [503, RETRY],
    [401, DISABLED],
    [403, DISABLED],
    [400, REJECTED],
    [404, REJECTED],
    [413, REJECTED],
    [415, REJECTED],
    [302, REJECTED],
  ])('classifies status %i', (status, expected) => {
    expect(classifyStatus(status)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('doubles the delay after each failure', () => {
    const delays = [1, 2, 3, 4].map((failures) => retryDelayMs(failures, 0.999_999));
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
  });

  it('scales the delay by a jitter between one half and one', () => {
    expect(retryDelayMs(1, 0)).toBe(500);
    expect(retryDelayMs(3, 0.5)).toBe(3000);
  });

  it('stops after the maximum number of attempts', () => {
    expect(MAX_ATTEMPTS).toBe(5);
    expect(retryDelayMs(MAX_ATTEMPTS - 1, 0.5)).toBeGreaterThan(0);
    expect(retryDelayMs(MAX_ATTEMPTS, 0.5)).toBe(-1);
    expect(retryDelayMs(MAX_ATTEMPTS + 3, 0.5)).toBe(-1);
  });

  it('keeps the total wait of one beacon under 16 s', () => {
    let total = 0;
    for (let failures = 1; retryDelayMs(failures, 0.999_999) >= 0; failures++) total += retryDelayMs(failures, 0.999_999);
    expect(total).toBe(15_000);
  });
});
