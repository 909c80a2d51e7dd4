import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('rejects a file as the data folder', () => {
    writeFileSync(join(outputDir, 'plain.txt'), 'not a folder');
    const run = runCli(['--data', 'plain.txt', '--json', 'x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--data must be a folder');
  });

  it('rejects an unknown option with the usage line', () => {
    const run = runCli(['--data', FIXTURES, '--json', 'x.json', '--chek']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--chek'");
    expect(run.stderr).toContain('Usage: npm run eval');
    expect(run.stderr).not.toContain('    at ');
  });

  it('rejects a JSON path in a missing folder before evaluating', () => {
    const run = runCli(['--data', FIXTURES, '--json', 'no-such-dir/x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Folder for --json not found');
    expect(run.stderr).not.toContain('Evaluating');
  });

  it('rejects a folder as the JSON path', () => {
    const run = runCli(['--data', FIXTURES, '--json', '.']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--json must name a file');
    expect(run.stderr).not.toContain('Evaluating');
  });

  it('prints help', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run eval');
    expect(run.stdout).toContain('--check');
  });

  it('fails the check when no recordings are found', () => {
    mkdirSync(join(outputDir, 'empty'));
    const run = runCli(['--data', 'empty', '--json', 'empty.json', '--check']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no labelled recordings were found');
  });

  it('scores folders it has not seen', () => {
    const data = join(outputDir, 'renamed');
    cpSync(join(FIXTURES, 'delbot', 'circles_human_pc1'), join(data, 'delbot', 'circles_human_newdevice'), { recursive: true });
    cpSync(join(FIXTURES, 'delbot', 'circles_bot_pynput'), join(data, 'delbot', 'circles_bot_newgenerator'), { recursive: true });
    const run = runCli(['--data', 'renamed', '--json', 'renamed.json', '--check']);
    expect(run.stdout).toContain('| delbot | circles_human_newdevice | human |');
    expect(run.stdout).toContain('| delbot | circles_bot_newgenerator | bot |');
    const { results } = JSON.parse(readFileSync(join(outputDir, 'renamed.json'), 'utf8')) as { results: EvaluationResult[] };
    const bot = results.find((result) => result.family === 'circles_bot_newgenerator');
    expect(bot?.auc).toBeGreaterThan(0.5);
    expect(run.status).toBe(findMissedTargets(results).length > 0 ? 1 : 0);
  });

  it('skips an unreadable file and names it', () => {
    const data = join(outputDir, 'broken');
    cpSync(join(FIXTURES, 'delbot', 'circles_human_pc1'), join(data, 'delbot', 'circles_human_pc1'), { recursive: true });
    writeFileSync(join(data, 'delbot', 'circles_human_pc1', 'garbage.txt'), 'not a recording\n');
    const run = runCli(['--data', 'broken', '--json', 'broken.json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('skipped delbot/circles_human_pc1/garbage.txt: Invalid DELBOT recording');
    const { skippedFiles } = JSON.parse(readFileSync(join(outputDir, 'broken.json'), 'utf8')) as { skippedFiles: { id: string }[] };
    expect(skippedFiles.map((file) => file.id)).toEqual(['delbot/circles_human_pc1/garbage.txt']);
  });
});
