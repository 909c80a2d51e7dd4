// The browser API that the SDK's script tag installs as `window.telltale`, as the tests call it
// inside `page.evaluate` callbacks.
export {};

declare global {
  interface TelltaleBrowserApi {
    /** The current tag, waiting for the first one if needed. */
    getTag(): Promise<string | null>;
    onTag(listener: (tag: string) => void): unknown;
    /** `{ 'Telltale-Tag': tag }` for the app's own requests. */
    headers(): Record<string, string>;
    /** Sends pending events now and resolves after the service's response has updated the tag. */
    flush(): Promise<void>;
    sessionId: string;
  }

  interface Window {
    telltale?: TelltaleBrowserApi;
  }
}
