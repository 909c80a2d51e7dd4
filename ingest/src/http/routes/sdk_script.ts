import { readFile } from 'node:fs/promises';

import { Hono } from 'hono';

import { ApiError } from '../api_error';
import type { AppDependencies, AppEnv } from '../app_env';

/** `GET /sdk/telltale.js`: the built IIFE script, read once and kept in memory. */
export function sdkRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  let script: Promise<string> | undefined;

  app.get('/sdk/telltale.js', async (c) => {
    script ??= readFile(deps.sdkPath, 'utf8');
    let body: string;
    try {
      body = await script;
    } catch {
      script = undefined;
      throw new ApiError('unavailable', 'The SDK script is not built; run `npm run build` at the repository root.');
    }
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(body);
  });
  return app;
}
