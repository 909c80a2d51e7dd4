import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** Name of the cookie that carries the console session id. */
export const CONSOLE_COOKIE = 'telltale_console';
/** Console sign-ins expire after this long, counted from sign-in. */
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** Signed-in sessions kept in memory; the oldest is dropped beyond this. */
const MAX_SESSIONS = 1000;
/** Failed sign-ins allowed per minute, over all clients, before sign-in returns 429. */
const MAX_FAILURES_PER_MINUTE = 20;

/** Sign-in state of the console: random session ids kept in memory, never the admin token. */
export interface ConsoleSignIn {
  /** Checks the admin token and, when it is right, sets the session cookie. Returns the outcome. */
  signIn(c: Context, token: string): 'signed_in' | 'invalid' | 'rate_limited';
  signOut(c: Context): void;
  isSignedIn(c: Context): boolean;
  /** Middleware that redirects requests without a valid session cookie to the sign-in page. */
  requireSignIn: MiddlewareHandler;
}

/**
 * Creates the console's sign-in state for one app. Session ids are 32 random bytes, held
 * in memory with their expiry, so restarting the service signs everyone out.
 * NOTE: with several service instances behind a load balancer, a sign-in is valid only on
 * the instance that made it, so the console needs sticky sessions there.
 */
export function createConsoleSignIn(adminToken: string, now: () => number): ConsoleSignIn {
  const expected = digest(adminToken);
  const expiries = new Map<string, number>();
  let failureWindowStart = 0;
  let failures = 0;

  const isSignedIn = (c: Context): boolean => {
    const id = getCookie(c, CONSOLE_COOKIE);
    if (id === undefined) return false;
    const expiresAt = expiries.get(id);
    if (expiresAt === undefined) return false;
    if (expiresAt <= now()) {
      expiries.delete(id);
      return false;
    }
    return true;
  };

  return {
    signIn(c, token) {
      const at = now();
      if (at - failureWindowStart > 60_000) {
        failureWindowStart = at;
        failures = 0;
      }
      if (failures >= MAX_FAILURES_PER_MINUTE) return 'rate_limited';
      if (!timingSafeEqual(digest(token), expected)) {
        failures += 1;
        return 'invalid';
      }

      const id = randomBytes(32).toString('base64url');
      expiries.set(id, at + SESSION_TTL_MS);
      if (expiries.size > MAX_SESSIONS) expiries.delete(expiries.keys().next().value!);
      setCookie(c, CONSOLE_COOKIE, id, {
        path: '/console',
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return 'signed_in';
    },

    signOut(c) {
      const id = getCookie(c, CONSOLE_COOKIE);
      if (id !== undefined) expiries.delete(id);
      deleteCookie(c, CONSOLE_COOKIE, { path: '/console' });
    },

    isSignedIn,

    requireSignIn: async (c, next) => {
      if (!isSignedIn(c)) return c.redirect('/console/sign-in', 303);
      await next();
    },
  };
}

/**
 * Checks that a state-changing request comes from a console page: the `Origin` header
 * must equal the request's own origin, and `Sec-Fetch-Site`, when sent, must be
 * `same-origin`. Together with the SameSite=Strict cookie this stops cross-site form posts.
 */
export function isSameOriginPost(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined || origin !== new URL(c.req.url).origin) return false;
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin';
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
