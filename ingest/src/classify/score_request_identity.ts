import type { SessionState } from './session_state';
import { mergeEvidence } from './session_state';
import type { RequestIdentity } from './types';

/** Rank of identity outcomes: a failed signature outweighs any later valid one, and a registered identity an unregistered one. */
const IDENTITY_RANK = { unverified_agent: 1, authorized_agent: 2, rogue_bot: 3 } as const;

/**
 * Adds a signed request's outcome to the session state. The session keeps the highest-ranked
 * outcome it has seen, so one invalid, expired or replayed signature makes it `rogue_bot`
 * for good, while unsigned beacons leave an earlier proof in place.
 */
export function applyRequestIdentity(state: SessionState, identity: RequestIdentity): void {
  const current = state.identityClass ?? null;
  if (current === null || IDENTITY_RANK[identity.cls] >= IDENTITY_RANK[current]) {
    state.identityClass = identity.cls;
  }
  state.identityEvidence = mergeEvidence(state.identityEvidence ?? [], identity.evidence, true);
}
