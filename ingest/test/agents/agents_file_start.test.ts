import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const INGEST_DIR = join(import.meta.dirname, '..', '..');
const ADMIN_TOKEN = 'agents-file-test-token-0123456789';
const START_TIMEOUT_MS = 20_000;

let dir: string;
let child: ChildProcess | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telltale-agents-start-'));
});

afterEach(async () => {
  if (child !== null && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill();
    await exited;
  }
  child = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the service with `main.ts` and resolves with its origin once it listens, or with its exit code and stderr. */
function startMain(env: Record<string, string>): Promise<{ origin: string } | { exitCode: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const service = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: INGEST_DIR,
      env: { ...process.env, PORT: '0', TELLTALE_DATA_DIR: dir, TELLTALE_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = service;
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`main.ts did not start within ${START_TIMEOUT_MS} ms; stderr: ${stderr}`)), START_TIMEOUT_MS);
    service.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ origin: match[1]! });
      }
    });
    service.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    service.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stderr });
    });
  });
}

describe('agents file at start', () => {
  it('registers the agents of the file', async () => {
    const path = join(dir, 'agents.json');
    writeFileSync(path, JSON.stringify({ agents: [{ name: 'Research agent', signatureAgent: 'https://agent.example', scopes: ['/demo/api/search'] }] }));
    const started = await startMain({ TELLTALE_AGENTS_FILE: path });
    expect('origin' in started).toBe(true);

    const response = await fetch(`${(started as { origin: string }).origin}/v1/agents`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const { agents } = (await response.json()) as { agents: { name: string; signatureAgent: string; scopes: string[] }[] };
    expect(agents).toHaveLength(1);
    expect(agents[0]).toMatchObject({ name: 'Research agent', signatureAgent: 'https://agent.example', scopes: ['/demo/api/search'] });
  });

  it('stops on an invalid field', async () => {
    const path = join(dir, 'agents.json');
    writeFileSync(path, JSON.stringify({ agents: [{ name: 'Broken', signatureAgent: 'agent.example' }] }));
    const started = await startMain({ TELLTALE_AGENTS_FILE: path });
    expect(started).toMatchObject({ exitCode: 1 });
    expect((started as { stderr: string }).stderr).toContain('agents.0.signatureAgent');
  });

  it('stops on an unknown directory setting', async () => {
    const started = await startMain({ TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES: 'always' });
    expect(started).toMatchObject({ exitCode: 1 });
    expect((started as { stderr: string }).stderr).toContain('TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES must be "loopback" or "off"');
  });
});
