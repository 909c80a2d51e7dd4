import type { IngestService } from './ingest-service';
import { fetchSessionRecord } from './session-record';

/** The fields of `GET /v1/sessions/:id` that the OS-level input tests read. */
export interface StoredSession {
  id: string;
  class: string;
  agentDriven: boolean;
  score: number;
  reasons: string[];
  evidence: unknown[];
  eventCount: number;
  windows: { seq: number; class: string; score: number; features: Record<string, number | null> }[];
}

/** Minimum counts of input the stored session must show before it is judged. */
export interface ExpectedInput {
  clicks: number;
  keyDowns: number;
}

const POLL_MS = 250;

/**
 * Polls the admin API until the service stores exactly one session and that session's windows
 * add up to at least `expected` clicks and key presses, then returns it.
 * Throws after `timeoutMs` with what was stored so far, and when more than one session exists.
 */
export async function waitForOnlySession(ingest: IngestService, expected: ExpectedInput, timeoutMs = 20_000): Promise<StoredSession> {
  const deadline = Date.now() + timeoutMs;
  let lastSeen = 'no session stored yet';

  while (Date.now() < deadline) {
    const response = await fetch(`${ingest.origin}/v1/sessions`, { headers: { Authorization: `Bearer ${ingest.adminToken}` } });
    if (response.status !== 200) throw new Error(`GET /v1/sessions returned ${response.status}: ${(await response.text()).slice(0, 500)}`);
    const { sessions } = (await response.json()) as { sessions: { id: string }[] };
    if (sessions.length > 1) throw new Error(`Expected one session, found ${sessions.length}: ${sessions.map((s) => s.id).join(', ')}`);

    if (sessions.length === 1) {
      const session = (await fetchSessionRecord(ingest, sessions[0]!.id)) as StoredSession;
      const clicks = sumFeature(session, 'clickCount');
      const keyDowns = sumFeature(session, 'keyDownCount');
      if (clicks >= expected.clicks && keyDowns >= expected.keyDowns) return session;
      lastSeen = `session ${session.id} with ${clicks} clicks and ${keyDowns} key presses`;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for a session with ${expected.clicks} clicks and ` +
      `${expected.keyDowns} key presses (${lastSeen}).`,
  );
}

/** Adds up one feature over all of a session's windows. */
export function sumFeature(session: StoredSession, feature: string): number {
  return session.windows.reduce((total, window) => total + (window.features[feature] ?? 0), 0);
}
