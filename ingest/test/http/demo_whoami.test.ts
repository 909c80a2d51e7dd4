import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startService, type TestService } from '../support/start_service';

let service: TestService;

beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

async function whoami(headers: Record<string, string>) {
  const response = await fetch(`${service.url}/demo/api/whoami`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as { class: string; agentDriven: boolean; framework: string | null; reasons: string[]; tagError?: string };
}

describe('GET /demo/api/whoami', () => {
  it('classifies an invalid tag by the request, naming the tag error', async () => {
    const headers = { 'user-agent': 'curl/8.5.0', accept: '*/*' };
    const withoutTag = await whoami(headers);
    const withBadTag = await whoami({ ...headers, 'Telltale-Tag': 'abc.def.ghi' });

    expect(withoutTag.class).toBe('unverified_agent');
    expect(withoutTag.framework).toBe('curl');
    expect(withoutTag.tagError).toBeUndefined();
    expect(withBadTag).toEqual({ ...withoutTag, tagError: 'tag_malformed' });
  });
});

describe('request body errors outside /v1/collect', () => {
  it('names the body, not a beacon, in the invalid JSON message', async () => {
    const response = await fetch(`${service.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x' });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(400);
    expect(body.error.code).toBe('invalid_json');
    expect(body.error.message).not.toContain('beacon');
  });
});
