import { createHash } from 'node:crypto';

import type { auditRecords } from '../store/schema_audit';
import { canonicalJson } from './canonical_json';

type AuditRecordRow = typeof auditRecords.$inferSelect;

/** `prev_hash` of the first record of a chain that was never pruned. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Computes a record's chain hash: SHA-256 (hex) of `prevHash` followed by the canonical
 * JSON of every other column, the id included, so that a record moved to another
 * position no longer matches.
 */
export function hashAuditRecord(prevHash: string, record: Omit<AuditRecordRow, 'prevHash' | 'hash'>): string {
  const fields = {
    id: record.id,
    at: record.at,
    kind: record.kind,
    siteId: record.siteId,
    sessionId: record.sessionId,
    identityHash: record.identityHash,
    class: record.class,
    agentDriven: record.agentDriven,
    label: record.label,
    framework: record.framework,
    agentId: record.agentId,
    score: record.score,
    reasons: record.reasons,
    clientNetwork: record.clientNetwork,
    userAgent: record.userAgent,
    route: record.route,
    outcome: record.outcome,
    rule: record.rule,
    source: record.source,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}
