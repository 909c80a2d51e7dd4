import { GENESIS_HASH, hashAuditRecord } from '../audit/hash_audit_record';
import { iterateAuditRecords, latestAnchor } from './audit_records';
import type { Db } from './open_database';

/** Result of `verifyAuditChain`, as `GET /v1/audit/verify` returns it. */
export interface AuditChainReport {
  ok: boolean;
  /** Records checked. */
  records: number;
  /** Id of the first record whose position, content or link does not match, or null when the chain is intact. */
  firstBrokenId: number | null;
  /** Records removed by retention pruning, whose last hash the chain continues from. */
  pruned: number;
}

/**
 * Walks the audit log in id order, from the latest prune anchor (or the genesis hash),
 * and checks that ids follow one another, that each `prev_hash` is the previous record's
 * hash, and that each hash matches the record's content.
 *
 * NOTE: removing records from the end of the log leaves a valid shorter chain. Only an
 * external copy of the latest hash (an export, a SIEM) detects that.
 */
export function verifyAuditChain(db: Db): AuditChainReport {
  const anchor = latestAnchor(db);
  const pruned = (db.$client.prepare('select coalesce(sum(pruned_count), 0) as total from audit_anchors').get() as { total: number }).total;
  let expectedPrev = anchor?.lastHash ?? GENESIS_HASH;
  let expectedId = (anchor?.lastId ?? 0) + 1;
  let records = 0;

  for (const row of iterateAuditRecords(db)) {
    records += 1;
    const { prevHash, hash, ...fields } = row;
    const intact = row.id === expectedId && prevHash === expectedPrev && hash === hashAuditRecord(prevHash, fields);
    if (!intact) return { ok: false, records, firstBrokenId: row.id, pruned };
    expectedPrev = hash;
    expectedId += 1;
  }
  return { ok: true, records, firstBrokenId: null, pruned };
}
