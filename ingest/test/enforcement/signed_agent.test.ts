import { signatureHeaders } from 'web-bot-auth';
import { signerFromJWK } from 'web-bot-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAgentKey, startKeyDirectory, type AgentKey, type KeyDirectoryServer } from '../agents/key_directory_server';
import { ADMIN_HEADERS } from '../audit/seed_audit';
import { startService, type TestService } from '../support/start_service';

let service: TestService;
let readerDirectory: KeyDirectoryServer;
let browserDirectory: KeyDirectoryServer;
let readerKey: AgentKey;
let browserKey: AgentKey;

async function register(name: string, directory: KeyDirectoryServer, key: AgentKey, scopes: string[]): Promise<void> {
  const response = await fetch(`${service.url}/v1/agents`, {
    method: 'POST',
    headers: { ...ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ name, signatureAgent: directory.origin, keyThumbprints: [key.thumbprint], scopes }),
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  service = await startService();
  readerKey = await createAgentKey();
  browserKey = await createAgentKey();
  readerDirectory = await startKeyDirectory([readerKey]);
  browserDirectory = await startKeyDirectory([browserKey]);
  await register('Account reader', readerDirectory, readerKey, ['/demo/api/account', '/demo/api/search', 'account:read']);
  await register('Search only', browserDirectory, browserKey, ['/demo/api/account', '/demo/api/search']);
});
afterAll(async () => {
  await readerDirectory?.close();
  await browserDirectory?.close();
  await service?.close();
});

/** Sends a GET signed with Web Bot Auth by the web-bot-auth package, as an agent would. */
async function signedGet(path: string, directory: KeyDirectoryServer, key: AgentKey): Promise<{ status: number; body: { error?: { rule: string }; class?: string } }> {
  const url = `${service.url}${path}`;
  const agentHeader = `"${directory.origin}"`;
  const created = new Date();
  const signed = await signatureHeaders(new Request(url, { headers: { 'Signature-Agent': agentHeader } }), await signerFromJWK(key.privateJwk as Parameters<typeof signerFromJWK>[0]), {
    created,
    expires: new Date(created.getTime() + 60_000),
  });
  const response = await fetch(url, { headers: { 'Signature-Agent': agentHeader, Signature: signed.Signature, 'Signature-Input': signed['Signature-Input'] } });
  return { status: response.status, body: (await response.json()) as { error?: { rule: string }; class?: string } };
}

describe('demo backend with signed agents', () => {
  it('lets a registered agent with account:read read the account', async () => {
    const result = await signedGet('/demo/api/account', readerDirectory, readerKey);
    expect(result.status).toBe(200);
    expect(result.body.class).toBe('authorized_agent');
  });

  it('refuses a registered agent without account:read', async () => {
    const result = await signedGet('/demo/api/account', browserDirectory, browserKey);
    expect(result.status).toBe(403);
    expect(result.body.error?.rule).toBe('labels.sensitive');
  });

  it('blocks a signature from a key outside the directory', async () => {
    const result = await signedGet('/demo/api/account', readerDirectory, browserKey);
    expect(result.status).toBe(403);
    expect(result.body.error?.rule).toBe('block');
  });

  it('records the agent in the audit log', async () => {
    let records: { agentId: string | null; outcome: string; label: string; class: string }[] = [];
    for (let attempt = 0; attempt < 40 && records.length < 3; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const response = await fetch(`${service.url}/v1/audit?limit=500`, { headers: ADMIN_HEADERS });
      records = ((await response.json()) as { records: typeof records }).records;
    }
    const allowed = records.find((r) => r.outcome === 'allowed');
    expect(allowed).toMatchObject({ class: 'authorized_agent', label: 'Agent-Driven' });
    expect(allowed?.agentId).toBeTruthy();
    expect(records.filter((r) => r.outcome === 'forbidden')).toHaveLength(1);
    expect(records.filter((r) => r.outcome === 'blocked')).toEqual([expect.objectContaining({ class: 'rogue_bot', label: 'Agent-Driven' })]);
  });
});
