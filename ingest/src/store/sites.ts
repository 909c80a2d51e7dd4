import { eq } from 'drizzle-orm';

import type { Db } from './open_database';
import { sites } from './schema';

export interface Site {
  id: string;
  name: string;
  /** Allowed page origins; `*` allows any. */
  origins: string[];
}

/** Inserts the site, or updates its name and origins when the key exists. */
export function upsertSite(db: Db, site: Site, now: number): void {
  db.insert(sites)
    .values({ id: site.id, name: site.name, origins: JSON.stringify(site.origins), createdAt: now })
    .onConflictDoUpdate({ target: sites.id, set: { name: site.name, origins: JSON.stringify(site.origins) } })
    .run();
}

/** Returns the site with this key, or undefined. */
export function findSite(db: Db, id: string): Site | undefined {
  const row = db.select().from(sites).where(eq(sites.id, id)).get();
  if (!row) return undefined;
  return { id: row.id, name: row.name, origins: JSON.parse(row.origins) as string[] };
}

/** Returns the keys of all registered sites. */
export function listSiteIds(db: Db): string[] {
  return db.select({ id: sites.id }).from(sites).all().map((row) => row.id);
}
