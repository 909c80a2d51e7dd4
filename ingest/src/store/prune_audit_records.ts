import { desc, gte, lte, max, min } from 'drizzle-orm';

import type { Db } from './open_database';
import { auditAnchors, auditRecords } from './schema_audit';

/**
 * Deletes the oldest audit records, those before the first record with `at >= before`
 * (ms since the epoch), and stores an anchor with the hash of the last one deleted, so
 * the remaining chain still verifies. Records are removed only as a prefix of the chain:
 * an old record that follows a newer one stays until that one is old enough too.
 * Returns the number of records deleted.
 */
export function pruneAuditRecords(db: Db, before: number, nowMs: number): number {
  return db.transaction(
    (tx) => {
      const firstKept = tx.select({ id: min(auditRecords.id) }).from(auditRecords).where(gte(auditRecords.at, before)).get()?.id ?? null;
      const lastCandidate = tx.select({ id: max(auditRecords.id) }).from(auditRecords).get()?.id ?? null;
      if (lastCandidate === null) return 0;

      const lastPrunedId = firstKept === null ? lastCandidate : firstKept - 1;
      const lastPruned = tx.select({ id: auditRecords.id, hash: auditRecords.hash }).from(auditRecords).where(lte(auditRecords.id, lastPrunedId)).orderBy(desc(auditRecords.id)).limit(1).get();
      if (!lastPruned) return 0;

      const deleted = tx.delete(auditRecords).where(lte(auditRecords.id, lastPruned.id)).run().changes;
      tx.insert(auditAnchors).values({ at: nowMs, lastId: lastPruned.id, lastHash: lastPruned.hash, prunedCount: deleted }).run();
      return deleted;
    },
    { behavior: 'immediate' },
  );
}
