import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { requestId } from 'hono/request-id';
import { createRequestClassifier, type HttpKeyDirectories } from '@telltale/verify';

import { consoleRoutes } from '../console/console_routes';
import { demoRoutes } from '../demo/demo_routes';
import type { Log } from '../log';
import type { TagSigner } from '../sign/tag_signer';
import { findAgentBySignatureAgent } from '../store/agent_registry';
import type { Db } from '../store/open_database';
import { ApiError } from './api_error';
import type { AppDependencies, AppEnv } from './app_env';
import { truncateClientAddress } from './client_network';
import { agentRoutes } from './routes/agents';
import { auditRoutes } from './routes/audit';
import { collectRoutes } from './routes/collect';
import { healthRoutes } from './routes/health';
import { keyRoutes } from './routes/keys';
import { sdkRoutes } from './routes/sdk_script';
import { sessionRoutes } from './routes/sessions';
import { verifyRoutes } from './routes/verify';

export interface AppOptions {
  db: Db;
  log: Log;
  signer: TagSigner;
  /**
   * Secret key of identity hashes, from `loadOrCreateIdentityKey`. Defaults to a random key
   * per app, so identity hashes and baselines then last only as long as the process.
   */
  identityKey?: Uint8Array;
  /** Bearer token for the admin API. */
  adminToken: string;
  /** Clock in ms since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /** Client address resolver; defaults to the socket's remote address (Node server only). */
  clientNetwork?: (c: Context) => string | null;
  /** Path of the built SDK script; defaults to `sdk/dist/telltale.js` in this repository. */
  sdkPath?: string;
  /** `loopback` lets agent key directories on 127.0.0.1 be fetched over plain HTTP; default `off` (HTTPS only). */
  allowHttpKeyDirectories?: HttpKeyDirectories;
}

const DEFAULT_SDK_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'sdk', 'dist', 'telltale.js');
/** Request ids from clients are reused only when short and plain, so they are safe to log. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the ingest service's Hono app without listening, so tests can call
 * `app.request()` or serve it on a port of their choice.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps: AppDependencies = {
    db: options.db,
    log: options.log,
    signer: options.signer,
    identityKey: options.identityKey ?? randomBytes(32),
    adminToken: options.adminToken,
    now: options.now ?? Date.now,
    clientNetwork: options.clientNetwork ?? socketNetwork,
    sdkPath: options.sdkPath ?? DEFAULT_SDK_PATH,
    requestClassifier: createRequestClassifier({
      allowHttp: options.allowHttpKeyDirectories ?? 'off',
      now: options.now ?? Date.now,
      findAgent: (signatureAgent) => findAgentBySignatureAgent(options.db, signatureAgent),
    }),
  };
  const app = new Hono<AppEnv>();

  app.use(
    requestId({
      generator: () => crypto.randomUUID(),
      headerName: 'X-Request-Id',
      limitLength: 64,
    }),
  );
  app.use(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : c.get('requestId');
    c.set('log', options.log.child({ requestId: id }));
    const started = performance.now();
    await next();
    c.get('log').info({
      event: 'request_completed',
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  app.route('/', healthRoutes(deps));
  app.route('/', keyRoutes(deps));
  app.route('/', collectRoutes(deps));
  app.route('/', verifyRoutes(deps));
  app.route('/', sessionRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', agentRoutes(deps));
  app.route('/', sdkRoutes(deps));
  app.route('/', demoRoutes(deps));
  app.route('/', consoleRoutes(deps));

  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}; see the HTTP routes in the README.`, requestId: c.get('requestId') } }, 404));

  app.onError((error, c) => {
    const requestIdValue = c.get('requestId');
    if (error instanceof ApiError) {
      c.get('log')?.info({ event: 'request_rejected', code: error.code, status: error.status });
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ error: { code: error.code, message: error.message, requestId: requestIdValue } }, error.status as 400);
    }
    (c.get('log') ?? options.log).error({ event: 'request_failed', err: error, route: c.req.routePath });
    return c.json({ error: { code: 'internal_error', message: 'The service failed to handle this request; the cause is in the service log under this request id.', requestId: requestIdValue } }, 500);
  });

  return app;
}

function socketNetwork(c: Context): string | null {
  try {
    return truncateClientAddress(getConnInfo(c).remote.address);
  } catch {
    // app.request() in tests has no socket.
    return null;
  }
}
