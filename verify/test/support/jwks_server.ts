import { Hono } from 'hono';
import type { JWK } from 'jose';

import { startServer, type RunningServer } from './serve';

export interface JwksServer extends RunningServer {
  jwksUrl: string;
  /** Number of `GET /.well-known/jwks.json` requests served so far. */
  fetchCount(): number;
  /** Replaces the served keys, as the ingest service does when it rotates its signing key. */
  setKeys(keys: JWK[]): void;
  /** Makes the endpoint respond with status 500 instead of the key set. */
  setFailing(failing: boolean): void;
}

/** Starts a real HTTP server on 127.0.0.1 that serves a JWKS the way the ingest service does. */
export async function startJwksServer(initialKeys: JWK[]): Promise<JwksServer> {
  let keys = initialKeys;
  let failing = false;
  let fetches = 0;

  const app = new Hono();
  app.get('/.well-known/jwks.json', (c) => {
    fetches += 1;
    if (failing) return c.json({ error: { code: 'internal_error', message: 'Test failure.' } }, 500);
    return c.json({ keys });
  });

  const server = await startServer(app);
  return {
    ...server,
    jwksUrl: `${server.origin}/.well-known/jwks.json`,
    fetchCount: () => fetches,
    setKeys: (next) => {
      keys = next;
    },
    setFailing: (next) => {
      failing = next;
    },
  };
}
