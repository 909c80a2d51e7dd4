import { CheerioWebBaseLoader } from '@langchain/community/document_loaders/web/cheerio';
import axios from 'axios';
import nodeFetch from 'node-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startService, type TestService } from '../support/start_service';
import { DESKTOP_CHROME_USER_AGENT, PYTHON_LANGCHAIN_HEADERS_FETCH, PYTHON_URLLIB_FETCH, runCommand, type WhoamiBody } from './run_client';

let service: TestService;
let whoamiUrl: string;

beforeAll(async () => {
  service = await startService();
  whoamiUrl = `${service.url}/demo/api/whoami`;
});

afterAll(async () => {
  await service.close();
});

function expectUnverified(body: WhoamiBody, framework: string, reason: string): void {
  expect(body.class).toBe('unverified_agent');
  expect(body.agentDriven).toBe(true);
  expect(body.framework).toBe(framework);
  expect(body.reasons).toContain(reason);
}

describe('whoami for real HTTP clients', () => {
  it('names curl', async () => {
    expectUnverified(await runCommand('curl', ['-sS', '--max-time', '10', whoamiUrl]), 'curl', 'http_client_user_agent');
  });

  it('names Wget', async () => {
    expectUnverified(await runCommand('wget', ['-q', '-T', '10', '-O', '-', whoamiUrl]), 'wget', 'http_client_user_agent');
  });

  it('names Python urllib', async () => {
    expectUnverified(await runCommand('python3', ['-c', PYTHON_URLLIB_FETCH, whoamiUrl]), 'python-urllib', 'http_client_user_agent');
  });

  it('names Node fetch', async () => {
    const response = await fetch(whoamiUrl);
    expectUnverified((await response.json()) as WhoamiBody, 'node', 'http_client_user_agent');
  });

  it('names axios', async () => {
    const response = await axios.get<WhoamiBody>(whoamiUrl);
    expectUnverified(response.data, 'axios', 'http_client_user_agent');
  });

  it('names node-fetch', async () => {
    const response = await nodeFetch(whoamiUrl);
    expectUnverified((await response.json()) as WhoamiBody, 'node-fetch', 'http_client_user_agent');
  });

  it('names the LangChain.js web loader as Node fetch', async () => {
    // CheerioWebBaseLoader calls the global fetch with no headers of its own, so its
    // requests are the same as Node fetch's and the most specific name is `node`.
    const [document] = await new CheerioWebBaseLoader(whoamiUrl).load();
    expect(document).toBeDefined();
    expectUnverified(JSON.parse(document!.pageContent) as WhoamiBody, 'node', 'http_client_user_agent');
  });
});

describe('whoami for declared and disguised agents', () => {
  it('names the LangChain Python user agent', async () => {
    const body = await runCommand('curl', ['-sS', '--max-time', '10', '-A', 'DefaultLangchainUserAgent', whoamiUrl]);
    expectUnverified(body, 'langchain', 'automation_user_agent');
  });

  it('names the LangChain Python headers', async () => {
    expectUnverified(await runCommand('python3', ['-c', PYTHON_LANGCHAIN_HEADERS_FETCH, whoamiUrl]), 'langchain', 'framework_headers');
  });

  it('ChatGPT-User without signature is unverified', async () => {
    const userAgent = 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot';
    const body = await runCommand('curl', ['-sS', '--max-time', '10', '-A', userAgent, whoamiUrl]);
    expectUnverified(body, 'chatgpt-user', 'agent_user_agent');
  });

  it('curl posing as desktop Chrome is rogue', async () => {
    const body = await runCommand('curl', ['-sS', '--max-time', '10', '-A', DESKTOP_CHROME_USER_AGENT, whoamiUrl]);
    expect(body.class).toBe('rogue_bot');
    expect(body.agentDriven).toBe(true);
    expect(body.framework).toBeNull();
    expect(body.reasons).toEqual(['browser_headers_missing']);
  });

  it('curl with Chrome headers is unknown', async () => {
    // A proxy that strips one header, or a browser we do not model, must not be called automation.
    const body = await runCommand('curl', [
      '-sS', '--max-time', '10', '-A', DESKTOP_CHROME_USER_AGENT,
      '-H', 'Accept-Language: en-GB,en;q=0.9',
      '-H', 'Accept-Encoding: identity',
      '-H', 'Sec-Fetch-Mode: cors',
      '-H', 'Sec-Fetch-Site: same-origin',
      '-H', 'Sec-Fetch-Dest: empty',
      whoamiUrl,
    ]);
    expect(body.class).toBe('unknown');
    expect(body.agentDriven).toBe(false);
    expect(body.reasons).toEqual(['browser_headers_missing']);
  });

  it('Playwright request API is named', async () => {
    const { request } = await import('playwright');
    const context = await request.newContext();
    try {
      const response = await context.get(whoamiUrl);
      expectUnverified((await response.json()) as WhoamiBody, 'playwright', 'automation_user_agent');
    } finally {
      await context.dispose();
    }
  });
});
