import { toAuditRecordView } from '../audit/audit_record_view';
import { toOcsfFinding } from '../audit/to_ocsf_finding';
import type { AuditExportFormat } from '../audit/write_audit_export';
import { iterateAuditRecords } from '../store/audit_records';
import type { Db } from '../store/open_database';

/** Lines read from the database per chunk of the response. */
const LINES_PER_CHUNK = 500;

/**
 * Streams every audit record in chain order as JSON Lines (the record view, or an OCSF
 * finding), reading the database chunk by chunk as the client reads the response.
 */
export function streamAuditExport(db: Db, format: AuditExportFormat): ReadableStream<Uint8Array> {
  const records = iterateAuditRecords(db);
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      let chunk = '';
      for (let i = 0; i < LINES_PER_CHUNK; i++) {
        const next = records.next();
        if (next.done) {
          if (chunk !== '') controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        const record = format === 'jsonl' ? toAuditRecordView(next.value) : toOcsfFinding(next.value);
        chunk += `${JSON.stringify(record)}\n`;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      records.return(undefined);
    },
  });
}
