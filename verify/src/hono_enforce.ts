/**
 * @module
 * Hono middleware that enforces the Telltale policy: rate limits and data-access rules per class.
 */
import { TAG_HEADER } from '@telltale/shared';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { createEnforcer, type Enforcer, type EnforcerOptions } from './create_enforcer';
import type { EnforcementDecision } from './enforcement_types';
import type { TelltaleResult } from './hono';
import { TAG_COOKIE, readCookie } from './read_tag_cookie';

/** Context variables set by `telltaleEnforce`. */
export interface TelltaleEnforceVariables {
  /** The enforcer's decision for this request. */
  telltaleDecision: EnforcementDecision;
  /** The tag check, in the same shape as the `telltale` middleware sets it. */
  telltale: TelltaleResult;
}

/** Options of `telltaleEnforce`: an existing enforcer, or the options to create one. */
export type TelltaleEnforceOptions = (EnforcerOptions | { enforcer: Enforcer }) & {
  /** Sensitivity label of the routes behind this middleware; overrides the policy's `routes`. */
  label?: string;
  /** Request header that carries the tag. Default `Telltale-Tag`. */
  header?: string;
  /** Cookie read when the header is absent. Default `telltale_tag`. */
  cookie?: string;
  /** Returns the client address (or its network); default none, so tagless requests share one key per route. */
  clientAddress?: (c: Context) => string | null;
};

/**
 * Creates Hono middleware that runs each request through an enforcer (see
 * `createEnforcer`). Refused requests get the decision's status (403, 429 or 503) with the
 * JSON body `{ "error": { "code", "message", "rule" } }` and, for 429, `Retry-After` and the
 * `RateLimit` headers. Allowed requests continue with `c.get('telltaleDecision')` set and
 * the rate-limit headers added to the response.
 *
 * @example
 * const enforcer = createEnforcer({ jwksUrl: 'https://ingest.example/.well-known/jwks.json', audience: 'pk_live_shop' });
 * app.use('/api/*', telltaleEnforce({ enforcer }));
 * app.use('/api/account', telltaleEnforce({ enforcer, label: 'sensitive' }));
 */
export function telltaleEnforce(options: TelltaleEnforceOptions): MiddlewareHandler<{ Variables: TelltaleEnforceVariables }> {
  const enforcer = 'enforcer' in options ? options.enforcer : createEnforcer(options);
  const header = options.header ?? TAG_HEADER;
  const cookie = options.cookie ?? TAG_COOKIE;

  return async (c, next) => {
    const tag = c.req.header(header) || readCookie(c.req.header('cookie'), cookie);
    const decision = await enforcer.enforce({
      method: c.req.method,
      path: c.req.path,
      tag,
      label: options.label,
      clientAddress: options.clientAddress?.(c) ?? null,
      userAgent: c.req.header('user-agent') ?? null,
      fetchRequest: () => c.req.raw,
    });
    c.set('telltaleDecision', decision);
    c.set('telltale', toTelltaleResult(decision));

    if (decision.body !== null) {
      for (const [name, value] of Object.entries(decision.headers)) c.header(name, value);
      return c.json(decision.body, decision.status as ContentfulStatusCode);
    }
    await next();
    for (const [name, value] of Object.entries(decision.headers)) c.res.headers.set(name, value);
  };
}

function toTelltaleResult(decision: EnforcementDecision): TelltaleResult {
  if (decision.claims) return { status: 'verified', claims: decision.claims };
  if (decision.tagError) return { status: 'invalid', error: decision.tagError };
  return { status: 'missing' };
}
