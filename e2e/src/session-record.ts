import type { IngestService } from './ingest-service';

/**
 * Fetches the stored session from the admin API (`GET /v1/sessions/:id`).
 * Throws with the status and body when the service does not return 200.
 */
export async function fetchSessionRecord(ingest: IngestService, sessionId: string): Promise<unknown> {
  const url = `${ingest.origin}/v1/sessions/${encodeURIComponent(sessionId)}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${ingest.adminToken}` } });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET /v1/sessions/${sessionId} returned ${response.status}: ${body.slice(0, 500)}`);
  }
  return JSON.parse(body);
}
