/**
 * @module
 * Enforcement of rate limits and data-access rules per class, for any framework: the
 * policy, the enforcer (a plain async function per request) and the audit reporter.
 * Middleware: `@telltale/verify/hono-enforce` and `@telltale/verify/express`.
 */
export { createEnforcer, matchRouteLabel } from './create_enforcer';
export type { Enforcer, EnforcerOptions, LimiterSettings } from './create_enforcer';
export type { AgentIdentity, EnforcementDecision, EnforcementOutcome, EnforcementRequest, ReportedDecision, RequestVerdict } from './enforcement_types';
export { DEFAULT_POLICY, PolicyError, parsePolicy, policySchema } from './policy';
export type { LabelRule, Policy, RateLimit } from './policy';
export { createAuditReporter } from './create_audit_reporter';
export type { AuditReporter, AuditReporterOptions, AuditReporterStats } from './create_audit_reporter';
export { rateLimitHeaders } from './rate_limit_headers';
export { truncateClientAddress } from './truncate_client_address';
export { TAG_COOKIE } from './read_tag_cookie';
