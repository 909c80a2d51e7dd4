/**
 * Drizzle schema of the ingest database (SQLite). Columns are snake_case in SQL and
 * camelCase in TypeScript; times are milliseconds since the epoch.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Sites that may send beacons, keyed by the public site key of the script tag. */
export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of allowed page origins; `["*"]` allows any. */
  origins: text('origins').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** One row per browser session: the latest decision, the current tag and the classifier's running state. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull(),
    class: text('class').notNull(),
    agentDriven: integer('agent_driven', { mode: 'boolean' }).notNull(),
    framework: text('framework'),
    score: real('score').notNull(),
    /** JSON array of reason codes, most important first. */
    reasons: text('reasons').notNull(),
    /** JSON array of evidence objects behind the reasons. */
    evidence: text('evidence').notNull(),
    firstSeen: integer('first_seen').notNull(),
    lastSeen: integer('last_seen').notNull(),
    lastSeq: integer('last_seq').notNull(),
    beaconCount: integer('beacon_count').notNull(),
    eventCount: integer('event_count').notNull(),
    userAgent: text('user_agent'),
    /** Client address truncated to its /24 (IPv4) or /48 (IPv6) network. */
    clientNetwork: text('client_network'),
    /** Keyed hash of the signed-in identity, when the page names one. */
    identityHash: text('identity_hash'),
    /** JSON of the classifier's running per-session state (bounded size). */
    state: text('state').notNull(),
    tag: text('tag').notNull(),
    tagClass: text('tag_class').notNull(),
    tagExpiresAt: integer('tag_expires_at').notNull(),
  },
  (t) => [
    index('sessions_last_seen_idx').on(t.lastSeen, t.id),
    index('sessions_class_last_seen_idx').on(t.class, t.lastSeen),
    index('sessions_site_id_last_seen_idx').on(t.siteId, t.lastSeen),
  ],
);

/** Raw events as received, one row per beacon; pruned by retention while features and decisions stay. */
export const beacons = sqliteTable(
  'beacons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    seq: integer('seq').notNull(),
    page: integer('page').notNull(),
    path: text('path').notNull(),
    receivedAt: integer('received_at').notNull(),
    eventCount: integer('event_count').notNull(),
    /** JSON array of the beacon's events (timing and coarse classes only, never typed text). */
    events: text('events').notNull(),
    /** JSON of the environment facts, when the beacon carried them. */
    env: text('env'),
  },
  (t) => [
    uniqueIndex('beacons_session_id_seq_idx').on(t.sessionId, t.seq),
    index('beacons_received_at_idx').on(t.receivedAt),
  ],
);

/** Feature values and score of each beacon's window of activity. */
export const windows = sqliteTable(
  'windows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    seq: integer('seq').notNull(),
    computedAt: integer('computed_at').notNull(),
    /** JSON object of feature name to value. */
    features: text('features').notNull(),
    class: text('class').notNull(),
    score: real('score').notNull(),
  },
  (t) => [uniqueIndex('windows_session_id_seq_idx').on(t.sessionId, t.seq)],
);

/** Each session's own behavioural baseline over its first windows of activity. */
export const sessionBaselines = sqliteTable('session_baselines', {
  sessionId: text('session_id').primaryKey(),
  /** JSON of running means and variances per feature. */
  stats: text('stats').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Every change of a session's class, with the evidence that caused it. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    at: integer('at').notNull(),
    class: text('class').notNull(),
    previousClass: text('previous_class'),
    agentDriven: integer('agent_driven', { mode: 'boolean' }).notNull(),
    framework: text('framework'),
    score: real('score').notNull(),
    reasons: text('reasons').notNull(),
    evidence: text('evidence').notNull(),
  },
  (t) => [index('decisions_session_id_at_idx').on(t.sessionId, t.at), index('decisions_at_idx').on(t.at)],
);

/** Registry of authorized agents. */
export const agents = sqliteTable(
  'agents',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Origin of the agent's key directory, as sent in `Signature-Agent`. */
    signatureAgent: text('signature_agent').notNull(),
    /** JSON array of allowed data scopes. */
    scopes: text('scopes').notNull(),
    /** JSON of the agent's rate limit, or null for the class default. */
    rateLimit: text('rate_limit'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('agents_signature_agent_idx').on(t.signatureAgent)],
);
export * from './schema_audit';
export * from './schema_agents';
export * from './schema_identity';
