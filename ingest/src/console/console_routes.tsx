/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SESSION_CLASSES, type SessionClass } from '@telltale/shared';

import type { AppDependencies, AppEnv } from '../http/app_env';
import { listAgents } from '../store/agent_registry';
import { listAuditRecords, type AuditQuery } from '../store/audit_records';
import { countSessionsByClass, countSessionsOverTime, listAgentActivity, listAgentRules, listConsoleSessions } from '../store/console_queries';
import { verifyAuditChain } from '../store/verify_audit_chain';
import { AgentsPage } from './agents_page';
import { AuditPage } from './audit_page';
import { streamAuditExport } from './stream_audit_export';
import { CONSOLE_CSS, CONSOLE_JS } from './console_assets';
import { createConsoleSignIn, isSameOriginPost } from './console_sign_in';
import { createSessionDetailLoader } from './load_session_detail';
import { MessagePage } from './message_page';
import { parseSessionFilter, PERIODS } from './parse_session_filter';
import { SessionPage } from './session_page';
import { SessionsPage } from './sessions_page';
import { SignInPage } from './sign_in_page';

const SESSIONS_PER_PAGE = 50;
const AUDIT_PER_PAGE = 100;
const AGENT_ROWS = 200;
/** The sign-in form carries only the token, so a larger body is not a sign-in. */
const MAX_SIGN_IN_BYTES = 4096;
/** The agents page covers this much recent audit history. */
const AGENT_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Builds the operator console under `/console`: server-rendered pages behind a sign-in
 * with the admin token, which sets an HttpOnly, SameSite=Strict session cookie.
 */
export function consoleRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  const signIn = createConsoleSignIn(deps.adminToken, deps.now);
  const loadSessionDetail = createSessionDetailLoader(deps.db, deps.now);

  app.use('/console/*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  app.get('/console', (c) => c.redirect('/console/sessions', 303));
  app.get('/console/assets/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/console/assets/console.js', (c) => c.body(CONSOLE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.get('/console/sign-in', (c) => (signIn.isSignedIn(c) ? c.redirect('/console/sessions', 303) : render(c, <SignInPage />)));
  const signInBodyLimit = bodyLimit({
    maxSize: MAX_SIGN_IN_BYTES,
    onError: (c) => render(c, <SignInPage problem={`The sign-in form must be at most ${MAX_SIGN_IN_BYTES} bytes.`} />, 413),
  });
  app.post('/console/sign-in', signInBodyLimit, async (c) => {
    if (!isSameOriginPost(c)) return render(c, <SignInPage problem="Sign-in must be sent from this console's own sign-in page." />, 403);
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token : '';
    const outcome = signIn.signIn(c, token);
    c.get('log').info({ event: 'console_sign_in', outcome });
    if (outcome === 'signed_in') return c.redirect('/console/sessions', 303);
    if (outcome === 'rate_limited') return render(c, <SignInPage problem="Too many failed sign-ins in the last minute; wait a minute and try again." />, 429);
    return render(c, <SignInPage problem="The admin token is not valid; use the value of TELLTALE_ADMIN_TOKEN." />, 401);
  });
  app.post('/console/sign-out', (c) => {
    if (!isSameOriginPost(c)) return render(c, <MessagePage title="Sign-out rejected" message="Sign-out must be sent from a console page." />, 403);
    signIn.signOut(c);
    return c.redirect('/console/sign-in', 303);
  });

  for (const path of ['/console/sessions', '/console/sessions/*', '/console/agents', '/console/audit', '/console/audit/*']) app.use(path, signIn.requireSignIn);

  app.get('/console/sessions', (c) => {
    const params = parseSessionFilter(c.req.query(), deps.now());
    const period = PERIODS[params.period];
    const page = listConsoleSessions(deps.db, params.filter, { limit: SESSIONS_PER_PAGE, after: params.cursor });
    const data = {
      params,
      rows: page.rows,
      next: page.next,
      countsByClass: countSessionsByClass(deps.db, params.filter),
      timeline: countSessionsOverTime(deps.db, params.filter, period.bucketMs),
      bucketCount: Math.ceil(period.lengthMs / period.bucketMs),
    };
    return render(c, <SessionsPage data={data} />);
  });

  app.get('/console/sessions/:id', (c) => {
    const detail = loadSessionDetail(c.req.param('id'));
    if (!detail) return render(c, <MessagePage title="Session not found" message="No session has this id. It may have been deleted." />, 404);
    return render(c, <SessionPage detail={detail} />);
  });

  app.get('/console/agents', (c) => {
    const from = deps.now() - AGENT_PERIOD_MS;
    const data = { agents: listAgents(deps.db), activity: listAgentActivity(deps.db, from, AGENT_ROWS), rules: listAgentRules(deps.db, from, AGENT_ROWS), from };
    return render(c, <AgentsPage data={data} />);
  });

  app.get('/console/audit', (c) => {
    const { query, problems } = parseAuditQuery(c.req.query());
    const page = listAuditRecords(deps.db, query);
    const chain = c.req.query('verify') === '1' ? verifyAuditChain(deps.db) : null;
    return render(c, <AuditPage data={{ query, rows: page.rows, nextBeforeId: page.nextBeforeId, chain, problems }} />);
  });

  app.get('/console/audit/export', (c) => {
    const format = c.req.query('format') === 'ocsf' ? 'ocsf' : 'jsonl';
    c.get('log').info({ event: 'console_audit_export', format });
    return c.body(streamAuditExport(deps.db, format), 200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="telltale-audit-${format}.jsonl"`,
    });
  });

  return app;
}

function render(c: Context, page: unknown, status: 200 | 401 | 403 | 404 | 413 | 429 = 200) {
  return c.html(`<!doctype html>${String(page)}`, status);
}

function parseAuditQuery(raw: Record<string, string | undefined>): { query: AuditQuery; problems: string[] } {
  const problems: string[] = [];
  const query: AuditQuery = { limit: AUDIT_PER_PAGE };
  if (raw.class) {
    if ((SESSION_CLASSES as readonly string[]).includes(raw.class)) query.class = raw.class as SessionClass;
    else problems.push(`class must be one of ${SESSION_CLASSES.join(', ')}`);
  }
  if (raw.agentDriven === 'true' || raw.agentDriven === 'false') query.agentDriven = raw.agentDriven === 'true';
  else if (raw.agentDriven) problems.push('agentDriven must be true or false');
  if (raw.framework?.trim()) query.framework = raw.framework.trim().slice(0, 256);
  if (raw.session?.trim()) query.sessionId = raw.session.trim().slice(0, 256);
  for (const name of ['from', 'to'] as const) {
    const value = raw[name]?.trim();
    if (!value) continue;
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) query[name] = ms;
    else problems.push(`${name} must be an ISO 8601 time such as 2026-01-31T12:00Z`);
  }
  if (raw.cursor) {
    const beforeId = Number(raw.cursor);
    if (Number.isInteger(beforeId) && beforeId > 0) query.beforeId = beforeId;
    else problems.push('cursor is not valid; the list starts from the newest record');
  }
  return { query, problems };
}
