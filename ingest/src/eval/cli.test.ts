import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { EvaluationResult } from './evaluate_recordings';
import { findMissedTargets } from './quality_targets';

const CLI = join(import.meta.dirname, 'cli.ts');
const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'recordings', 'fixtures');
const outputDir = mkdtempSync(join(tmpdir(), 'telltale-eval-'));

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: outputDir },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

describe('eval command', () => {
  it('writes results and a table for the DELBOT fixtures', () => {
    const run = runCli(['--data', FIXTURES, '--json', 'out.json']);
    expect(run.status).toBe(0);
    const { results } = JSON.parse(readFileSync(join(outputDir, 'out.json'), 'utf8')) as { results: EvaluationResult[] };
    const pynput = results.find((result) => result.family === 'circles_bot_pynput');
    expect(pynput?.dataset).toBe('delbot');
    expect(pynput?.auc).toBeGreaterThan(0.5);
    const human = results.find((result) => result.family === 'circles_human_pc1');
    expect(human?.falsePositiveRate).toBe(human?.automationRate);
    expect(results.some((result) => result.dataset === 'generated' && result.family === 'human_replay')).toBe(true);
    expect(run.stdout).toContain('| delbot | circles_bot_pynput | bot |');
    expect(run.stderr).toContain('balabit/ not found');
  });

  it('exits non-zero with --check exactly when a target is missed', () => {
    const run = runCli(['--data', FIXTURES, '--json', 'checked.json', '--check']);
    const { results } = JSON.parse(readFileSync(join(outputDir, 'checked.json'), 'utf8')) as { results: EvaluationResult[] };
    expect(run.status).toBe(findMissedTargets(results).length > 0 ? 1 : 0);
  });

  it('rejects a missing data folder', () => {
    const run = runCli(['--data', 'no-such-folder', '--json', 'x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Data folder not found');
  });
});
