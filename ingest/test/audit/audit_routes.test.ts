import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditRecordViewSchema, type AuditRecordView } from '../../src/audit/audit_record_view';
import { startService, type TestService } from '../support/start_service';
import { ADMIN_HEADERS, reportDecisions, seedAudit } from './seed_audit';

let service: TestService;
let sessions: string[];

beforeAll(async () => {
  service = await startService();
  ({ sessions } = await seedAudit(service));
});
afterAll(async () => {
  await service.close();
});

async function listAudit(query: string): Promise<{ status: number; records: AuditRecordView[]; next: string | null; body: unknown }> {
  const response = await fetch(`${service.url}/v1/audit${query}`, { headers: ADMIN_HEADERS });
  const body = (await response.json()) as { records: AuditRecordView[]; next: string | null };
  return { status: response.status, records: body.records, next: body.next, body };
}

describe('GET /v1/audit', () => {
  it('lists every record newest first in the public shape', async () => {
    const { status, records } = await listAudit('');
    expect(status).toBe(200);
    expect(records.map((r) => r.id)).toEqual([6, 5, 4, 3, 2, 1]);
    for (const record of records) expect(auditRecordViewSchema.safeParse(record).success).toBe(true);
  });

  it('records the class decided by collect', async () => {
    const { records } = await listAudit(`?session=${sessions[0]}`);
    const collected = records.find((r) => r.kind === 'class_changed');
    expect(collected).toMatchObject({ class: 'unknown', label: 'Unknown', agentDriven: false, route: 'POST /v1/collect', source: 'ingest' });
    expect(collected?.userAgent).toContain('Chrome/131');
  });

  it('labels automation Agent-Driven', async () => {
    const { records } = await listAudit('?agentDriven=true');
    expect(records).toHaveLength(3);
    for (const record of records) expect(record.label).toBe('Agent-Driven');
  });

  it('filters by class, framework and session', async () => {
    expect((await listAudit('?class=rogue_bot')).records.map((r) => r.outcome)).toEqual(['blocked']);
    expect((await listAudit('?framework=playwright')).records.map((r) => r.id)).toEqual([5, 4]);
    expect((await listAudit(`?session=${sessions[1]}`)).records.map((r) => r.id)).toEqual([5, 4, 2]);
    expect((await listAudit('?agentDriven=false&class=human')).records.map((r) => r.id)).toEqual([3]);
  });

  it('filters by time', async () => {
    const all = (await listAudit('')).records;
    const cut = all.find((r) => r.id === 5)!.at;
    expect((await listAudit(`?from=${encodeURIComponent(cut)}`)).records.map((r) => r.id)).toEqual([6, 5]);
    expect((await listAudit(`?to=${Date.parse(cut) - 1}`)).records.every((r) => r.id < 5)).toBe(true);
  });

  it('pages with the next cursor', async () => {
    const first = await listAudit('?limit=4');
    expect(first.records.map((r) => r.id)).toEqual([6, 5, 4, 3]);
    expect(first.next).not.toBeNull();
    const second = await listAudit(`?limit=4&cursor=${first.next}`);
    expect(second.records.map((r) => r.id)).toEqual([2, 1]);
    expect(second.next).toBeNull();
  });

  it('stores only the network of a reported address', async () => {
    const { records } = await listAudit('?class=human');
    expect(records[0]!.clientNetwork).toBe('203.0.113.0/24');
  });

  it.each([
    ['?class=robot', 'class'],
    ['?agentDriven=yes', 'agentDriven'],
    ['?limit=0', 'limit'],
    ['?from=yesterday', 'from'],
  ])('rejects %s naming %s', async (query, name) => {
    const { status, body } = await listAudit(query);
    expect(status).toBe(400);
    expect((body as { error: { code: string; message: string } }).error.code).toBe('invalid_request');
    expect((body as { error: { message: string } }).error.message).toContain(name);
  });

  it('requires the admin token', async () => {
    const response = await fetch(`${service.url}/v1/audit`);
    expect(response.status).toBe(401);
  });
});

describe('POST /v1/audit/events', () => {
  it('rejects a decision with an unknown class, naming the field', async () => {
    const before = service.db.$client.prepare('select count(*) as n from audit_records').get() as { n: number };
    const response = await reportDecisions(service, { source: 'shop', decisions: [{ at: Date.now(), class: 'robot', outcome: 'allowed', route: 'GET /' }] });
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(response.status).toBe(400);
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.message).toContain('decisions[0].class');
    expect(body.error.requestId).toBeTruthy();
    const after = service.db.$client.prepare('select count(*) as n from audit_records').get() as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('rejects reports without the admin token', async () => {
    const response = await reportDecisions(service, { source: 'shop', decisions: [{ at: Date.now(), class: 'human', outcome: 'allowed', route: 'GET /' }] }, {});
    expect(response.status).toBe(401);
  });

  it('rejects an empty batch', async () => {
    const response = await reportDecisions(service, { source: 'shop', decisions: [] });
    expect(response.status).toBe(400);
  });
});
