import type { TagListener } from './tag_state';

/** The object returned by `init()` and installed by the script tag as `window.telltale`. */
export interface TelltaleApi {
  /** Session id of this tab, as sent in each beacon's `sid`. Empty when the SDK is disabled. */
  readonly sessionId: string;
  /**
   * Resolves to the current session tag (a compact JWS). Waits for the first tag when none is
   * known yet, and resolves to null when none arrives within 10 s or when the SDK is disabled.
   * An unexpired tag from an earlier page of the same session resolves at once.
   */
  getTag(): Promise<string | null>;
  /**
   * Calls `listener(tag, cls)` each time the service returns a tag that differs from the last
   * one, with `cls` the session class. A tag restored from an earlier page is not reported.
   * Returns a function that removes the listener.
   */
  onTag(listener: TagListener): () => void;
  /**
   * Returns the headers to attach to the app's own requests: `{ 'Telltale-Tag': tag }` when an
   * unexpired tag is known, `{}` otherwise.
   */
  headers(): Record<string, string>;
  /**
   * Sends pending events now and resolves after the service's response is applied, so that
   * `getTag()` afterwards reflects the latest activity. Resolves, never rejects, also when
   * delivery fails; while the service is down that takes up to about 15 s of retries.
   */
  flush(): Promise<void>;
  /**
   * Names the signed-in identity (an account id, at most 256 characters; longer ids are cut),
   * sent once with the next beacon. The service stores only a keyed hash of it and compares
   * the session with that identity's earlier human sessions. Call it again after a change of
   * account. Calls with an empty id are ignored.
   */
  identify(id: string): void;
}
