import { createHash, timingSafeEqual } from 'node:crypto';

import type { MiddlewareHandler } from 'hono';

import { ApiError } from './api_error';

/**
 * Middleware that admits requests bearing `Authorization: Bearer <token>`. Tokens are
 * compared as SHA-256 digests in constant time, so neither length nor content leaks
 * through timing.
 */
export function requireAdminToken(token: string): MiddlewareHandler {
  const expected = digest(token);

  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new ApiError('unauthorized', 'Admin routes need an "Authorization: Bearer <admin token>" header.', {
        'WWW-Authenticate': 'Bearer realm="telltale-admin"',
      });
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      throw new ApiError('unauthorized', 'Admin token is not valid; use the value of TELLTALE_ADMIN_TOKEN.', {
        'WWW-Authenticate': 'Bearer realm="telltale-admin", error="invalid_token"',
      });
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
