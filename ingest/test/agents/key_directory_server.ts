import { createServer, type Server } from 'node:http';

import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { signerFromJWK } from 'web-bot-auth/crypto';

/** An Ed25519 key pair as JWKs, with its thumbprint (the Web Bot Auth `keyid`). */
export interface AgentKey {
  privateJwk: JWK;
  publicJwk: JWK;
  thumbprint: string;
}

/** Generates an Ed25519 agent key. */
export async function createAgentKey(): Promise<AgentKey> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  // The web-bot-auth signer computes its keyid as the JWK thumbprint, independently of the verifier's code.
  const thumbprint = (await signerFromJWK(privateJwk as Parameters<typeof signerFromJWK>[0])).keyid;
  return { privateJwk, publicJwk, thumbprint };
}

export interface KeyDirectoryServer {
  /** Origin of the directory, the value agents send in `Signature-Agent`. */
  origin: string;
  /** Number of directory fetches served. */
  fetchCount(): number;
  close(): Promise<void>;
}

/**
 * Serves `/.well-known/http-message-signatures-directory` with the given public keys on
 * 127.0.0.1, as an agent operator publishes them.
 */
export async function startKeyDirectory(keys: readonly AgentKey[], cacheControl = 'max-age=300'): Promise<KeyDirectoryServer> {
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.url !== '/.well-known/http-message-signatures-directory') {
      response.writeHead(404).end();
      return;
    }
    fetches += 1;
    response.writeHead(200, {
      'content-type': 'application/http-message-signatures-directory+json',
      'cache-control': cacheControl,
    });
    response.end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    fetchCount: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
