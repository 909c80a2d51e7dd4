/** Session state of the tab, kept in sessionStorage as one JSON object. */
export interface Session {
  /** Session id: 22 base64url characters (128 random bits). */
  sid: string;
  /** Next beacon sequence number; it keeps increasing across the session's page loads. */
  seq: number;
  /** Page-load counter in the session, starting at 1. */
  page: number;
  /** Last tag, its session class and its expiry (ms since the epoch). */
  tag?: string;
  cls?: string;
  exp?: number;
}

/** Returns a random 22-character base64url session id. */
export function createSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .slice(0, 22);
}

/**
 * Loads the tab's session stored under `key`, or starts a new one, and counts this page load.
 * Where sessionStorage is missing or throws (sandboxed iframes, some privacy modes), the session
 * lasts for this page load only.
 */
export function openSession(key: string): Session {
  let session: Session | undefined;
  try {
    session = JSON.parse(sessionStorage[key]) as Session;
  } catch {
    // No stored session, unavailable storage or a corrupt entry: start a new session.
  }
  if (!/^[\w-]{22}$/.test(session?.sid as string)) session = { sid: createSessionId(), seq: 0, page: 0 };
  session!.page++;
  saveSession(key, session!);
  return session!;
}

/** Stores the session; when sessionStorage is full or missing, the in-memory copy stays in use. */
export function saveSession(key: string, session: Session): void {
  try {
    sessionStorage[key] = JSON.stringify(session);
  } catch {
    // The in-memory session still works for this page load.
  }
}
