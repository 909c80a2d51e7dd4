/**
 * @module
 * Hono middleware that verifies the session tag sent with each request.
 */
import { TAG_HEADER } from '@telltale/shared';
import type { TagClaims } from '@telltale/shared';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import { createVerifier } from './create_verifier';
import { TagVerificationError } from './tag_verification_error';
import type { VerifierOptions } from './verifier_options';

/** Outcome of the tag check for one request, stored as the context variable `telltale`. */
export type TelltaleResult =
  | { status: 'verified'; claims: TagClaims }
  | { status: 'missing' }
  | { status: 'invalid'; error: TagVerificationError };

/** Context variables set by the `telltale` middleware. */
export interface TelltaleVariables {
  telltale: TelltaleResult;
}

/** Hono environment of the `telltale` middleware: `new Hono<TelltaleEnv>()` types `c.get('telltale')`. */
export interface TelltaleEnv {
  Variables: TelltaleVariables;
}

/** Options of the `telltale` middleware: the verifier's options plus how requests are handled. */
export interface TelltaleOptions extends VerifierOptions {
  /** Request header that carries the tag. Default `Telltale-Tag`. */
  header?: string;
  /** Reject requests whose tag is missing or invalid. Default false: they pass with `status` `missing` or `invalid`. */
  required?: boolean;
  /**
   * Called for an invalid tag, and for a missing one when `required` is true, after
   * `c.get('telltale')` is set. A returned `Response` is sent instead of the default handling.
   * Return nothing to keep it (401 JSON error when `required`, otherwise continue).
   */
  onError?: (error: TagVerificationError, c: Context<TelltaleEnv>) => Response | void | Promise<Response | void>;
}

/**
 * Creates Hono middleware that reads the session tag from a request header, verifies it
 * and stores the outcome as `c.get('telltale')`: `{ status: 'verified', claims }`,
 * `{ status: 'missing' }` or `{ status: 'invalid', error }`.
 *
 * With `required: true` a request without a valid tag gets the JSON error
 * `{ "error": { "code", "message" } }` with the error's status (401, or 503 when the key
 * set cannot be loaded). The middleware owns one verifier (see `createVerifier`), so
 * verified tags are cached across requests.
 *
 * @throws TypeError naming the option, when called without `audience`, without `jwks` or
 * `jwksUrl`, or with an empty `header`.
 *
 * @example
 * const app = new Hono<TelltaleEnv>();
 * app.use('/api/*', telltale({ jwksUrl: 'https://ingest.example/.well-known/jwks.json', audience: 'pk_live_shop' }));
 * app.get('/api/search', (c) => {
 *   const result = c.get('telltale');
 *   return c.json({ human: result.status === 'verified' && result.claims.cls === 'human' });
 * });
 */
export function telltale(options: TelltaleOptions): MiddlewareHandler<TelltaleEnv> {
  const { header = TAG_HEADER, required = false, onError } = options;
  if (typeof header !== 'string' || header.trim() === '') {
    throw new TypeError('Telltale middleware: option `header` must be a non-empty header name.');
  }
  const verifier = createVerifier(options);

  return async (c, next) => {
    const tag = c.req.header(header);
    const result = await checkTag(tag, verifier.verify);
    c.set('telltale', result);

    if (result.status === 'verified' || (result.status === 'missing' && !required)) {
      await next();
      return;
    }

    const error =
      result.status === 'invalid'
        ? result.error
        : new TagVerificationError(
            'tag_missing',
            `Request has no ${header} header. Send the tag from \`window.telltale.headers()\` with the request.`,
          );

    if (onError !== undefined) {
      const response = await onError(error, c);
      if (response !== undefined) return response;
    }

    if (!required) {
      await next();
      return;
    }
    return c.json({ error: { code: error.code, message: error.message } }, error.status as ContentfulStatusCode);
  };
}

async function checkTag(
  tag: string | undefined,
  verify: (tag: string) => Promise<TagClaims>,
): Promise<TelltaleResult> {
  if (tag === undefined || tag === '') return { status: 'missing' };

  try {
    return { status: 'verified', claims: await verify(tag) };
  } catch (error) {
    if (error instanceof TagVerificationError) return { status: 'invalid', error };
    throw error;
  }
}
