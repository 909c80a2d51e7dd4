import type { AuditRecordRow } from '../store/audit_records';
import { toAuditRecordView } from './audit_record_view';

/** OCSF schema version the export follows. */
export const OCSF_VERSION = '1.3.0';

const DETECTION_FINDING_CLASS_UID = 2004;
const FINDINGS_CATEGORY_UID = 2;
const ACTIVITY_CREATE = 1;

/** OCSF `severity_id` values used here: 1 Informational, 2 Low, 3 Medium, 4 High. */
function severityOf(row: AuditRecordRow): { id: number; name: string } {
  if (row.class === 'rogue_bot' || row.outcome === 'blocked') return { id: 4, name: 'High' };
  if (row.outcome === 'forbidden' || row.outcome === 'rate_limited') return { id: 3, name: 'Medium' };
  if (row.agentDriven) return { id: 2, name: 'Low' };
  return { id: 1, name: 'Informational' };
}

function titleOf(row: AuditRecordRow): string {
  const subject = `${row.class} (${row.label})`;
  if (row.kind === 'class_changed') return `Session classified ${subject}`;
  if (row.kind === 'tag_issued') return `Session tag issued to ${subject}`;
  return `Backend decision ${row.outcome ?? 'unknown'} for ${subject}`;
}

/**
 * Maps an audit record to an OCSF Detection Finding event (class_uid 2004, activity
 * Create). Telltale's own fields, the chain hashes included, go under `unmapped.telltale`.
 */
export function toOcsfFinding(row: AuditRecordRow): Record<string, unknown> {
  const severity = severityOf(row);
  const view = toAuditRecordView(row);

  return {
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    category_uid: FINDINGS_CATEGORY_UID,
    category_name: 'Findings',
    class_uid: DETECTION_FINDING_CLASS_UID,
    class_name: 'Detection Finding',
    type_uid: DETECTION_FINDING_CLASS_UID * 100 + ACTIVITY_CREATE,
    type_name: 'Detection Finding: Create',
    severity_id: severity.id,
    severity: severity.name,
    time: row.at,
    status_id: 1,
    status: 'New',
    is_alert: severity.id >= 3,
    message: titleOf(row),
    confidence_score: row.score === null ? undefined : Math.round(row.score * 100),
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Telltale', vendor_name: 'Telltale' },
      uid: row.hash,
      sequence: row.id,
      labels: [row.label],
    },
    finding_info: {
      uid: `telltale-audit-${row.id}`,
      title: titleOf(row),
      types: [row.kind],
      created_time: row.at,
      desc: row.reasons === '[]' ? undefined : `Reasons: ${view.reasons.join(', ')}`,
    },
    unmapped: { telltale: view },
  };
}
