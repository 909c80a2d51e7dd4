import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Evidence, Reason, SessionClass } from '@telltale/shared';

import type { Db } from './open_database';
import { beacons, decisions, sessionBaselines, sessions, windows } from './schema';

export type SessionRow = typeof sessions.$inferSelect;

/** Returns the stored session with this id, or undefined. */
export function findSession(db: Db, id: string): SessionRow | undefined {
  return db.select().from(sessions).where(eq(sessions.id, id)).get();
}

/** Everything one accepted beacon writes. */
export interface BeaconWrite {
  session: typeof sessions.$inferInsert;
  previousClass: SessionClass | null;
  beacon: typeof beacons.$inferInsert;
  window: typeof windows.$inferInsert;
  /** Baseline statistics to store, or null when the session has none yet. */
  baseline: unknown;
}

/**
 * Writes one accepted beacon in a single transaction: the raw events, the window's
 * features, the session row, its baseline, and a decision record when the class changed.
 * Returns false, writing nothing, when another beacon with this or a later sequence
 * number was stored first.
 */
export function saveBeacon(db: Db, write: BeaconWrite): boolean {
  return db.transaction((tx) => {
    const current = tx.select({ lastSeq: sessions.lastSeq }).from(sessions).where(eq(sessions.id, write.session.id)).get();
    if (current && current.lastSeq >= write.beacon.seq) return false;

    tx.insert(beacons).values(write.beacon).run();
    tx.insert(windows).values(write.window).run();
    tx.insert(sessions).values(write.session).onConflictDoUpdate({ target: sessions.id, set: write.session }).run();

    if (write.baseline != null) {
      const stats = JSON.stringify(write.baseline);
      tx.insert(sessionBaselines)
        .values({ sessionId: write.session.id, stats, updatedAt: write.session.lastSeen })
        .onConflictDoUpdate({ target: sessionBaselines.sessionId, set: { stats, updatedAt: write.session.lastSeen } })
        .run();
    }

    if (write.previousClass !== write.session.class) {
      tx.insert(decisions)
        .values({
          sessionId: write.session.id,
          at: write.session.lastSeen,
          class: write.session.class,
          previousClass: write.previousClass,
          agentDriven: write.session.agentDriven,
          framework: write.session.framework ?? null,
          score: write.session.score,
          reasons: write.session.reasons,
          evidence: write.session.evidence,
        })
        .run();
    }
    return true;
  });
}

/** A session as the admin API shows it. */
export interface SessionView {
  id: string;
  siteId: string;
  class: SessionClass;
  agentDriven: boolean;
  framework: string | null;
  score: number;
  reasons: Reason[];
  evidence: Evidence[];
  firstSeen: string;
  lastSeen: string;
  beaconCount: number;
  eventCount: number;
  userAgent: string | null;
  clientNetwork: string | null;
}

export function toSessionView(row: SessionRow): SessionView {
  return {
    id: row.id,
    siteId: row.siteId,
    class: row.class as SessionClass,
    agentDriven: row.agentDriven,
    framework: row.framework,
    score: row.score,
    reasons: JSON.parse(row.reasons) as Reason[],
    evidence: JSON.parse(row.evidence) as Evidence[],
    firstSeen: new Date(row.firstSeen).toISOString(),
    lastSeen: new Date(row.lastSeen).toISOString(),
    beaconCount: row.beaconCount,
    eventCount: row.eventCount,
    userAgent: row.userAgent,
    clientNetwork: row.clientNetwork,
  };
}

export interface SessionListQuery {
  limit: number;
  class?: SessionClass;
  /** Position after which to continue, from a previous page's `next`. */
  after?: { lastSeen: number; id: string };
}

/**
 * Returns one page of sessions, newest activity first, using the `(last_seen, id)` or
 * `(class, last_seen)` index; `next` is the position to pass for the following page.
 */
export function listSessions(db: Db, query: SessionListQuery): { rows: SessionRow[]; next: { lastSeen: number; id: string } | null } {
  const filters: SQL[] = [];
  if (query.class) filters.push(eq(sessions.class, query.class));
  if (query.after) {
    const { lastSeen, id } = query.after;
    filters.push(or(lt(sessions.lastSeen, lastSeen), and(eq(sessions.lastSeen, lastSeen), lt(sessions.id, id)))!);
  }

  const rows = db
    .select()
    .from(sessions)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(desc(sessions.lastSeen), desc(sessions.id))
    .limit(query.limit + 1)
    .all();

  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: hasMore && last ? { lastSeen: last.lastSeen, id: last.id } : null };
}

/** Returns the decision records of a session, oldest first. */
export function listDecisions(db: Db, sessionId: string) {
  return db.select().from(decisions).where(eq(decisions.sessionId, sessionId)).orderBy(decisions.at, decisions.id).all();
}

/** Returns the stored windows (per-beacon feature values) of a session, in sequence order. */
export function listWindows(db: Db, sessionId: string, limit: number) {
  return db.select().from(windows).where(eq(windows.sessionId, sessionId)).orderBy(windows.seq).limit(limit).all();
}
