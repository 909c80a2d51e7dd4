import { z } from 'zod';
import { SESSION_CLASSES, type SessionClass } from '@telltale/shared';

import type { AuditRecordRow } from '../store/audit_records';

/**
 * An audit record as `GET /v1/audit` and the JSONL export show it: times as ISO 8601,
 * reasons as an array, and the chain hashes so that a copy can be checked later.
 */
export const auditRecordViewSchema = z.strictObject({
  id: z.number().int().positive(),
  at: z.iso.datetime(),
  kind: z.enum(['class_changed', 'tag_issued', 'enforcement']),
  siteId: z.string().nullable(),
  sessionId: z.string().nullable(),
  identityHash: z.string().nullable(),
  class: z.enum(SESSION_CLASSES as [SessionClass, ...SessionClass[]]),
  agentDriven: z.boolean(),
  label: z.enum(['Agent-Driven', 'Human', 'Unknown']),
  framework: z.string().nullable(),
  agentId: z.string().nullable(),
  score: z.number().min(0).max(1).nullable(),
  reasons: z.array(z.string()),
  clientNetwork: z.string().nullable(),
  userAgent: z.string().nullable(),
  route: z.string().nullable(),
  outcome: z.string().nullable(),
  rule: z.string().nullable(),
  source: z.string(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type AuditRecordView = z.infer<typeof auditRecordViewSchema>;

/** Converts a stored audit row to its public view. */
export function toAuditRecordView(row: AuditRecordRow): AuditRecordView {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    kind: row.kind as AuditRecordView['kind'],
    siteId: row.siteId,
    sessionId: row.sessionId,
    identityHash: row.identityHash,
    class: row.class as SessionClass,
    agentDriven: row.agentDriven,
    label: row.label as AuditRecordView['label'],
    framework: row.framework,
    agentId: row.agentId,
    score: row.score,
    reasons: JSON.parse(row.reasons) as string[],
    clientNetwork: row.clientNetwork,
    userAgent: row.userAgent,
    route: row.route,
    outcome: row.outcome,
    rule: row.rule,
    source: row.source,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
