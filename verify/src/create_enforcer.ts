import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SessionClass } from '@telltale/shared';

import { createVerifier, type Verifier } from './create_verifier';
import type { AgentIdentity, EnforcementDecision, EnforcementRequest, ReportedDecision, RequestVerdict } from './enforcement_types';
import { DEFAULT_POLICY, parsePolicy, type LabelRule, type Policy, type RateLimit } from './policy';
import { rateLimitHeaders } from './rate_limit_headers';
import { TagVerificationError } from './tag_verification_error';
import { truncateClientAddress } from './truncate_client_address';
import type { VerifierOptions } from './verifier_options';

/** Settings of one rate limiter, as rate-limiter-flexible's constructors take them. */
export interface LimiterSettings {
  keyPrefix: string;
  points: number;
  /** Window in seconds. */
  duration: number;
}

/** Options of `createEnforcer`: the verifier's options plus the policy and its hooks. */
export interface EnforcerOptions extends VerifierOptions {
  /** Policy object (validated with `parsePolicy`), or a parsed policy. Default `DEFAULT_POLICY`. */
  policy?: unknown;
  /**
   * Creates the limiter for one class or agent. Default: `new RateLimiterMemory(settings)`,
   * which counts per process. Pass a shared store for several instances, such as
   * `(s) => new RateLimiterRedis({ storeClient: redis, ...s })`.
   */
  createLimiter?: (settings: LimiterSettings) => RateLimiterAbstract;
  /**
   * Proves an agent's identity for a request, for example from an HTTP message signature
   * (Web Bot Auth). Called only when `request.agent` is unset. Return null when none is proven.
   */
  identifyAgent?: (request: EnforcementRequest) => AgentIdentity | null | Promise<AgentIdentity | null>;
  /**
   * Classifies a request that carries no valid tag from the request alone, for example with
   * `createRequestClassifier` (user agent, headers, Web Bot Auth). Called before
   * `identifyAgent`, which runs only when this hook is unset or returns null.
   */
  classifyRequest?: (request: EnforcementRequest) => RequestVerdict | null | Promise<RequestVerdict | null>;
  /** Called with every decision, after it is made; use `createAuditReporter(...).report`. Must not throw. */
  onDecision?: (decision: ReportedDecision) => void;
}

/** An enforcer: verifies tags and applies the policy to requests. */
export interface Enforcer {
  /** Decides one request. A bad tag or a failing limiter store gives an outcome, not an exception. */
  enforce(request: EnforcementRequest): Promise<EnforcementDecision>;
  /** Replaces the policy (validated with `parsePolicy`). Rate-limit counters of in-memory limiters start again. */
  setPolicy(policy: unknown): void;
  /** The policy in force. */
  policy(): Policy;
  verifier: Verifier;
}

interface Limiters {
  byClass: Map<SessionClass, { limiter: RateLimiterAbstract; limit: RateLimit }>;
  byAgent: Map<string, { limiter: RateLimiterAbstract; limit: RateLimit }>;
}

function buildLimiters(policy: Policy, create: (settings: LimiterSettings) => RateLimiterAbstract): Limiters {
  const byClass = new Map<SessionClass, { limiter: RateLimiterAbstract; limit: RateLimit }>();
  for (const [cls, limit] of Object.entries(policy.rateLimits) as [SessionClass, RateLimit][]) {
    byClass.set(cls, { limiter: create({ keyPrefix: `telltale:${cls}`, points: limit.points, duration: limit.durationSec }), limit });
  }

  const byAgent = new Map<string, { limiter: RateLimiterAbstract; limit: RateLimit }>();
  for (const [id, agent] of Object.entries(policy.agents)) {
    if (agent.rateLimit) byAgent.set(id, { limiter: create({ keyPrefix: `telltale:agent:${id}`, points: agent.rateLimit.points, duration: agent.rateLimit.durationSec }), limit: agent.rateLimit });
  }
  return { byClass, byAgent };
}

/** Returns the label of a path from the policy's routes: exact match, or prefix match for a pattern ending in `*`. */
export function matchRouteLabel(policy: Policy, path: string): string | null {
  for (const route of policy.routes) {
    const matches = route.path.endsWith('*') ? path.startsWith(route.path.slice(0, -1)) : path === route.path;
    if (matches) return route.label;
  }
  return null;
}

/**
 * Creates an enforcer, the framework-neutral core of the middleware. For each request it
 * verifies the tag offline (see `createVerifier`) or takes a proven agent identity. Then it
 * applies the policy in this order: blocked classes (403 `blocked`), the route label's
 * access rule (403 `forbidden`), and the rate limit of the agent or class (429
 * `rate_limited`). A tag that fails verification makes the request `unknown`. When the
 * keys or the limiter store are unavailable, the label's `failMode` decides: `closed`
 * responds with 503, `open` lets the request through.
 *
 * @throws PolicyError naming the invalid field, and TypeError naming an invalid verifier option.
 */
export function createEnforcer(options: EnforcerOptions): Enforcer {
  const verifier = createVerifier(options);
  const createLimiter = options.createLimiter ?? ((settings) => new RateLimiterMemory(settings));
  let policy = options.policy === undefined ? DEFAULT_POLICY : parsePolicy(options.policy);
  let limiters = buildLimiters(policy, createLimiter);
  const now = options.now ?? Date.now;

  async function enforce(request: EnforcementRequest): Promise<EnforcementDecision> {
    const current = policy;
    const currentLimiters = limiters;
    const label = request.label ?? matchRouteLabel(current, request.path);
    const labelRule: LabelRule | undefined = label === null ? undefined : current.labels[label];
    const failOpen = (labelRule?.failMode ?? (label === null ? current.failMode : 'closed')) === 'open';

    // Identity: the tag first, then an agent proven by a request signature.
    let claims = null;
    let tagError: TagVerificationError | null = null;
    if (request.tag) {
      try {
        claims = await verifier.verify(request.tag);
      } catch (error) {
        if (!(error instanceof TagVerificationError)) throw error;
        tagError = error;
      }
    }
    const verdict = claims === null && !request.agent && options.classifyRequest ? await options.classifyRequest(request) : null;
    let agent = request.agent ?? verdict?.agent ?? null;
    if (!agent && !verdict && options.identifyAgent) agent = await options.identifyAgent(request);
    const cls: SessionClass = claims?.cls ?? verdict?.cls ?? (agent ? 'authorized_agent' : 'unknown');
    const framework = claims?.fw ?? verdict?.framework ?? null;
    const reasons = [...(claims?.reasons ?? verdict?.reasons ?? [])];

    const decide = (partial: Pick<EnforcementDecision, 'outcome' | 'status' | 'rule' | 'headers' | 'body'>): EnforcementDecision => {
      const decision: EnforcementDecision = { ...partial, class: cls, framework, reasons, claims, agent, tagError, label };
      report(decision, request);
      return decision;
    };
    const refuse = (outcome: 'forbidden' | 'blocked', rule: string, message: string) =>
      decide({ outcome, status: 403, rule, headers: {}, body: { error: { code: 'forbidden', message, rule } } });
    const unavailable = (rule: string | null, message: string) =>
      failOpen ? decide({ outcome: 'allowed', status: 200, rule, headers: {}, body: null }) : decide({ outcome: 'unavailable', status: 503, rule, headers: {}, body: { error: { code: 'unavailable', message, rule } } });

    if (tagError?.code === 'unavailable') return unavailable('failMode', 'Signing keys could not be loaded to verify the session tag; retry shortly.');

    if (current.block.includes(cls)) {
      return refuse('blocked', 'block', `Requests classified ${cls} are blocked by policy rule "block".`);
    }

    if (label !== null) {
      const rule = `labels.${label}`;
      if (!labelRule) return refuse('forbidden', rule, `No access rule exists for label "${label}", so access is refused; add it to the policy's labels.`);
      if (!labelRule.classes.includes(cls)) {
        return refuse('forbidden', rule, `Data labelled "${label}" is not available to requests classified ${cls} (policy rule "${rule}").`);
      }
      if (cls === 'authorized_agent' && labelRule.agentScopes.length > 0) {
        const granted = agent ? (agent.scopes ?? current.agents[agent.id]?.scopes ?? []) : [];
        const missing = labelRule.agentScopes.filter((scope) => !granted.includes(scope));
        if (missing.length > 0) {
          return refuse('forbidden', rule, `Data labelled "${label}" needs agent scope ${missing.join(', ')}, which this agent was not granted (policy rule "${rule}").`);
        }
      }
    }

    // Rate limit: per agent when one is proven and has its own limit, else per class.
    const agentLimiter = agent ? currentLimiters.byAgent.get(agent.id) : undefined;
    const { limiter, limit } = agentLimiter ?? currentLimiters.byClass.get(cls)!;
    const rule = agentLimiter ? `agents.${agent!.id}.rateLimit` : `rateLimits.${cls}`;
    const policyName = agentLimiter ? `agent-${agent!.id}` : cls;
    let key = `network:${truncateClientAddress(request.clientAddress) ?? 'none'}`;
    if (claims) key = `session:${claims.sub}`;
    if (agent) key = `agent:${agent.id}`;

    try {
      const result = await limiter.consume(key, 1);
      const headers = rateLimitHeaders({ policyName, quota: limit.points, windowSec: limit.durationSec, remaining: result.remainingPoints, resetMs: result.msBeforeNext, limited: false });
      return decide({ outcome: 'allowed', status: 200, rule: label === null ? null : `labels.${label}`, headers, body: null });
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return unavailable(rule, 'The rate-limit store failed; retry shortly.');
      const headers = rateLimitHeaders({ policyName, quota: limit.points, windowSec: limit.durationSec, remaining: 0, resetMs: rejection.msBeforeNext, limited: true });
      const message = `Rate limit of ${limit.points} requests per ${limit.durationSec} s for ${agentLimiter ? `agent ${agent!.id}` : `class ${cls}`} exceeded; retry after ${headers['Retry-After']} s (policy rule "${rule}").`;
      return decide({ outcome: 'rate_limited', status: 429, rule, headers, body: { error: { code: 'rate_limited', message, rule } } });
    }
  }

  function report(decision: EnforcementDecision, request: EnforcementRequest): void {
    if (!options.onDecision) return;
    options.onDecision({
      at: now(),
      class: decision.class,
      outcome: decision.outcome,
      route: `${request.method.toUpperCase()} ${request.path}`.slice(0, 512),
      rule: decision.rule,
      siteId: decision.claims?.aud ?? null,
      sessionId: decision.claims?.sub ?? null,
      framework: decision.framework,
      agentId: decision.agent?.id ?? null,
      score: decision.claims?.score ?? null,
      reasons: decision.reasons,
      clientNetwork: truncateClientAddress(request.clientAddress),
      userAgent: request.userAgent?.slice(0, 512) ?? null,
    });
  }

  return {
    enforce,
    setPolicy(next) {
      policy = parsePolicy(next);
      limiters = buildLimiters(policy, createLimiter);
    },
    policy: () => policy,
    verifier,
  };
}
