import { Hono } from 'hono';

import { deleteSession } from '../../store/delete_session';
import { findSession, listDecisions, listSessions, listWindows, toSessionView } from '../../store/sessions';
import { ApiError } from '../api_error';
import { requireAdminToken } from '../admin_auth';
import type { AppDependencies, AppEnv } from '../app_env';
import { parseClassParam, parseLimitParam } from '../query_params';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** Admin routes: `GET /v1/sessions`, `GET /v1/sessions/:id`, `DELETE /v1/sessions/:id`. */
export function sessionRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  app.use('/v1/sessions', requireAdminToken(deps.adminToken));
  app.use('/v1/sessions/*', requireAdminToken(deps.adminToken));

  app.get('/v1/sessions', (c) => {
    const limit = parseLimitParam(c.req.query('limit'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const cls = parseClassParam(c.req.query('class'));
    const after = parseCursor(c.req.query('cursor'));

    const page = listSessions(deps.db, { limit, class: cls, after });
    return c.json({ sessions: page.rows.map(toSessionView), next: page.next ? encodeCursor(page.next) : null });
  });

  app.get('/v1/sessions/:id', (c) => {
    const row = findSession(deps.db, c.req.param('id'));
    if (!row) throw new ApiError('not_found', 'No session has this id; list sessions with GET /v1/sessions.');
    const decisions = listDecisions(deps.db, row.id).map((d) => ({
      at: new Date(d.at).toISOString(),
      class: d.class,
      previousClass: d.previousClass,
      agentDriven: d.agentDriven,
      framework: d.framework,
      score: d.score,
      reasons: JSON.parse(d.reasons),
      evidence: JSON.parse(d.evidence),
    }));
    const windows = listWindows(deps.db, row.id, 500).map((w) => ({
      seq: w.seq,
      at: new Date(w.computedAt).toISOString(),
      class: w.class,
      score: w.score,
      features: JSON.parse(w.features),
    }));
    return c.json({ ...toSessionView(row), decisions, windows });
  });

  app.delete('/v1/sessions/:id', (c) => {
    const deleted = deleteSession(deps.db, c.req.param('id'));
    if (!deleted) throw new ApiError('not_found', 'No session has this id; nothing was deleted.');
    c.get('log').info({ event: 'session_deleted', sessionId: c.req.param('id') });
    return c.body(null, 204);
  });

  return app;
}

function encodeCursor(position: { lastSeen: number; id: string }): string {
  return Buffer.from(JSON.stringify([position.lastSeen, position.id])).toString('base64url');
}

function parseCursor(raw: string | undefined): { lastSeen: number; id: string } | undefined {
  if (raw === undefined) return undefined;
  try {
    const [lastSeen, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof lastSeen === 'number' && typeof id === 'string') return { lastSeen, id };
  } catch {
    // Fall through to the error below.
  }
  throw new ApiError('invalid_request', 'Query parameter cursor is not valid; pass the "next" value of the previous page unchanged.');
}
