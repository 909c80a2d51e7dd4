import { lt } from 'drizzle-orm';

import type { Db } from './open_database';
import { beacons } from './schema';

/** Deletes raw events received before `before` (ms since the epoch); features and decisions stay. Returns the rows deleted. */
export function pruneRawEvents(db: Db, before: number): number {
  return db.delete(beacons).where(lt(beacons.receivedAt, before)).run().changes;
}
