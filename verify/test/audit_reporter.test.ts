import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAuditReporter } from '../src/create_audit_reporter';
import type { ReportedDecision } from '../src/enforcement_types';
import { startServer, type RunningServer } from './support/serve';

let collector: RunningServer;
const batches: { authorization: string | undefined; body: { source: string; decisions: ReportedDecision[] } }[] = [];
let failing = false;

function decision(i: number): ReportedDecision {
  return { at: 1_700_000_000_000 + i, class: 'human', outcome: 'allowed', route: 'GET /api/search', rule: null, siteId: 'pk', sessionId: `s${i}`, framework: null, agentId: null, score: 0.1, reasons: [], clientNetwork: null, userAgent: null };
}

beforeAll(async () => {
  const app = new Hono();
  app.post('/v1/audit/events', async (c) => {
    if (failing) return c.json({ error: { code: 'unavailable', message: 'down' } }, 503);
    batches.push({ authorization: c.req.header('authorization'), body: await c.req.json() });
    return c.json({ stored: 1 }, 201);
  });
  collector = await startServer(app);
});
afterAll(async () => {
  await collector.close();
});

describe('createAuditReporter', () => {
  it('sends full batches with the bearer token', async () => {
    const reporter = createAuditReporter({ source: 'shop', endpoint: collector.origin, token: 'secret-token', batchSize: 3, flushIntervalMs: 60_000 });
    for (let i = 0; i < 7; i += 1) reporter.report(decision(i));
    await reporter.close();

    expect(batches.map((b) => b.body.decisions.length)).toEqual([3, 3, 1]);
    expect(batches[0]!.authorization).toBe('Bearer secret-token');
    expect(batches[0]!.body.source).toBe('shop');
    expect(reporter.stats()).toEqual({ queued: 0, delivered: 7, undelivered: 0, failedBatches: 0 });
  });

  it('flushes a partial batch on its timer', async () => {
    batches.length = 0;
    const reporter = createAuditReporter({ source: 'shop', endpoint: collector.origin, token: 't', flushIntervalMs: 20 });
    reporter.report(decision(1));
    for (let attempt = 0; attempt < 50 && batches.length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches).toHaveLength(1);
    await reporter.close();
  });

  it('counts a rejected batch as undelivered', async () => {
    failing = true;
    const reporter = createAuditReporter({ source: 'shop', endpoint: collector.origin, token: 't', flushIntervalMs: 60_000 });
    reporter.report(decision(1));
    reporter.report(decision(2));
    await reporter.close();
    failing = false;
    expect(reporter.stats()).toEqual({ queued: 0, delivered: 0, undelivered: 2, failedBatches: 1 });
  });

  it('counts decisions dropped from a full queue', async () => {
    const reporter = createAuditReporter({ source: 'shop', endpoint: 'http://127.0.0.1:9', token: 't', maxQueue: 2, batchSize: 100, flushIntervalMs: 60_000, timeoutMs: 500 });
    for (let i = 0; i < 5; i += 1) reporter.report(decision(i));
    expect(reporter.stats()).toMatchObject({ queued: 2, undelivered: 3 });
    await reporter.close();
    expect(reporter.stats()).toMatchObject({ queued: 0, undelivered: 5, failedBatches: 1 });
  });

  it('rejects a missing endpoint naming the option', () => {
    expect(() => createAuditReporter({ source: 'shop', token: 't' })).toThrow(/`endpoint`/);
  });
});
