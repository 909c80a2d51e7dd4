import { createServer, type Server } from 'node:http';

import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { signatureHeaders } from 'web-bot-auth';
import { signerFromJWK } from 'web-bot-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createWebBotAuthVerifier } from '../src/web_bot_auth/verify_web_bot_auth';

const TARGET = 'https://shop.example/api/items?page=2';

let privateJwk: JWK;
let thumbprint: string;
let server: Server;
let origin: string;
let directoryFetches = 0;
let cacheControl = 'max-age=300';

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  privateJwk = await exportJWK(privateKey);
  thumbprint = (await signerFromJWK(privateJwk as Parameters<typeof signerFromJWK>[0])).keyid;

  server = createServer((request, response) => {
    if (request.url === '/.well-known/http-message-signatures-directory') {
      directoryFetches += 1;
      response.writeHead(200, { 'content-type': 'application/http-message-signatures-directory+json', 'cache-control': cacheControl });
      response.end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Builds a request to `url` signed with the web-bot-auth package, naming `agent` in `Signature-Agent`. */
async function signedRequest(url: string, agent: string, extraHeaders: Record<string, string> = {}): Promise<Request> {
  const agentHeader = `"${agent}"`;
  const unsigned = new Request(url, { headers: { 'Signature-Agent': agentHeader } });
  const created = new Date();
  const signed = await signatureHeaders(unsigned, await signerFromJWK(privateJwk as Parameters<typeof signerFromJWK>[0]), {
    created,
    expires: new Date(created.getTime() + 60_000),
  });
  return new Request(url, {
    headers: { 'Signature-Agent': agentHeader, Signature: signed.Signature, 'Signature-Input': signed['Signature-Input'], ...extraHeaders },
  });
}

describe('createWebBotAuthVerifier', () => {
  it('verifies a web-bot-auth signature', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    const result = await verifier.verify(await signedRequest(TARGET, origin));
    expect(result).toEqual({ status: 'verified', identity: { signatureAgent: origin, keyThumbprint: thumbprint } });
  });

  it('ignores unsigned requests', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    expect(await verifier.verify(new Request(TARGET))).toEqual({ status: 'absent' });
  });

  it('ignores signatures with another tag', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    const request = new Request(TARGET, {
      headers: { 'Signature-Input': 'sig1=("@authority");created=1;keyid="k";tag="other"', Signature: 'sig1=:AAAA:' },
    });
    expect(await verifier.verify(request)).toEqual({ status: 'absent' });
  });

  it('picks the web-bot-auth member among several', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    const signed = await signedRequest(TARGET, origin);
    const request = new Request(TARGET, {
      headers: {
        'Signature-Agent': signed.headers.get('signature-agent')!,
        'Signature-Input': `other=("@method");created=1;keyid="x";tag="payments", ${signed.headers.get('signature-input')}`,
        Signature: `other=:AAAA:, ${signed.headers.get('signature')}`,
      },
    });
    expect((await verifier.verify(request)).status).toBe('verified');
  });

  it('rejects plain HTTP directories by default', async () => {
    const verifier = createWebBotAuthVerifier();
    const result = await verifier.verify(await signedRequest(TARGET, origin));
    expect(result.status).toBe('failed');
    expect(result).toMatchObject({ status: 'failed', reason: 'signature_invalid' });
    expect(result.status === 'failed' ? result.message : '').toContain('must use https');
  });

  it('rejects directories on internal addresses', async () => {
    // Loopback counts as internal unless the loopback setting is on.
    const verifier = createWebBotAuthVerifier();
    for (const agent of ['https://10.1.2.3', 'https://192.168.0.10', 'https://169.254.169.254', 'https://[::1]', 'https://localhost', 'https://127.0.0.1']) {
      const result = await verifier.verify(await signedRequest(TARGET, agent));
      expect(result.status === 'failed' ? result.message : result.status, agent).toContain('public hosts');
    }
  });

  it('does not follow directory redirects', async () => {
    const redirecting = createServer((_request, response) => {
      response.writeHead(302, { location: `${origin}/.well-known/http-message-signatures-directory` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const address = redirecting.address();
    const redirectOrigin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    try {
      const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
      const result = await verifier.verify(await signedRequest(TARGET, redirectOrigin));
      expect(result).toMatchObject({ status: 'failed', reason: 'key_directory_unavailable' });
      expect(result.status === 'failed' ? result.message : '').toContain('HTTP 302');
    } finally {
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
    }
  });

  it('caches the directory by Cache-Control', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    cacheControl = 'max-age=300';
    const before = directoryFetches;
    await verifier.verify(await signedRequest(TARGET, origin));
    await verifier.verify(await signedRequest(TARGET, origin));
    expect(directoryFetches - before).toBe(1);

    cacheControl = 'no-store';
    const uncached = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    const start = directoryFetches;
    await uncached.verify(await signedRequest(TARGET, origin));
    await uncached.verify(await signedRequest(TARGET, origin));
    expect(directoryFetches - start).toBe(2);
    cacheControl = 'max-age=300';
  });

  it('accepts a created time within the clock skew', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback', now: () => Date.now() - 30_000 });
    expect((await verifier.verify(await signedRequest(TARGET, origin))).status).toBe('verified');
  });

  it('rejects a created time beyond the clock skew', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback', now: () => Date.now() - 120_000 });
    const result = await verifier.verify(await signedRequest(TARGET, origin));
    expect(result).toMatchObject({ status: 'failed', reason: 'signature_expired' });
  });

  it('rejects a changed signature agent', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    const signed = await signedRequest(TARGET, origin);
    const headers = new Headers(signed.headers);
    headers.set('Signature-Agent', `"${origin}/"`);
    const result = await verifier.verify(new Request(TARGET, { headers }));
    expect(result).toMatchObject({ status: 'failed', reason: 'signature_invalid' });
  });

  it('rejects a signature without the authority', async () => {
    const verifier = createWebBotAuthVerifier({ allowHttp: 'loopback' });
    const signed = await signedRequest(TARGET, origin);
    const input = signed.headers.get('signature-input')!.replace('"@authority" ', '');
    const headers = new Headers(signed.headers);
    headers.set('Signature-Input', input);
    const result = await verifier.verify(new Request(TARGET, { headers }));
    expect(result.status === 'failed' ? result.message : '').toContain('@authority');
  });
});
