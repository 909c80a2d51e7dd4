import type { Evidence } from '@telltale/shared';
import { isPathInScopes, type RequestClassifier } from '@telltale/verify';

import type { RequestIdentity } from '../classify/types';

const SIGNATURE_FAILURES = new Set(['signature_invalid', 'signature_expired', 'signature_replayed', 'signature_key_unknown']);
const WEIGHT_OUTSIDE_SCOPE = 5;

/**
 * Checks the Web Bot Auth signature of a beacon request. Returns undefined when the request
 * is not signed, or when the agent's key directory could not be fetched, so the signature
 * could not be checked.
 *
 * A registered agent's route scopes are checked against the page the beacon describes
 * (`pagePath`), not against `/v1/collect`, because the page is what the agent visited.
 */
export async function classifyBeaconSignature(
  classifier: RequestClassifier,
  request: Request,
  pagePath: string,
): Promise<RequestIdentity | undefined> {
  if (!request.headers.has('signature-input') && !request.headers.has('signature')) return undefined;
  const result = await classifier.classify(request);
  const signatureEvidence = result.evidence.filter((item) => item.feature === 'webBotAuth' || item.feature === 'signatureAgent' || item.feature === 'agentId');

  if (result.identity !== null && result.agent !== null) {
    const proof = signatureEvidence.filter((item) => item.code !== 'agent_outside_scope');
    if (isPathInScopes(pagePath, result.agent.scopes)) {
      const registered: Evidence = { code: 'agent_registered', feature: 'agentId', value: result.agent.id, weight: 0 };
      return { cls: 'authorized_agent', evidence: [...proof.filter((item) => item.code !== 'agent_registered'), registered] };
    }
    const outside: Evidence = { code: 'agent_outside_scope', feature: 'path', value: pagePath, weight: WEIGHT_OUTSIDE_SCOPE };
    return { cls: 'rogue_bot', evidence: [outside, ...proof] };
  }
  if (result.identity !== null) return { cls: 'unverified_agent', evidence: signatureEvidence };

  const failure = signatureEvidence.find((item) => SIGNATURE_FAILURES.has(item.code));
  return failure === undefined ? undefined : { cls: 'rogue_bot', evidence: [failure] };
}
