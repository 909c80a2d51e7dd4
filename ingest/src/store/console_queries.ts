/**
 * Read-only queries behind the operator console. Lists are paged or limited. The
 * session queries walk the `(last_seen, id)`, `(class, last_seen)`, `(framework, last_seen)`
 * or `(identity_hash, last_seen)` index.
 */
import { and, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { SESSION_CLASSES, isAgentDriven, type SessionClass } from '@telltale/shared';

import type { Db } from './open_database';
import { auditRecords, beacons, sessionBaselines, sessions } from './schema';

/** Filters of the session list; times in ms since the epoch, both ends inclusive. */
export interface ConsoleSessionFilter {
  class?: SessionClass;
  agentDriven?: boolean;
  framework?: string;
  identityHash?: string;
  from: number;
  to: number;
}

/** Position in the list after which the next page starts. */
export interface SessionCursor {
  lastSeen: number;
  id: string;
}

const listColumns = {
  id: sessions.id,
  siteId: sessions.siteId,
  class: sessions.class,
  agentDriven: sessions.agentDriven,
  framework: sessions.framework,
  score: sessions.score,
  reasons: sessions.reasons,
  firstSeen: sessions.firstSeen,
  lastSeen: sessions.lastSeen,
  eventCount: sessions.eventCount,
  userAgent: sessions.userAgent,
  identityHash: sessions.identityHash,
};

export type ConsoleSessionRow = {
  id: string;
  siteId: string;
  class: string;
  agentDriven: boolean;
  framework: string | null;
  score: number;
  reasons: string;
  firstSeen: number;
  lastSeen: number;
  eventCount: number;
  userAgent: string | null;
  identityHash: string | null;
};

function sessionConditions(filter: ConsoleSessionFilter): SQL[] {
  const conditions: SQL[] = [gte(sessions.lastSeen, filter.from), lte(sessions.lastSeen, filter.to)];
  if (filter.class !== undefined) conditions.push(eq(sessions.class, filter.class));
  if (filter.agentDriven !== undefined) conditions.push(eq(sessions.agentDriven, filter.agentDriven));
  if (filter.framework !== undefined) conditions.push(eq(sessions.framework, filter.framework));
  if (filter.identityHash !== undefined) conditions.push(eq(sessions.identityHash, filter.identityHash));
  return conditions;
}

/**
 * Returns one page of sessions, newest activity first, without the classifier state or
 * evidence columns. `next` is the cursor of the following page, or null on the last page.
 */
export function listConsoleSessions(
  db: Db,
  filter: ConsoleSessionFilter,
  page: { limit: number; after?: SessionCursor },
): { rows: ConsoleSessionRow[]; next: SessionCursor | null } {
  const conditions = sessionConditions(filter);
  if (page.after) {
    const { lastSeen, id } = page.after;
    conditions.push(or(lt(sessions.lastSeen, lastSeen), and(eq(sessions.lastSeen, lastSeen), lt(sessions.id, id)))!);
  }

  const rows = db
    .select(listColumns)
    .from(sessions)
    .where(and(...conditions))
    .orderBy(desc(sessions.lastSeen), desc(sessions.id))
    .limit(page.limit + 1)
    .all();

  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { rows: pageRows, next: hasMore && last ? { lastSeen: last.lastSeen, id: last.id } : null };
}

/**
 * Returns the classes a filter admits. Without a framework or identity filter the count
 * queries run once per class, because `class = ?` with a `last_seen` range reads only the
 * covering `(class, last_seen)` index. One grouped query over the period would read every
 * session row in it.
 */
function classesOf(filter: ConsoleSessionFilter): SessionClass[] {
  return SESSION_CLASSES.filter(
    (cls) => (filter.class === undefined || cls === filter.class) && (filter.agentDriven === undefined || isAgentDriven(cls) === filter.agentDriven),
  );
}

/** With a framework or identity filter, one grouped query on that column's index reads fewer rows than one query per class. */
function hasRowFilter(filter: ConsoleSessionFilter): boolean {
  return filter.framework !== undefined || filter.identityHash !== undefined;
}

function perClassConditions(filter: ConsoleSessionFilter, cls: SessionClass): SQL[] {
  // The class decides agent_driven, so that filter is already applied by choosing the classes.
  return sessionConditions({ ...filter, class: cls, agentDriven: undefined });
}

/** Returns the number of sessions per class whose last activity falls in the filter's period. */
export function countSessionsByClass(db: Db, filter: ConsoleSessionFilter): Map<string, number> {
  if (hasRowFilter(filter)) {
    const rows = db
      .select({ class: sessions.class, count: sql<number>`count(*)` })
      .from(sessions)
      .where(and(...sessionConditions(filter)))
      .groupBy(sessions.class)
      .all();
    return new Map(rows.map((row) => [row.class, row.count]));
  }

  const counts = new Map<string, number>();
  for (const cls of classesOf(filter)) {
    const row = db
      .select({ count: sql<number>`count(*)` })
      .from(sessions)
      .where(and(...perClassConditions(filter, cls)))
      .get();
    counts.set(cls, row?.count ?? 0);
  }
  return counts;
}

/** Sessions of one class in one time bucket of `countSessionsOverTime`. */
export interface ClassBucketCount {
  class: string;
  /** Bucket index from 0, counted from the filter's `from`. */
  bucket: number;
  count: number;
}

/** Returns session counts per class and time bucket of `bucketMs`, by last activity, over the filter's period. */
export function countSessionsOverTime(db: Db, filter: ConsoleSessionFilter, bucketMs: number): ClassBucketCount[] {
  // Bound JS numbers arrive as REAL, so the cast keeps the division whole and the buckets few.
  const bucket = sql<number>`cast((${sessions.lastSeen} - ${filter.from}) / ${bucketMs} as integer)`;

  if (hasRowFilter(filter)) {
    return db
      .select({ class: sessions.class, bucket, count: sql<number>`count(*)` })
      .from(sessions)
      .where(and(...sessionConditions(filter)))
      .groupBy(sessions.class, bucket)
      .all();
  }

  return classesOf(filter).flatMap((cls) =>
    db
      .select({ bucket, count: sql<number>`count(*)` })
      .from(sessions)
      .where(and(...perClassConditions(filter, cls)))
      .groupBy(bucket)
      .all()
      .map((row) => ({ class: cls, bucket: row.bucket, count: row.count })),
  );
}

/** Stored raw events of one beacon, as the session page reads them. */
export interface ConsoleBeaconRow {
  seq: number;
  page: number;
  path: string;
  receivedAt: number;
  events: string;
  env: string | null;
}

/** Returns up to `limit` stored beacons of a session in sequence order. */
export function listSessionBeacons(db: Db, sessionId: string, limit: number): ConsoleBeaconRow[] {
  return db
    .select({ seq: beacons.seq, page: beacons.page, path: beacons.path, receivedAt: beacons.receivedAt, events: beacons.events, env: beacons.env })
    .from(beacons)
    .where(eq(beacons.sessionId, sessionId))
    .orderBy(beacons.seq)
    .limit(limit)
    .all();
}

/** Returns the session's own baseline statistics as stored JSON, or undefined when it has none. */
export function findSessionBaseline(db: Db, sessionId: string): string | undefined {
  return db.select({ stats: sessionBaselines.stats }).from(sessionBaselines).where(eq(sessionBaselines.sessionId, sessionId)).get()?.stats;
}

/**
 * Returns the events of the most recent beacons of the latest `sessionLimit` human
 * sessions, at most `beaconLimit` beacons in all, with their session ids: the population
 * the key timing histograms are drawn against.
 */
export function listHumanPopulationEvents(db: Db, sessionLimit: number, beaconLimit: number): { sessionId: string; events: string }[] {
  const humans = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.class, 'human'))
    .orderBy(desc(sessions.lastSeen))
    .limit(sessionLimit)
    .all();
  if (humans.length === 0) return [];

  return db
    .select({ sessionId: beacons.sessionId, events: beacons.events })
    .from(beacons)
    .where(
      inArray(
        beacons.sessionId,
        humans.map((h) => h.id),
      ),
    )
    .orderBy(desc(beacons.receivedAt))
    .limit(beaconLimit)
    .all();
}

/** One proven agent identity seen in the audit log since a time. */
export interface AgentActivityRow {
  agentId: string;
  sessions: number;
  requests: number;
  lastSeen: number;
}

/**
 * Returns the proven agent identities in the audit records since `from` (ms since the
 * epoch), with their distinct sessions, record count and latest record time.
 * NOTE: this reads every audit record since `from` through the `at` index, because no
 * index starts with `agent_id`, so it slows down as the audit log grows.
 */
export function listAgentActivity(db: Db, from: number, limit: number): AgentActivityRow[] {
  return db
    .select({
      agentId: sql<string>`${auditRecords.agentId}`,
      sessions: sql<number>`count(distinct ${auditRecords.sessionId})`,
      requests: sql<number>`count(*)`,
      lastSeen: sql<number>`max(${auditRecords.at})`,
    })
    .from(auditRecords)
    .where(and(gte(auditRecords.at, from), isNotNull(auditRecords.agentId)))
    .groupBy(auditRecords.agentId)
    .orderBy(desc(sql`count(*)`))
    .limit(limit)
    .all();
}

/** How often one policy rule produced one outcome for one agent identity. */
export interface AgentRuleRow {
  agentId: string;
  rule: string;
  outcome: string | null;
  count: number;
}

/** Returns the policy rules that fired for proven agent identities in enforcement records since `from`. */
export function listAgentRules(db: Db, from: number, limit: number): AgentRuleRow[] {
  return db
    .select({
      agentId: sql<string>`${auditRecords.agentId}`,
      rule: sql<string>`${auditRecords.rule}`,
      outcome: auditRecords.outcome,
      count: sql<number>`count(*)`,
    })
    .from(auditRecords)
    .where(and(gte(auditRecords.at, from), isNotNull(auditRecords.agentId), isNotNull(auditRecords.rule)))
    .groupBy(auditRecords.agentId, auditRecords.rule, auditRecords.outcome)
    .orderBy(desc(sql`count(*)`))
    .limit(limit)
    .all();
}
