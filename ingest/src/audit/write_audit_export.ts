import { iterateAuditRecords } from '../store/audit_records';
import type { Db } from '../store/open_database';
import { toAuditRecordView } from './audit_record_view';
import { toOcsfFinding } from './to_ocsf_finding';

export type AuditExportFormat = 'jsonl' | 'ocsf';

/**
 * Writes every audit record (from `from`, ms since the epoch, when set) in chain order, one
 * JSON object per line: the record view for `jsonl`, an OCSF Detection Finding for `ocsf`.
 * Returns the number of records written.
 */
export function writeAuditExport(db: Db, format: AuditExportFormat, write: (line: string) => void, options: { from?: number } = {}): number {
  let count = 0;
  for (const row of iterateAuditRecords(db, options)) {
    const record = format === 'jsonl' ? toAuditRecordView(row) : toOcsfFinding(row);
    write(`${JSON.stringify(record)}\n`);
    count += 1;
  }
  return count;
}
