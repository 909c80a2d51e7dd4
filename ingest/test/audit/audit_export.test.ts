import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { auditRecordViewSchema } from '../../src/audit/audit_record_view';
import { startService, type TestService } from '../support/start_service';
import { seedAudit } from './seed_audit';

const run = promisify(execFile);
const INGEST_DIR = join(import.meta.dirname, '..', '..');

/**
 * Required attributes of an OCSF Detection Finding (class_uid 2004), from the OCSF schema
 * repository (ocsf/ocsf-schema): the classification and occurrence traits of the base
 * event (`activity_id`, `category_uid`, `class_uid`, `type_uid`, `severity_id`, `time`),
 * `metadata` with its required `product` and `version`, and the Finding class's
 * `finding_info` with its required `uid`.
 */
const detectionFindingSchema = z.looseObject({
  activity_id: z.number().int().min(0).max(99),
  category_uid: z.literal(2),
  class_uid: z.literal(2004),
  type_uid: z.number().int().refine((value) => Math.floor(value / 100) === 2004, 'must be class_uid * 100 + activity_id'),
  severity_id: z.number().int().min(0).max(99),
  time: z.number().int().positive(),
  metadata: z.looseObject({
    version: z.string().regex(/^\d+\.\d+\.\d+/),
    product: z.looseObject({ name: z.string().optional(), vendor_name: z.string().optional() }),
  }),
  finding_info: z.looseObject({ uid: z.string().min(1), title: z.string().optional() }),
});

let service: TestService;

beforeAll(async () => {
  service = await startService();
  await seedAudit(service);
});
afterAll(async () => {
  await service.close();
});

async function exportAudit(format: string): Promise<string[]> {
  const out = join(service.dir, `audit.${format}`);
  await run(process.execPath, ['--import', 'tsx', 'src/cli/audit.ts', 'export', '--format', format, '--out', out], {
    cwd: INGEST_DIR,
    env: { ...process.env, TELLTALE_DB: join(service.dir, 'telltale.db'), TELLTALE_DATA_DIR: service.dir },
  });
  return readFileSync(out, 'utf8').split('\n').filter(Boolean);
}

describe('npm run audit -- export', () => {
  it('writes JSONL records that match the record schema', async () => {
    const lines = await exportAudit('jsonl');
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      const parsed = auditRecordViewSchema.safeParse(JSON.parse(line));
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    const records = lines.map((line) => auditRecordViewSchema.parse(JSON.parse(line)));
    expect(records.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records[5]!.prevHash).toBe(records[4]!.hash);
    expect(records.filter((r) => r.agentDriven).every((r) => r.label === 'Agent-Driven')).toBe(true);
  });

  it('writes OCSF Detection Findings with the required fields', async () => {
    const lines = await exportAudit('ocsf');
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      const parsed = detectionFindingSchema.safeParse(JSON.parse(line));
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    const blocked = lines.map((line) => JSON.parse(line) as { severity_id: number; is_alert: boolean; unmapped: { telltale: { outcome: string; label: string } } }).find((f) => f.unmapped.telltale.outcome === 'blocked');
    expect(blocked?.severity_id).toBe(4);
    expect(blocked?.is_alert).toBe(true);
    expect(blocked?.unmapped.telltale.label).toBe('Agent-Driven');
  });

  it('rejects an unknown format', async () => {
    const error = await exportAudit('csv').then(() => null, (e: { code: number; stderr: string }) => e);
    expect(error?.code).toBe(2);
    expect(error?.stderr).toContain('--format must be jsonl or ocsf');
  });

  it('verifies the chain from the command line', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/audit.ts', 'verify'], {
      cwd: INGEST_DIR,
      env: { ...process.env, TELLTALE_DB: join(service.dir, 'telltale.db') },
    });
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, records: 6 });
  });
});
