import type { SessionClass, TagClaims } from '@telltale/shared';

import type { TagVerificationError } from './tag_verification_error';

/** Identity of a registered agent proven for this request (by a request signature or an agent credential). */
export interface AgentIdentity {
  /** Registered agent id; the key of `agents` in the policy. */
  id: string;
  /** Scopes from the agent's registration; when absent, the policy's `agents[id].scopes` apply. */
  scopes?: readonly string[];
}

/** Facts of one request that the enforcer decides on. */
export interface EnforcementRequest {
  method: string;
  /** Request path without the query string. */
  path: string;
  /** Value of the `Telltale-Tag` header or cookie, if any. */
  tag?: string | null;
  /** Sensitivity label of the route; when unset, the policy's `routes` are matched against `path`. */
  label?: string;
  /** Client address; only its /24 or /48 network is used as a key and reported. */
  clientAddress?: string | null;
  userAgent?: string | null;
  /** Agent identity proven by the caller's own request-signature check, if any. */
  agent?: AgentIdentity | null;
  /** Returns the request as a Fetch `Request`, for a `classifyRequest` hook that checks signatures. */
  fetchRequest?: () => Request;
}

/** Class of a request without a valid tag, judged from the request alone (user agent, headers, Web Bot Auth). */
export interface RequestVerdict {
  cls: SessionClass;
  /** The registered agent whose signature the request carries, if any. */
  agent?: AgentIdentity | null;
  framework?: string | null;
  reasons?: readonly string[];
}

/** Policy outcome of one request. */
export type EnforcementOutcome = 'allowed' | 'rate_limited' | 'forbidden' | 'blocked' | 'unavailable';

/** The enforcer's decision for one request. */
export interface EnforcementDecision {
  outcome: EnforcementOutcome;
  /** HTTP status of the response: 200 when allowed (the route handler then responds), else 429, 403 or 503. */
  status: 200 | 403 | 429 | 503;
  /**
   * Class the request was judged as: the tag's class, else the `classifyRequest` verdict,
   * else `authorized_agent` for an agent proven by `identifyAgent`, else `unknown`.
   */
  class: SessionClass;
  /** Automation framework from the tag or the request verdict, else null. */
  framework: string | null;
  /** Reason codes from the tag or the request verdict. */
  reasons: string[];
  claims: TagClaims | null;
  agent: AgentIdentity | null;
  /** Verification error of a tag that was sent but not accepted, else null. */
  tagError: TagVerificationError | null;
  label: string | null;
  /** Policy rule behind the outcome, such as `labels.sensitive`, `rateLimits.unverified_agent` or `block`. */
  rule: string | null;
  /** Response headers to set: the rate-limit headers, and `Retry-After` on 429. */
  headers: Record<string, string>;
  /** JSON error body for a refused request, else null. */
  body: { error: { code: 'rate_limited' | 'forbidden' | 'unavailable'; message: string; rule: string | null } } | null;
}

/** One decision as reported to the ingest audit log (`POST /v1/audit/events`). */
export interface ReportedDecision {
  at: number;
  class: SessionClass;
  outcome: EnforcementOutcome;
  route: string;
  rule: string | null;
  siteId: string | null;
  sessionId: string | null;
  framework: string | null;
  agentId: string | null;
  score: number | null;
  reasons: string[];
  clientNetwork: string | null;
  userAgent: string | null;
}
