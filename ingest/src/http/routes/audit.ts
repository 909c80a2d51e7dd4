import { Hono } from 'hono';
import { formatIssuePath } from '@telltale/shared/schema';

import { toAuditRecordView } from '../../audit/audit_record_view';
import { MAX_REPORT_BYTES, reportedDecisionsSchema } from '../../audit/reported_decisions_schema';
import { appendAuditRecords, listAuditRecords } from '../../store/audit_records';
import { verifyAuditChain } from '../../store/verify_audit_chain';
import { requireAdminToken } from '../admin_auth';
import { ApiError } from '../api_error';
import type { AppDependencies, AppEnv } from '../app_env';
import { normaliseClientNetwork } from '../client_network';
import { parseClassParam, parseLimitParam } from '../query_params';
import { readJsonBody } from '../read_json_body';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

/**
 * Audit routes, all behind the admin bearer token: `GET /v1/audit` (filtered, paged,
 * newest first), `GET /v1/audit/verify` (hash chain check) and `POST /v1/audit/events`
 * (enforcement decisions reported by backends).
 */
export function auditRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  app.use('/v1/audit', requireAdminToken(deps.adminToken));
  app.use('/v1/audit/*', requireAdminToken(deps.adminToken));

  app.get('/v1/audit', (c) => {
    const page = listAuditRecords(deps.db, {
      class: parseClassParam(c.req.query('class')),
      agentDriven: parseBoolean(c.req.query('agentDriven'), 'agentDriven'),
      framework: parseText(c.req.query('framework'), 'framework'),
      sessionId: parseText(c.req.query('session'), 'session'),
      from: parseTime(c.req.query('from'), 'from'),
      to: parseTime(c.req.query('to'), 'to'),
      beforeId: parseCursor(c.req.query('cursor')),
      limit: parseLimitParam(c.req.query('limit'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    });
    return c.json({ records: page.rows.map(toAuditRecordView), next: page.nextBeforeId === null ? null : String(page.nextBeforeId) });
  });

  app.get('/v1/audit/verify', (c) => {
    const report = verifyAuditChain(deps.db);
    if (!report.ok) c.get('log').warn({ event: 'audit_chain_broken', firstBrokenId: report.firstBrokenId, records: report.records });
    return c.json(report);
  });

  app.post('/v1/audit/events', async (c) => {
    const parsed = reportedDecisionsSchema.safeParse(await readJsonBody(c.req.raw, MAX_REPORT_BYTES));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiError('invalid_payload', `Audit report field ${formatIssuePath(issue.path)} is invalid: ${issue.message}.`);
    }

    const { source, decisions } = parsed.data;
    const stored = appendAuditRecords(
      deps.db,
      decisions.map((decision) => ({
        ...decision,
        kind: 'enforcement' as const,
        clientNetwork: normaliseClientNetwork(decision.clientNetwork ?? null),
        source,
      })),
    );
    c.get('log').info({ event: 'audit_decisions_stored', source, count: stored.length });
    return c.json({ stored: stored.length, lastId: stored.at(-1)!.id }, 201);
  });

  return app;
}

function parseBoolean(raw: string | undefined, name: string): boolean | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ApiError('invalid_request', `Query parameter ${name} must be true or false.`);
}

function parseText(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined) return undefined;
  if (raw === '' || raw.length > 512) throw new ApiError('invalid_request', `Query parameter ${name} must be 1 to 512 characters long.`);
  return raw;
}

/** Accepts milliseconds since the epoch or an ISO 8601 timestamp. */
function parseTime(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(value)) {
    throw new ApiError('invalid_request', `Query parameter ${name} must be an ISO 8601 time or milliseconds since the epoch.`);
  }
  return value;
}

function parseCursor(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new ApiError('invalid_request', 'Query parameter cursor is not valid; pass the "next" value of the previous page unchanged.');
  }
  return value;
}
