import { signatureHeaders } from 'web-bot-auth';
import { signerFromJWK } from 'web-bot-auth/crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ADMIN_TOKEN, startService, type TestService } from '../support/start_service';
import { createAgentKey, startKeyDirectory, type AgentKey, type KeyDirectoryServer } from './key_directory_server';
import type { WhoamiBody } from './run_client';

let service: TestService;
let directory: KeyDirectoryServer;
let agentKey: AgentKey;
let strangerKey: AgentKey;
let whoamiUrl: string;

beforeAll(async () => {
  service = await startService();
  agentKey = await createAgentKey();
  strangerKey = await createAgentKey();
  directory = await startKeyDirectory([agentKey]);
  whoamiUrl = `${service.url}/demo/api/whoami`;
});

afterAll(async () => {
  await directory?.close();
  await service?.close();
});

beforeEach(async () => {
  service.setNow(Date.now());
  for (const agent of await listAgents()) await admin('DELETE', `/v1/agents/${agent.id}`);
});

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function listAgents(): Promise<{ id: string; signatureAgent: string }[]> {
  const response = await admin('GET', '/v1/agents');
  return ((await response.json()) as { agents: { id: string; signatureAgent: string }[] }).agents;
}

async function registerAgent(scopes: string[] = ['/demo/api/whoami', '/demo/api/search']): Promise<void> {
  const response = await admin('POST', '/v1/agents', {
    name: 'Example research agent',
    operator: 'Example Labs',
    signatureAgent: directory.origin,
    keyThumbprints: [agentKey.thumbprint],
    scopes,
    rateLimit: { requests: 60, windowSeconds: 60 },
  });
  expect(response.status).toBe(201);
}

interface SignOptions {
  key?: AgentKey;
  createdOffsetSeconds?: number;
  lifetimeSeconds?: number;
  /** `plain` sends `Signature-Agent: "<origin>"`, `dictionary` sends `sig1="<origin>"`. */
  agentForm?: 'plain' | 'dictionary';
}

/** Signs a GET of `url` with the web-bot-auth package, as an agent would, and returns the headers to send. */
async function signedHeaders(url: string, options: SignOptions = {}): Promise<Record<string, string>> {
  const { key = agentKey, createdOffsetSeconds = 0, lifetimeSeconds = 300, agentForm = 'plain' } = options;
  const agentHeader = agentForm === 'plain' ? `"${directory.origin}"` : `sig1="${directory.origin}"`;
  const request = new Request(url, { headers: { 'Signature-Agent': agentHeader } });
  const created = new Date(Date.now() + createdOffsetSeconds * 1000);
  const signed = await signatureHeaders(request, await signerFromJWK(key.privateJwk as Parameters<typeof signerFromJWK>[0]), {
    created,
    expires: new Date(created.getTime() + lifetimeSeconds * 1000),
  });
  return { 'Signature-Agent': agentHeader, Signature: signed.Signature, 'Signature-Input': signed['Signature-Input'] };
}

async function whoami(headers: Record<string, string>, url = whoamiUrl): Promise<WhoamiBody> {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as WhoamiBody;
}

describe('Web Bot Auth on whoami', () => {
  it('registered agent is authorized', async () => {
    await registerAgent();
    const body = await whoami(await signedHeaders(whoamiUrl));
    expect(body.class).toBe('authorized_agent');
    expect(body.agentDriven).toBe(true);
    expect(body.reasons).toEqual(['signature_verified', 'agent_registered']);
  });

  it('accepts the dictionary Signature-Agent form', async () => {
    await registerAgent();
    const body = await whoami(await signedHeaders(whoamiUrl, { agentForm: 'dictionary' }));
    expect(body.class).toBe('authorized_agent');
  });

  it('unregistered agent is unverified', async () => {
    const body = await whoami(await signedHeaders(whoamiUrl));
    expect(body.class).toBe('unverified_agent');
    expect(body.reasons.slice(0, 2)).toEqual(['signature_verified', 'agent_unregistered']);
  });

  it('tampered signature is rogue', async () => {
    await registerAgent();
    const headers = await signedHeaders(whoamiUrl);
    // Flip one base64 character inside the signature bytes.
    const signature = headers.Signature!;
    const index = signature.indexOf(':') + 5;
    headers.Signature = signature.slice(0, index) + (signature[index] === 'A' ? 'B' : 'A') + signature.slice(index + 1);
    const body = await whoami(headers);
    expect(body.class).toBe('rogue_bot');
    expect(body.reasons[0]).toBe('signature_invalid');
  });

  it('signature for another host is rogue', async () => {
    await registerAgent();
    const headers = await signedHeaders(whoamiUrl.replace('127.0.0.1', 'localhost'));
    const body = await whoami(headers);
    expect(body.class).toBe('rogue_bot');
    expect(body.reasons[0]).toBe('signature_invalid');
  });

  it('expired signature is rogue', async () => {
    await registerAgent();
    const body = await whoami(await signedHeaders(whoamiUrl, { createdOffsetSeconds: -900, lifetimeSeconds: 300 }));
    expect(body.class).toBe('rogue_bot');
    expect(body.reasons[0]).toBe('signature_expired');
  });

  it('replayed signature is rogue', async () => {
    await registerAgent();
    const headers = await signedHeaders(whoamiUrl);
    expect((await whoami(headers)).class).toBe('authorized_agent');
    const replay = await whoami(headers);
    expect(replay.class).toBe('rogue_bot');
    expect(replay.reasons[0]).toBe('signature_replayed');
  });

  it('key missing from the directory is rogue', async () => {
    await registerAgent();
    const body = await whoami(await signedHeaders(whoamiUrl, { key: strangerKey }));
    expect(body.class).toBe('rogue_bot');
    expect(body.reasons[0]).toBe('signature_key_unknown');
  });

  it('registered agent outside its scopes is rogue', async () => {
    await registerAgent(['/demo/api/search']);
    const body = await whoami(await signedHeaders(whoamiUrl));
    expect(body.class).toBe('rogue_bot');
    expect(body.reasons).toEqual(['agent_outside_scope', 'signature_verified']);
  });

  it('caches the key directory', async () => {
    await registerAgent();
    const before = directory.fetchCount();
    await whoami(await signedHeaders(whoamiUrl));
    await whoami(await signedHeaders(whoamiUrl));
    expect(directory.fetchCount() - before).toBeLessThanOrEqual(1);
  });
});

describe('agent registry API', () => {
  it('stores and lists an agent', async () => {
    await registerAgent();
    const response = await admin('GET', '/v1/agents');
    const { agents } = (await response.json()) as { agents: Record<string, unknown>[] };
    expect(agents).toHaveLength(1);
    expect(agents[0]).toMatchObject({
      name: 'Example research agent',
      operator: 'Example Labs',
      signatureAgent: directory.origin,
      keyThumbprints: [agentKey.thumbprint],
      scopes: ['/demo/api/whoami', '/demo/api/search'],
      rateLimit: { requests: 60, windowSeconds: 60 },
    });
  });

  it('names the invalid field', async () => {
    const response = await admin('POST', '/v1/agents', { name: 'Broken', signatureAgent: 'not a url' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.message).toContain('signatureAgent');
  });

  it('requires the admin token', async () => {
    const response = await fetch(`${service.url}/v1/agents`);
    expect(response.status).toBe(401);
  });

  it('deletes an agent once', async () => {
    await registerAgent();
    const [agent] = await listAgents();
    expect((await admin('DELETE', `/v1/agents/${agent!.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/v1/agents/${agent!.id}`)).status).toBe(404);
    expect(await listAgents()).toEqual([]);
  });
});
