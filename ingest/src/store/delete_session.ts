import { eq } from 'drizzle-orm';

import type { Db } from './open_database';
import { beacons, decisions, sessionBaselines, sessions, windows } from './schema';

/** Deletes a session and everything derived from it in one transaction; returns whether it existed. */
export function deleteSession(db: Db, id: string): boolean {
  return db.transaction((tx) => {
    const result = tx.delete(sessions).where(eq(sessions.id, id)).run();
    tx.delete(beacons).where(eq(beacons.sessionId, id)).run();
    tx.delete(windows).where(eq(windows.sessionId, id)).run();
    tx.delete(sessionBaselines).where(eq(sessionBaselines.sessionId, id)).run();
    tx.delete(decisions).where(eq(decisions.sessionId, id)).run();
    return result.changes > 0;
  });
}
