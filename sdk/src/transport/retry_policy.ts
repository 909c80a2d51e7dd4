// Outcomes of one delivery attempt, as returned by `classifyStatus`.

/** Stored; the response body carries the tag. */
export const ACCEPTED = 0;
/** The service already stored this sequence number: drop the beacon, do not retry. */
export const REPLAYED = 1;
/** Rejected for good (invalid beacon, too large): drop it and count it in `dropped`. */
export const REJECTED = 2;
/** The site key or the page origin is not allowed: drop it, count it and stop sending. */
export const DISABLED = 3;
/** Network error, timeout, rate limit or server error: try again later. */
export const RETRY = 4;

/** Delivery attempts per beacon, the first one included. */
export const MAX_ATTEMPTS = 5;

/** Maps an HTTP status (0 for a network error) to one of the outcomes above. */
export function classifyStatus(status: number): number {
  if (status >= 200 && status < 300) return ACCEPTED;
  if (status === 409) return REPLAYED;
  if (!status || status === 408 || status === 429 || status >= 500) return RETRY;
  return status === 401 || status === 403 ? DISABLED : REJECTED;
}

/**
 * Returns the delay in ms before the next attempt after `failures` failed attempts, or -1 once
 * MAX_ATTEMPTS are used. The delay doubles from 1 s (1, 2, 4, 8 s) and is scaled by a jitter in
 * [0.5, 1) taken from `random` in [0, 1), so that many pages do not retry in step.
 */
export function retryDelayMs(failures: number, random: number): number {
  return failures < MAX_ATTEMPTS ? Math.round(1000 * 2 ** (failures - 1) * (0.5 + random / 2)) : -1;
}
