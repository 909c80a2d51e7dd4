/**
 * The enforcement policy: rate limits per class and per agent, data-access rules per
 * sensitivity label, classes blocked outright, and what happens when a check cannot run.
 */
import { z } from 'zod';
import { SESSION_CLASSES, type SessionClass } from '@telltale/shared';
import { formatIssuePath } from '@telltale/shared/schema';

const POSITIVE_INTEGER = 'must be a positive integer';
const classEnum = z.enum(SESSION_CLASSES as [SessionClass, ...SessionClass[]], { error: `must be one of ${SESSION_CLASSES.join(', ')}` });
const positiveInteger = z.number({ error: POSITIVE_INTEGER }).int({ error: POSITIVE_INTEGER }).positive({ error: POSITIVE_INTEGER });
const name = z.string().regex(/^[A-Za-z0-9._:/@-]{1,128}$/, { error: 'must be 1 to 128 letters, digits or ._:/@-' });
const scope = z.string().regex(/^[A-Za-z0-9._:/-]{1,64}$/, { error: 'must be 1 to 64 letters, digits or ._:/-' });
const failMode = z.enum(['open', 'closed'], { error: 'must be "open" or "closed"' });

/** A token bucket in rate-limiter-flexible's terms: `points` requests per `durationSec` seconds. */
const rateLimitSchema = z.strictObject({ points: positiveInteger, durationSec: positiveInteger });

const classLimitsShape = Object.fromEntries(SESSION_CLASSES.map((cls) => [cls, rateLimitSchema])) as Record<SessionClass, typeof rateLimitSchema>;

/** Schema of a policy file (JSON). Every field except `version` and `rateLimits` has a default. */
export const policySchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  /** Default limit of each class, keyed by session (or agent, or client network without a tag). Every class needs one. */
  rateLimits: z.strictObject(classLimitsShape),
  /** Registered agents by id: the data scopes they were granted, and a limit replacing their class's. */
  agents: z.record(name, z.strictObject({ scopes: z.array(scope).default([]), rateLimit: rateLimitSchema.optional() })).default({}),
  /** Data-access rules per sensitivity label. */
  labels: z
    .record(
      name,
      z.strictObject({
        /** Classes that may reach data with this label. */
        classes: z.array(classEnum),
        /** Scopes an authorized agent needs, all of them, on top of its class being listed. */
        agentScopes: z.array(scope).default([]),
        /** Behaviour when the tag or the rate limit cannot be checked: `closed` responds with 503, `open` lets the request through as `unknown`. */
        failMode: failMode.default('closed'),
      }),
    )
    .default({}),
  /** Labels of routes, matched on the request path: exact, or a prefix when the path ends in `*`. First match wins. */
  routes: z.array(z.strictObject({ path: z.string().min(1).max(512).startsWith('/', { error: 'must start with /' }), label: name })).default([]),
  /** Classes refused on every enforced route. */
  block: z.array(classEnum).default(['rogue_bot']),
  /** `failMode` of routes without a label. */
  failMode: failMode.default('open'),
});

export type Policy = z.infer<typeof policySchema>;
export type RateLimit = z.infer<typeof rateLimitSchema>;
export type LabelRule = Policy['labels'][string];

/** Error thrown for an invalid policy; `issues` lists every problem as `path: problem`. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';

  constructor(
    readonly issues: string[],
    source = 'policy',
  ) {
    super(`Invalid ${source}: ${issues.join('; ')}.`);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return formatIssuePath(path, '(policy)');
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    const inRateLimits = issue.path.length === 1 && issue.path[0] === 'rateLimits';
    return issue.keys.map((key) =>
      inRateLimits ? `${formatPath([...issue.path, key])}: is not a session class (use one of ${SESSION_CLASSES.join(', ')})` : `${formatPath([...issue.path, key])}: is not a known field`,
    );
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return [`${formatPath(issue.path)}: is required`];
  return [`${formatPath(issue.path)}: ${issue.message}`];
}

/**
 * Validates a parsed policy file and fills in the defaults.
 *
 * @throws PolicyError naming every invalid field, such as
 * `rateLimits.unverified_agent.points: must be a positive integer`, and every route whose
 * label has no rule in `labels`.
 */
export function parsePolicy(input: unknown, source?: string): Policy {
  const parsed = policySchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new PolicyError(parsed.error.issues.flatMap(describeIssue), source);

  const policy = parsed.data;
  const missingLabels = policy.routes.flatMap((route, index) => (policy.labels[route.label] ? [] : [`routes[${index}].label: "${route.label}" has no rule in labels`]));
  if (missingLabels.length > 0) throw new PolicyError(missingLabels, source);
  return policy;
}

/**
 * The built-in policy. People get 600 requests a minute and authorized agents 300,
 * scoped by their registration. Unverified agents get 20 a minute and no sensitive data.
 * `unknown` (no tag, or no interaction yet) is treated as cautiously as an unverified
 * agent for data access, with 60 requests a minute because every first page load
 * starts there. Rogue bots are blocked. The `sensitive` label admits people and
 * authorized agents and fails closed.
 */
export const DEFAULT_POLICY: Policy = parsePolicy({
  version: 1,
  rateLimits: {
    human: { points: 600, durationSec: 60 },
    authorized_agent: { points: 300, durationSec: 60 },
    unverified_agent: { points: 20, durationSec: 60 },
    rogue_bot: { points: 1, durationSec: 60 },
    unknown: { points: 60, durationSec: 60 },
  },
  labels: {
    sensitive: { classes: ['human', 'authorized_agent'], failMode: 'closed' },
  },
  block: ['rogue_bot'],
});
