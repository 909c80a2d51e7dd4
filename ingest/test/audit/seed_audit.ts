import { ADMIN_TOKEN, type TestService } from '../support/start_service';
import { emptyBeacon, postBeacon } from '../support/beacons';

export const ADMIN_HEADERS = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Posts a batch of enforcement decisions to `POST /v1/audit/events` as a backend does. */
export function reportDecisions(service: TestService, body: unknown, headers: Record<string, string> = ADMIN_HEADERS): Promise<Response> {
  return fetch(`${service.url}/v1/audit/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/**
 * Fills the audit log through the service's own routes: two sessions classified by
 * `/v1/collect` (one `class_changed` record each) and four enforcement decisions.
 * Returns the two session ids.
 */
export async function seedAudit(service: TestService): Promise<{ sessions: string[] }> {
  const sessions: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const beacon = emptyBeacon();
    const response = await postBeacon(service.url, beacon);
    if (response.status !== 200) throw new Error(`collect returned ${response.status}: ${await response.text()}`);
    sessions.push(beacon.sid);
  }

  const at = Date.now();
  const response = await reportDecisions(service, {
    source: 'shop-backend',
    decisions: [
      { at, class: 'human', outcome: 'allowed', route: 'GET /api/account', rule: 'labels.account', sessionId: sessions[0], score: 0.05, reasons: ['pointer_dynamics_human'], clientNetwork: '203.0.113.77' },
      { at: at + 1, class: 'unverified_agent', outcome: 'rate_limited', route: 'GET /api/search', rule: 'rateLimits.unverified_agent', sessionId: sessions[1], framework: 'playwright', score: 0.9, reasons: ['webdriver_flag'] },
      { at: at + 2, class: 'unverified_agent', outcome: 'forbidden', route: 'GET /api/account', rule: 'labels.account', sessionId: sessions[1], framework: 'playwright', score: 0.9, reasons: ['webdriver_flag'] },
      { at: at + 3, class: 'rogue_bot', outcome: 'blocked', route: 'GET /api/search', rule: 'block', framework: 'puppeteer', score: 0.99, reasons: ['automation_framework_trace'], userAgent: 'HeadlessChrome' },
    ],
  });
  if (response.status !== 201) throw new Error(`audit report returned ${response.status}: ${await response.text()}`);
  return { sessions };
}

/** Calls `GET /v1/audit/verify` and returns its body. */
export async function verifyChain(service: TestService): Promise<{ ok: boolean; records: number; firstBrokenId: number | null; pruned: number }> {
  const response = await fetch(`${service.url}/v1/audit/verify`, { headers: ADMIN_HEADERS });
  if (response.status !== 200) throw new Error(`audit verify returned ${response.status}`);
  return (await response.json()) as { ok: boolean; records: number; firstBrokenId: number | null; pruned: number };
}
