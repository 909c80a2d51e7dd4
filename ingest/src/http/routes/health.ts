import { Hono } from 'hono';
import { sql } from 'drizzle-orm';

import type { AppDependencies, AppEnv } from '../app_env';

/** `GET /healthz`: 200 when a database query succeeds, so the service can accept beacons. */
export function healthRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => {
    try {
      deps.db.get(sql`select 1`);
      return c.json({ status: 'ok' });
    } catch (error) {
      c.get('log').error({ event: 'health_check_failed', err: error });
      return c.json({ status: 'unavailable', error: { code: 'unavailable', message: 'Database is not reachable; check TELLTALE_DB and disk space.' } }, 503);
    }
  });
  return app;
}
