import type { SessionClass } from '@telltale/shared';
import { isAgentDriven } from '@telltale/shared';

import { createSigningKey, epochSeconds, humanClaims, signTag, type SigningKey } from './signing_key';

/** A policy small enough to exhaust in a test: 3 requests a minute for unverified agents. */
export const TEST_POLICY = {
  version: 1,
  rateLimits: {
    human: { points: 50, durationSec: 60 },
    authorized_agent: { points: 50, durationSec: 60 },
    unverified_agent: { points: 3, durationSec: 60 },
    rogue_bot: { points: 1, durationSec: 60 },
    unknown: { points: 5, durationSec: 60 },
  },
  agents: { 'agent-reader': { scopes: ['account:read'] }, 'agent-fast': { scopes: [], rateLimit: { points: 2, durationSec: 30 } } },
  labels: { account: { classes: ['human', 'authorized_agent'], agentScopes: ['account:read'] } },
  routes: [{ path: '/api/account', label: 'account' }],
};

/** Signs tags of any class with one key, for enforcement tests. */
export async function createTagFactory(): Promise<{ key: SigningKey; tagFor: (cls: SessionClass, sessionId: string) => Promise<string> }> {
  const key = await createSigningKey('enforce-key');
  return {
    key,
    tagFor: (cls, sessionId) =>
      signTag(key, { ...humanClaims(epochSeconds(), sessionId), cls, agent_driven: isAgentDriven(cls), fw: isAgentDriven(cls) ? 'playwright' : null, score: isAgentDriven(cls) ? 0.9 : 0.05 }),
  };
}
