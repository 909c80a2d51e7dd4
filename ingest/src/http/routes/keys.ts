import { Hono } from 'hono';

import type { AppDependencies, AppEnv } from '../app_env';

/** `GET /.well-known/jwks.json`: the public keys that verify session tags. */
export function keyRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(deps.signer.jwks());
  });
  return app;
}
