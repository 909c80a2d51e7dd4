/**
 * @module
 * Express middleware that enforces the Telltale policy: rate limits and data-access rules per class.
 */
import { TAG_HEADER } from '@telltale/shared';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { createEnforcer, type Enforcer, type EnforcerOptions } from './create_enforcer';
import type { EnforcementDecision } from './enforcement_types';
import { TAG_COOKIE, readCookie } from './read_tag_cookie';

/** Options of `telltaleExpress`: an existing enforcer, or the options to create one. */
export type TelltaleExpressOptions = (EnforcerOptions | { enforcer: Enforcer }) & {
  /** Sensitivity label of the routes behind this middleware; overrides the policy's `routes`. */
  label?: string;
  /** Request header that carries the tag. Default `Telltale-Tag`. */
  header?: string;
  /** Cookie read when the header is absent. Default `telltale_tag`. */
  cookie?: string;
};

/** The decision is stored on `res.locals.telltale` for the route handlers. */
export interface TelltaleLocals {
  telltale: EnforcementDecision;
}

/**
 * Creates Express (4 or 5) middleware that runs each request through an enforcer (see
 * `createEnforcer`). Refused requests get the decision's status (403, 429 or 503) with the
 * JSON body `{ "error": { "code", "message", "rule" } }` and, for 429, `Retry-After` and the
 * `RateLimit` headers. Allowed requests get the rate-limit headers and continue with the
 * decision in `res.locals.telltale`. The client address is `req.ip`, so set Express's
 * `trust proxy` when the app runs behind one.
 *
 * @example
 * app.use('/api', telltaleExpress({ jwksUrl: 'https://ingest.example/.well-known/jwks.json', audience: 'pk_live_shop' }));
 */
export function telltaleExpress(options: TelltaleExpressOptions): RequestHandler {
  const enforcer = 'enforcer' in options ? options.enforcer : createEnforcer(options);
  const header = options.header ?? TAG_HEADER;
  const cookie = options.cookie ?? TAG_COOKIE;

  return (req: Request, res: Response, next: NextFunction) => {
    const tag = req.get(header) || readCookie(req.get('cookie'), cookie);
    enforcer
      .enforce({
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? req.path,
        tag,
        label: options.label,
        clientAddress: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
        fetchRequest: () => toFetchRequest(req),
      })
      .then((decision) => {
        res.locals.telltale = decision;
        res.set(decision.headers);
        if (decision.body !== null) {
          res.status(decision.status).json(decision.body);
          return;
        }
        next();
      }, next);
  };
}

/** Rebuilds the request line and headers as a Fetch `Request` (without the body), for request-signature checks. */
function toFetchRequest(req: Request): globalThis.Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new globalThis.Request(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`, { method: req.method, headers });
}
