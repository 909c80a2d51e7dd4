import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Running statistics of one feature over an identity's confidently human windows
 * (Welford's algorithm). Identities appear only as their keyed hash.
 */
export const identityBaselines = sqliteTable(
  'identity_baselines',
  {
    /** HMAC-SHA-256 of the site and the identity the page named, as in `sessions.identity_hash`. */
    identityHash: text('identity_hash').notNull(),
    feature: text('feature').notNull(),
    /** Windows in which the feature had a value. */
    n: integer('n').notNull(),
    mean: real('mean').notNull(),
    /** Sum of squared deviations from the mean. */
    m2: real('m2').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identityHash, t.feature] })],
);
