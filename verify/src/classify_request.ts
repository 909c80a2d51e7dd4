import { isAgentDriven, type Evidence, type Reason, type SessionClass } from '@telltale/shared';

import { analyseRequestHeaders, WEIGHT_DECLARED_AUTOMATION } from './analyse_request_headers';
import type { SignedRequest } from './web_bot_auth/build_signature_base';
import { createWebBotAuthVerifier, type ProvenIdentity, type WebBotAuthOptions, type WebBotAuthResult } from './web_bot_auth/verify_web_bot_auth';

/** An agent in the operator's registry, as request classification needs it. */
export interface AgentRegistration {
  id: string;
  name: string;
  /** Origin of the agent's key directory, as sent in `Signature-Agent`. */
  signatureAgent: string;
  /** JWK thumbprints of the keys the agent may sign with; empty allows every key in its directory. */
  keyThumbprints: readonly string[];
  /**
   * Allowed routes and data scopes. Entries starting with `/` are path prefixes: `/api/search`
   * allows `/api/search` and `/api/search/…`, and a trailing `*` allows any continuation.
   * Without such entries every path is allowed. Other entries name data scopes that backends check.
   */
  scopes: readonly string[];
}

/** Looks up a registered agent by the origin of its key directory. */
export type FindAgent = (signatureAgent: string) => AgentRegistration | null | Promise<AgentRegistration | null>;

/** Classification of a request without a session tag. */
export interface RequestClassification {
  cls: SessionClass;
  agentDriven: boolean;
  framework: string | null;
  /** Reason codes, most important first. */
  reasons: Reason[];
  evidence: Evidence[];
  /** Identity proven by a valid Web Bot Auth signature, whether registered or not. */
  identity: ProvenIdentity | null;
  /** The registered agent the identity belongs to, when there is one. */
  agent: AgentRegistration | null;
}

export interface RequestClassifierOptions extends WebBotAuthOptions {
  /** Registry lookup; without it every signing agent counts as unregistered. */
  findAgent?: FindAgent;
}

export interface RequestClassifier {
  classify(request: SignedRequest): Promise<RequestClassification>;
}

/** Log-odds at or above which a request's evidence makes it `rogue_bot`; the same threshold the session classifier uses. */
export const REQUEST_AUTOMATION_LOG_ODDS = 2.5;
const WEIGHT_SIGNATURE_FAILED = 5;

/**
 * Creates a classifier of requests that carry no session tag, from the request alone:
 *
 * 1. A valid Web Bot Auth signature from a registered agent within its route scopes is
 *    `authorized_agent`; outside them it is `rogue_bot` (`agent_outside_scope`). A valid
 *    signature from an unregistered agent is `unverified_agent`, with the proven identity.
 * 2. An invalid, expired or replayed signature, or one by a key missing from the agent's
 *    directory, is `rogue_bot` with that reason. A directory that cannot be fetched leaves
 *    the signature unchecked (`key_directory_unavailable`) and the request is judged as unsigned.
 * 3. A user agent that names an AI agent, HTTP client, framework or headless browser is
 *    `unverified_agent` with that framework.
 * 4. A browser user agent whose headers add up to automation is `rogue_bot`; any other
 *    request is `unknown`, because a person's browser cannot be recognised from the request alone.
 */
export function createRequestClassifier(options: RequestClassifierOptions = {}): RequestClassifier {
  const webBotAuth = createWebBotAuthVerifier(options);
  const findAgent = options.findAgent ?? (() => null);

  return {
    async classify(request) {
      const headers = analyseRequestHeaders(request.url, request.headers);
      const signature = await webBotAuth.verify(request);

      if (signature.status === 'verified') {
        const agent = await findAgent(signature.identity.signatureAgent);
        return classifySigned(signature.identity, agent, request, headers.framework, headers.evidence);
      }

      const evidence = [...headers.evidence];
      if (signature.status === 'failed') {
        const unchecked = signature.reason === 'key_directory_unavailable';
        evidence.unshift({
          code: signature.reason,
          feature: 'webBotAuth',
          value: signature.signatureAgent ?? 'no Signature-Agent',
          weight: unchecked ? 0 : WEIGHT_SIGNATURE_FAILED,
        });
        if (!unchecked) return result('rogue_bot', headers.framework, evidence, null, null);
      }
      if (headers.declaresAutomation) return result('unverified_agent', headers.framework, evidence, null, null);
      const score = evidence.reduce((sum, item) => sum + item.weight, 0);
      return result(score >= REQUEST_AUTOMATION_LOG_ODDS ? 'rogue_bot' : 'unknown', null, evidence, null, null);
    },
  };
}

function classifySigned(
  identity: ProvenIdentity,
  agent: AgentRegistration | null,
  request: SignedRequest,
  framework: string | null,
  headerEvidence: Evidence[],
): RequestClassification {
  const proof: Evidence = {
    code: 'signature_verified',
    feature: 'webBotAuth',
    value: `${identity.signatureAgent} ${identity.keyThumbprint}`,
    weight: WEIGHT_DECLARED_AUTOMATION,
  };
  const registered = agent !== null && (agent.keyThumbprints.length === 0 || agent.keyThumbprints.includes(identity.keyThumbprint));
  if (!registered) {
    const unregistered: Evidence = { code: 'agent_unregistered', feature: 'signatureAgent', value: identity.signatureAgent, weight: 0 };
    return result('unverified_agent', framework, [proof, unregistered, ...headerEvidence], identity, null);
  }

  const path = new URL(request.url).pathname;
  if (!isPathInScopes(path, agent.scopes)) {
    const outside: Evidence = { code: 'agent_outside_scope', feature: 'path', value: path, threshold: routeScopes(agent.scopes).join(' '), weight: WEIGHT_SIGNATURE_FAILED };
    return result('rogue_bot', framework, [outside, proof], identity, agent);
  }
  const registration: Evidence = { code: 'agent_registered', feature: 'agentId', value: agent.id, weight: 0 };
  return result('authorized_agent', framework, [proof, registration], identity, agent);
}

/** Returns whether a request path is within an agent's route scopes (entries starting with `/`). Without route scopes every path is. */
export function isPathInScopes(path: string, scopes: readonly string[]): boolean {
  const routes = routeScopes(scopes);
  if (routes.length === 0) return true;
  return routes.some((route) => {
    if (route.endsWith('*')) return path.startsWith(route.slice(0, -1));
    const prefix = route.endsWith('/') ? route : `${route}/`;
    return path === route || path.startsWith(prefix);
  });
}

function routeScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => scope.startsWith('/'));
}

function result(
  cls: SessionClass,
  framework: string | null,
  evidence: Evidence[],
  identity: ProvenIdentity | null,
  agent: AgentRegistration | null,
): RequestClassification {
  const reported = cls === 'unknown' ? evidence : evidence.filter((item) => item.weight >= 0);
  return {
    cls,
    agentDriven: isAgentDriven(cls),
    framework,
    reasons: reported.map((item) => item.code),
    evidence: reported,
    identity,
    agent,
  };
}

export type { WebBotAuthResult };
