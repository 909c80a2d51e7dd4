import { SESSION_CLASSES, type SessionClass } from '@telltale/shared';

import { ApiError } from './api_error';

/** Parses an optional `class` query parameter; rejects values that are not session classes. */
export function parseClassParam(raw: string | undefined): SessionClass | undefined {
  if (raw === undefined) return undefined;
  if (!(SESSION_CLASSES as readonly string[]).includes(raw)) {
    throw new ApiError('invalid_request', `Query parameter class must be one of ${SESSION_CLASSES.join(', ')}.`);
  }
  return raw as SessionClass;
}

/** Parses an optional `limit` query parameter, an integer from 1 to `max`; absent means `fallback`. */
export function parseLimitParam(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ApiError('invalid_request', `Query parameter limit must be an integer from 1 to ${max}.`);
  }
  return value;
}
