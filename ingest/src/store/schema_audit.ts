/**
 * Drizzle schema of the audit log: append-only records chained by SHA-256, and the
 * anchors left by retention pruning. Times are milliseconds since the epoch.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One audit record. `hash` is SHA-256 over `prev_hash` and the canonical JSON of every
 * other column (see `hashAuditRecord`), so editing, deleting or reordering rows breaks the chain.
 */
export const auditRecords = sqliteTable(
  'audit_records',
  {
    /** Position in the chain; assigned by `appendAuditRecords`, never reused. */
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    /** `class_changed` or `tag_issued` (written by ingest), `enforcement` (reported by a backend). */
    kind: text('kind').notNull(),
    siteId: text('site_id'),
    sessionId: text('session_id'),
    /** Keyed hash of the signed-in identity, when known. */
    identityHash: text('identity_hash'),
    class: text('class').notNull(),
    agentDriven: integer('agent_driven', { mode: 'boolean' }).notNull(),
    /** `Agent-Driven` for automation, `Human` for people, `Unknown` otherwise. */
    label: text('label').notNull(),
    framework: text('framework'),
    /** Proven agent identity (registered agent id or key directory origin), when one was proven. */
    agentId: text('agent_id'),
    score: real('score'),
    /** JSON array of reason codes, most important first. */
    reasons: text('reasons').notNull(),
    /** Client address truncated to its /24 (IPv4) or /48 (IPv6) network. */
    clientNetwork: text('client_network'),
    userAgent: text('user_agent'),
    /** Route of the request, such as `/v1/collect` or `GET /api/account`. */
    route: text('route'),
    /** Policy outcome of an enforcement record: `allowed`, `rate_limited`, `forbidden`, `blocked` or `unavailable`. */
    outcome: text('outcome'),
    /** Name of the policy rule behind the outcome, such as `labels.account`. */
    rule: text('rule'),
    /** Writer of the record: `ingest`, or the reporting backend's name. */
    source: text('source').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_records_at_idx').on(t.at),
    index('audit_records_class_id_idx').on(t.class, t.id),
    index('audit_records_session_id_id_idx').on(t.sessionId, t.id),
    index('audit_records_agent_driven_id_idx').on(t.agentDriven, t.id),
    index('audit_records_framework_id_idx').on(t.framework, t.id),
  ],
);

/** Left by each retention prune: the chain continues from `lastHash` after record `lastId`. */
export const auditAnchors = sqliteTable('audit_anchors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  /** Id of the last record pruned. */
  lastId: integer('last_id').notNull(),
  /** Hash of the last record pruned; the first remaining record's `prev_hash`. */
  lastHash: text('last_hash').notNull(),
  /** Records deleted by this prune. */
  prunedCount: integer('pruned_count').notNull(),
});
