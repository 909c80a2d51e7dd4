/**
 * Nonces of accepted signatures, each kept until its signature's validity window ends.
 * Holds at most `maxEntries`; when full, the entry closest to expiry is dropped first.
 *
 * NOTE: the store lives in this process's memory, so instances behind a load balancer do
 * not see each other's nonces. Rejecting replays across instances needs a shared store.
 */
export class NonceStore {
  readonly #expiries = new Map<string, number>();
  readonly #maxEntries: number;

  constructor(maxEntries = 100_000) {
    this.#maxEntries = maxEntries;
  }

  /** Records `nonce` until `expiresAt` (ms); returns false when it was already recorded and has not expired. */
  add(nonce: string, expiresAt: number, now: number): boolean {
    const existing = this.#expiries.get(nonce);
    if (existing !== undefined && existing > now) return false;

    this.#expiries.set(nonce, expiresAt);
    if (this.#expiries.size > this.#maxEntries) this.#evict(now);
    return true;
  }

  #evict(now: number): void {
    let soonestKey: string | null = null;
    let soonest = Infinity;
    for (const [key, expiry] of this.#expiries) {
      if (expiry <= now) this.#expiries.delete(key);
      else if (expiry < soonest) {
        soonest = expiry;
        soonestKey = key;
      }
    }
    if (this.#expiries.size > this.#maxEntries && soonestKey !== null) this.#expiries.delete(soonestKey);
  }
}
