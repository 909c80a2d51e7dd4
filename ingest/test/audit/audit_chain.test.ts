import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { pruneAuditRecords } from '../../src/store/prune_audit_records';
import { startService, type TestService } from '../support/start_service';
import { seedAudit, verifyChain } from './seed_audit';

let service: TestService;

beforeEach(async () => {
  service = await startService();
  await seedAudit(service);
});
afterEach(async () => {
  await service.close();
});

function sql(statement: string, ...parameters: unknown[]): void {
  service.db.$client.prepare(statement).run(...parameters);
}

describe('GET /v1/audit/verify', () => {
  it('reports an untouched chain as intact', async () => {
    const report = await verifyChain(service);
    expect(report).toEqual({ ok: true, records: 6, firstBrokenId: null, pruned: 0 });
  });

  it('finds an edited class', async () => {
    sql("update audit_records set class = 'human', label = 'Human', agent_driven = 0 where id = 4");
    const report = await verifyChain(service);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenId).toBe(4);
  });

  it('finds an edited outcome', async () => {
    sql("update audit_records set outcome = 'allowed' where id = 5");
    expect((await verifyChain(service)).firstBrokenId).toBe(5);
  });

  it('finds a deleted record at the next record', async () => {
    sql('delete from audit_records where id = 3');
    const report = await verifyChain(service);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenId).toBe(4);
  });

  it('finds a deleted first record', async () => {
    sql('delete from audit_records where id = 1');
    expect((await verifyChain(service)).firstBrokenId).toBe(2);
  });

  it('finds two records swapped in order', async () => {
    sql('update audit_records set id = -2 where id = 2');
    sql('update audit_records set id = 2 where id = 3');
    sql('update audit_records set id = 3 where id = -2');
    const report = await verifyChain(service);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenId).toBe(2);
  });

  it('finds swapped contents that keep their ids', async () => {
    const rows = service.db.$client.prepare('select * from audit_records where id in (5, 6) order by id').all() as Record<string, unknown>[];
    const columns = Object.keys(rows[0]!).filter((column) => column !== 'id');
    const assign = columns.map((column) => `${column} = @${column}`).join(', ');
    sql(`update audit_records set ${assign} where id = 5`, { ...rows[1], id: undefined });
    sql(`update audit_records set ${assign} where id = 6`, { ...rows[0], id: undefined });
    expect((await verifyChain(service)).firstBrokenId).toBe(5);
  });

  it('stays intact after pruning a prefix', async () => {
    const stamp = service.db.$client.prepare('select at from audit_records where id = 4').get() as { at: number };
    sql('update audit_records set at = 0 where id <= 3');
    // The edit above broke records 1 to 3; pruning removes exactly them.
    const deleted = pruneAuditRecords(service.db, 1, stamp.at);
    expect(deleted).toBe(3);

    const report = await verifyChain(service);
    expect(report).toEqual({ ok: true, records: 3, firstBrokenId: null, pruned: 3 });
  });

  it('detects an edit after pruning', async () => {
    pruneAuditRecords(service.db, Number.MAX_SAFE_INTEGER, Date.now());
    expect((await verifyChain(service)).records).toBe(0);

    // New records continue the chain from the anchor.
    await seedAudit(service);
    expect(await verifyChain(service)).toMatchObject({ ok: true, records: 6, pruned: 6 });

    sql("update audit_records set route = 'GET /elsewhere' where id = 7");
    expect((await verifyChain(service)).firstBrokenId).toBe(7);
  });
});
