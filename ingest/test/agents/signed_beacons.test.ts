import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DESKTOP_CHROME_HEADERS, emptyBeacon, postBeacon } from '../support/beacons';
import { ADMIN_TOKEN, startService, type TestService } from '../support/start_service';
import { createAgentKey, startKeyDirectory, type AgentKey, type KeyDirectoryServer } from './key_directory_server';
import { signRequest } from './sign_request';

let service: TestService;
let directory: KeyDirectoryServer;
let agentKey: AgentKey;
let collectUrl: string;

beforeAll(async () => {
  service = await startService();
  agentKey = await createAgentKey();
  directory = await startKeyDirectory([agentKey]);
  collectUrl = `${service.url}/v1/collect`;
});

afterAll(async () => {
  await directory?.close();
  await service?.close();
});

beforeEach(async () => {
  service.setNow(Date.now());
  const response = await fetch(`${service.url}/v1/agents`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const { agents } = (await response.json()) as { agents: { id: string }[] };
  for (const agent of agents) {
    await fetch(`${service.url}/v1/agents/${agent.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  }
});

async function registerAgent(scopes: string[]): Promise<void> {
  const response = await fetch(`${service.url}/v1/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Shopping agent', signatureAgent: directory.origin, keyThumbprints: [agentKey.thumbprint], scopes }),
  });
  expect(response.status).toBe(201);
}

/** Posts a first beacon for `path` from a desktop Chrome environment, signed by the agent, and returns the response class. */
async function postSignedBeacon(path: string, tamper = false): Promise<{ class: string; tag: string }> {
  const headers = { ...DESKTOP_CHROME_HEADERS, ...(await signRequest(collectUrl, agentKey.privateJwk, directory.origin, 'POST')) };
  if (tamper) headers['Signature-Agent'] = `"${directory.origin.replace('127.0.0.1', 'localhost')}"`;
  const response = await postBeacon(service.url, emptyBeacon({ path }), headers);
  expect(response.status).toBe(200);
  return (await response.json()) as { class: string; tag: string };
}

async function sessionReasons(tag: string): Promise<string[]> {
  const sessionId = JSON.parse(Buffer.from(tag.split('.')[1]!, 'base64url').toString()).sub as string;
  const response = await fetch(`${service.url}/v1/sessions/${sessionId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return ((await response.json()) as { reasons: string[] }).reasons;
}

describe('Web Bot Auth on beacons', () => {
  it('registered agent in scope is authorized', async () => {
    await registerAgent(['/demo/*']);
    const body = await postSignedBeacon('/demo/');
    expect(body.class).toBe('authorized_agent');
    expect((await sessionReasons(body.tag)).slice(0, 2)).toEqual(['signature_verified', 'agent_registered']);
  });

  it('unregistered agent is unverified', async () => {
    const body = await postSignedBeacon('/demo/');
    expect(body.class).toBe('unverified_agent');
    expect((await sessionReasons(body.tag)).slice(0, 2)).toEqual(['signature_verified', 'agent_unregistered']);
  });

  it('page outside the scopes is rogue', async () => {
    await registerAgent(['/demo/articles']);
    const body = await postSignedBeacon('/demo/');
    expect(body.class).toBe('rogue_bot');
    expect((await sessionReasons(body.tag))[0]).toBe('agent_outside_scope');
  });

  it('tampered signature is rogue', async () => {
    await registerAgent(['/demo/*']);
    const body = await postSignedBeacon('/demo/', true);
    expect(body.class).toBe('rogue_bot');
    expect((await sessionReasons(body.tag))[0]).toBe('signature_invalid');
  });

  it('unsigned beacon is judged as before', async () => {
    const response = await postBeacon(service.url, emptyBeacon(), DESKTOP_CHROME_HEADERS);
    expect(((await response.json()) as { class: string }).class).toBe('unknown');
  });
});
