/**
 * Agent registry columns beyond the `agents` table: who operates each agent and which
 * keys it signs with. One row per agent, deleted with it.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const agentIdentities = sqliteTable('agent_identities', {
  agentId: text('agent_id').primaryKey(),
  /** Company or person that runs the agent. */
  operator: text('operator'),
  /** JSON array of the JWK thumbprints (RFC 7638, SHA-256) the agent may sign with; empty allows every key in its directory. */
  keyThumbprints: text('key_thumbprints').notNull(),
});
