import type { JWK } from 'jose';
import { signatureHeaders } from 'web-bot-auth';
import { signerFromJWK } from 'web-bot-auth/crypto';

/**
 * Signs a request for `url` with the web-bot-auth package, as an agent would, covering
 * `@authority` and `signature-agent`, and returns the headers to add to the request.
 */
export async function signRequest(url: string, privateJwk: JWK, signatureAgent: string, method = 'GET'): Promise<Record<string, string>> {
  const agentHeader = `"${signatureAgent}"`;
  const request = new Request(url, { method, headers: { 'Signature-Agent': agentHeader } });
  const created = new Date();
  const signed = await signatureHeaders(request, await signerFromJWK(privateJwk as Parameters<typeof signerFromJWK>[0]), {
    created,
    expires: new Date(created.getTime() + 300_000),
  });
  return { 'Signature-Agent': agentHeader, Signature: signed.Signature, 'Signature-Input': signed['Signature-Input'] };
}
