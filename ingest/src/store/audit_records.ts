import { and, desc, eq, gt, gte, lt, lte, type SQL } from 'drizzle-orm';
import { isAgentDriven, type SessionClass } from '@telltale/shared';

import { auditLabel } from '../audit/audit_label';
import { GENESIS_HASH, hashAuditRecord } from '../audit/hash_audit_record';
import type { Db } from './open_database';
import { auditAnchors, auditRecords } from './schema_audit';

export type AuditRecordRow = typeof auditRecords.$inferSelect;
export type AuditAnchorRow = typeof auditAnchors.$inferSelect;

/** Fields a caller supplies for one audit record. `agentDriven`, `label`, the id and the hashes are derived. */
export interface AuditEntry {
  at: number;
  kind: 'class_changed' | 'tag_issued' | 'enforcement';
  siteId?: string | null;
  sessionId?: string | null;
  identityHash?: string | null;
  class: SessionClass;
  framework?: string | null;
  agentId?: string | null;
  score?: number | null;
  reasons: readonly string[];
  clientNetwork?: string | null;
  userAgent?: string | null;
  route?: string | null;
  outcome?: string | null;
  rule?: string | null;
  source: string;
}

/**
 * Appends records to the end of the chain in one immediate transaction, so that two
 * writers (the service and a CLI prune, say) never chain onto the same predecessor.
 * Returns the stored rows.
 */
export function appendAuditRecords(db: Db, entries: readonly AuditEntry[]): AuditRecordRow[] {
  if (entries.length === 0) return [];

  return db.transaction(
    (tx) => {
      const last = tx.select({ id: auditRecords.id, hash: auditRecords.hash }).from(auditRecords).orderBy(desc(auditRecords.id)).limit(1).get();
      const anchor = last ? undefined : latestAnchor(tx as unknown as Db);
      let prevHash = last?.hash ?? anchor?.lastHash ?? GENESIS_HASH;
      let id = last?.id ?? anchor?.lastId ?? 0;

      const rows: AuditRecordRow[] = [];
      for (const entry of entries) {
        id += 1;
        const fields = {
          id,
          at: entry.at,
          kind: entry.kind,
          siteId: entry.siteId ?? null,
          sessionId: entry.sessionId ?? null,
          identityHash: entry.identityHash ?? null,
          class: entry.class,
          agentDriven: isAgentDriven(entry.class),
          label: auditLabel(entry.class),
          framework: entry.framework ?? null,
          agentId: entry.agentId ?? null,
          score: entry.score ?? null,
          reasons: JSON.stringify(entry.reasons),
          clientNetwork: entry.clientNetwork ?? null,
          userAgent: entry.userAgent ?? null,
          route: entry.route ?? null,
          outcome: entry.outcome ?? null,
          rule: entry.rule ?? null,
          source: entry.source,
        };
        const row: AuditRecordRow = { ...fields, prevHash, hash: hashAuditRecord(prevHash, fields) };
        tx.insert(auditRecords).values(row).run();
        rows.push(row);
        prevHash = row.hash;
      }
      return rows;
    },
    { behavior: 'immediate' },
  );
}

/** Filters of `listAuditRecords`; times in ms since the epoch, both ends inclusive. */
export interface AuditQuery {
  class?: SessionClass;
  agentDriven?: boolean;
  framework?: string;
  sessionId?: string;
  from?: number;
  to?: number;
  /** Return records with ids below this one (the previous page's cursor). */
  beforeId?: number;
  limit: number;
}

/** Returns one page of audit records, newest first, and the cursor of the next page (null on the last page). */
export function listAuditRecords(db: Db, query: AuditQuery): { rows: AuditRecordRow[]; nextBeforeId: number | null } {
  const conditions: SQL[] = [];
  if (query.class !== undefined) conditions.push(eq(auditRecords.class, query.class));
  if (query.agentDriven !== undefined) conditions.push(eq(auditRecords.agentDriven, query.agentDriven));
  if (query.framework !== undefined) conditions.push(eq(auditRecords.framework, query.framework));
  if (query.sessionId !== undefined) conditions.push(eq(auditRecords.sessionId, query.sessionId));
  if (query.from !== undefined) conditions.push(gte(auditRecords.at, query.from));
  if (query.to !== undefined) conditions.push(lte(auditRecords.at, query.to));
  if (query.beforeId !== undefined) conditions.push(lt(auditRecords.id, query.beforeId));

  const rows = db
    .select()
    .from(auditRecords)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditRecords.id))
    .limit(query.limit + 1)
    .all();
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  return { rows: page, nextBeforeId: hasMore ? page[page.length - 1]!.id : null };
}

const ITERATION_CHUNK = 1000;

/** Iterates over audit records in chain order, reading them in chunks rather than all at once. */
export function* iterateAuditRecords(db: Db, options: { from?: number } = {}): Generator<AuditRecordRow> {
  let afterId = 0;
  for (;;) {
    const conditions: SQL[] = [gt(auditRecords.id, afterId)];
    if (options.from !== undefined) conditions.push(gte(auditRecords.at, options.from));
    const chunk = db.select().from(auditRecords).where(and(...conditions)).orderBy(auditRecords.id).limit(ITERATION_CHUNK).all();
    yield* chunk;
    if (chunk.length < ITERATION_CHUNK) return;
    afterId = chunk[chunk.length - 1]!.id;
  }
}

/** Returns the anchor left by the most recent prune, or undefined when nothing was ever pruned. */
export function latestAnchor(db: Db): AuditAnchorRow | undefined {
  return db.select().from(auditAnchors).orderBy(desc(auditAnchors.lastId)).limit(1).get();
}
