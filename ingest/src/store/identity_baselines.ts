import { eq } from 'drizzle-orm';

import type { IdentityBaseline } from '../classify/identity_deviation';
import type { Db } from './open_database';
import { identityBaselines } from './schema';

/** Loads the running statistics stored for an identity hash; empty when it has none yet. */
export function loadIdentityBaseline(db: Db, identityHash: string): IdentityBaseline {
  const rows = db.select().from(identityBaselines).where(eq(identityBaselines.identityHash, identityHash)).all();
  const baseline: IdentityBaseline = {};
  for (const row of rows) baseline[row.feature] = { n: row.n, mean: row.mean, m2: row.m2 };
  return baseline;
}

/** Inserts or replaces the statistics of every feature in `baseline` for an identity hash. */
export function saveIdentityBaseline(db: Db, identityHash: string, baseline: IdentityBaseline, now: number): void {
  for (const [feature, stat] of Object.entries(baseline)) {
    const values = { n: stat.n, mean: stat.mean, m2: stat.m2, updatedAt: now };
    db.insert(identityBaselines)
      .values({ identityHash, feature, ...values })
      .onConflictDoUpdate({ target: [identityBaselines.identityHash, identityBaselines.feature], set: values })
      .run();
  }
}
