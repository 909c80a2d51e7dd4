import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadAgentsFile } from './load_agents_file';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telltale-agents-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeAgents(body: unknown): string {
  const path = join(dir, 'agents.json');
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
}

describe('loadAgentsFile', () => {
  it('reads agents and keeps the origin', () => {
    const path = writeAgents({
      agents: [{ name: 'Research agent', operator: 'Example Labs', signatureAgent: 'https://agent.example/some/path', scopes: ['/api/search'] }],
    });
    expect(loadAgentsFile(path)).toEqual([
      { name: 'Research agent', operator: 'Example Labs', signatureAgent: 'https://agent.example', scopes: ['/api/search'] },
    ]);
  });

  it('names the invalid field', () => {
    const path = writeAgents({ agents: [{ name: 'Ok', signatureAgent: 'https://a.example' }, { name: 'Broken', signatureAgent: 'ftp://b.example' }] });
    expect(() => loadAgentsFile(path)).toThrow(/agents\.1\.signatureAgent: must be an absolute http or https URL/);
  });

  it('names an unknown field', () => {
    const path = writeAgents({ agents: [{ name: 'Typo', signatureAgent: 'https://a.example', scope: ['/x'] }] });
    expect(() => loadAgentsFile(path)).toThrow(/agents\.0/);
  });

  it('rejects a bad key thumbprint', () => {
    const path = writeAgents({ agents: [{ name: 'Keys', signatureAgent: 'https://a.example', keyThumbprints: ['short'] }] });
    expect(() => loadAgentsFile(path)).toThrow(/agents\.0\.keyThumbprints\.0/);
  });

  it('rejects a duplicate agent', () => {
    const path = writeAgents({ agents: [{ name: 'A', signatureAgent: 'https://a.example' }, { name: 'B', signatureAgent: 'https://a.example/' }] });
    expect(() => loadAgentsFile(path)).toThrow(/agents\.1\.signatureAgent: https:\/\/a\.example is registered twice/);
  });

  it('rejects invalid JSON', () => {
    expect(() => loadAgentsFile(writeAgents('{ agents: '))).toThrow(/is not valid JSON/);
  });

  it('reports a missing file', () => {
    expect(() => loadAgentsFile(join(dir, 'missing.json'))).toThrow(/could not be read/);
  });
});
