import { SESSION_CLASSES, type SessionClass } from '@telltale/shared';

import type { ConsoleSessionFilter, SessionCursor } from '../store/console_queries';

/** Periods the session list can show, with their length and the chart's bucket size. */
export const PERIODS = {
  '1h': { label: 'Last hour', lengthMs: 60 * 60 * 1000, bucketMs: 5 * 60 * 1000 },
  '24h': { label: 'Last 24 hours', lengthMs: 24 * 60 * 60 * 1000, bucketMs: 60 * 60 * 1000 },
  '7d': { label: 'Last 7 days', lengthMs: 7 * 24 * 60 * 60 * 1000, bucketMs: 6 * 60 * 60 * 1000 },
  '30d': { label: 'Last 30 days', lengthMs: 30 * 24 * 60 * 60 * 1000, bucketMs: 24 * 60 * 60 * 1000 },
} as const;

export type PeriodKey = keyof typeof PERIODS;
export const DEFAULT_PERIOD: PeriodKey = '24h';

/** The session list's query string, parsed. */
export interface SessionListParams {
  period: PeriodKey;
  filter: ConsoleSessionFilter;
  cursor: SessionCursor | undefined;
  /** Query parameters that were ignored because they were invalid, with the reason. */
  problems: string[];
}

const MAX_TEXT_LENGTH = 256;

/**
 * Parses the session list's query string. Invalid values are dropped and reported in
 * `problems`, so a mistyped link still shows a list.
 */
export function parseSessionFilter(query: Record<string, string | undefined>, nowMs: number): SessionListParams {
  const problems: string[] = [];

  let period: PeriodKey = DEFAULT_PERIOD;
  if (query.period) {
    if (query.period in PERIODS) period = query.period as PeriodKey;
    else problems.push(`period must be one of ${Object.keys(PERIODS).join(', ')}`);
  }
  const filter: ConsoleSessionFilter = { from: nowMs - PERIODS[period].lengthMs, to: nowMs };

  if (query.class) {
    if ((SESSION_CLASSES as readonly string[]).includes(query.class)) filter.class = query.class as SessionClass;
    else problems.push(`class must be one of ${SESSION_CLASSES.join(', ')}`);
  }
  if (query.agentDriven) {
    if (query.agentDriven === 'true' || query.agentDriven === 'false') filter.agentDriven = query.agentDriven === 'true';
    else problems.push('agentDriven must be true or false');
  }
  for (const [name, key] of [
    ['framework', 'framework'],
    ['identity', 'identityHash'],
  ] as const) {
    const value = query[name]?.trim();
    if (!value) continue;
    if (value.length > MAX_TEXT_LENGTH) problems.push(`${name} must be at most ${MAX_TEXT_LENGTH} characters`);
    else filter[key] = value;
  }

  let cursor: SessionCursor | undefined;
  if (query.cursor) {
    cursor = decodeCursor(query.cursor);
    if (cursor === undefined) problems.push('cursor is not valid; the list starts from the newest session');
  }
  return { period, filter, cursor, problems };
}

/** Encodes a list position for the `cursor` query parameter. */
export function encodeCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify([cursor.lastSeen, cursor.id])).toString('base64url');
}

function decodeCursor(raw: string): SessionCursor | undefined {
  try {
    const [lastSeen, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof lastSeen === 'number' && typeof id === 'string') return { lastSeen, id };
  } catch {
    // Reported by the caller as an invalid cursor.
  }
  return undefined;
}

/** Returns the query string of the list with these parameters, keeping only the set ones. */
export function sessionListQuery(params: Pick<SessionListParams, 'period' | 'filter'>, cursor?: SessionCursor): string {
  const search = new URLSearchParams();
  search.set('period', params.period);
  if (params.filter.class) search.set('class', params.filter.class);
  if (params.filter.agentDriven !== undefined) search.set('agentDriven', String(params.filter.agentDriven));
  if (params.filter.framework) search.set('framework', params.filter.framework);
  if (params.filter.identityHash) search.set('identity', params.filter.identityHash);
  if (cursor) search.set('cursor', encodeCursor(cursor));
  return search.toString();
}
