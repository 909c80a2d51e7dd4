import { ACCEPTED, classifyStatus, DISABLED, REPLAYED, RETRY, retryDelayMs } from './retry_policy';

/**
 * Returns fetch options for a beacon. fetch sends a string body as `text/plain;charset=UTF-8`
 * (Fetch Standard, "extract a body"), a CORS-safelisted content type, so a cross-origin POST
 * needs no preflight. keepalive lets the request outlive the page; it caps in-flight keepalive
 * bodies at 64 KiB, which one beacon stays under.
 */
function beaconRequest(body: string): RequestInit {
  return { method: 'POST', body, keepalive: true, credentials: 'omit' };
}

/**
 * Returns a function that delivers the bodies `encode()` returns once the beacons queued before
 * them are done, and never rejects. Each beacon gets up to MAX_ATTEMPTS attempts with
 * exponential backoff, and later beacons wait for it, so sequence numbers arrive in order.
 * `onAccepted` gets the parsed body of each accepted response, or null when it is not JSON.
 * `onDropped` runs for each beacon given up. Its `disable` is true when the service rejects the
 * site key or the page origin (401 or 403).
 */
export function createBeaconQueue(
  url: string,
  onAccepted: (body: unknown) => void,
  onDropped: (disable: boolean) => void,
): (encode: () => string[]) => Promise<void> {
  let chain = Promise.resolve();

  const deliver = async (body: string, failures = 0): Promise<void> => {
    const response = await fetch(url, beaconRequest(body)).catch(() => undefined);
    const outcome = classifyStatus(response?.status ?? 0);
    if (outcome === ACCEPTED) return onAccepted(await response!.json().catch(() => null));

    const delay = outcome === RETRY ? retryDelayMs(++failures, Math.random()) : -1;
    if (delay >= 0) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return deliver(body, failures);
    }
    if (outcome !== REPLAYED) onDropped(outcome === DISABLED);
  };

  return (encode) =>
    (chain = chain
      .then(async () => {
        for (const body of encode()) await deliver(body);
      })
      .catch(() => undefined));
}

/**
 * Sends beacons while the page is being hidden or unloaded, when no response can be awaited:
 * with `navigator.sendBeacon` (which sends a string as text/plain), or with fetch and keepalive
 * when sendBeacon refuses the body.
 */
export function sendOnExit(url: string, bodies: string[]): void {
  for (const body of bodies) {
    if (!navigator.sendBeacon(url, body)) fetch(url, beaconRequest(body)).catch(() => undefined);
  }
}
