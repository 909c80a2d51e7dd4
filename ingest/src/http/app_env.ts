import type { Context } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';

import type { Log } from '../log';
import type { TagSigner } from '../sign/tag_signer';
import type { Db } from '../store/open_database';

/** Everything the routes need, passed in by `createApp`. */
export interface AppDependencies {
  db: Db;
  log: Log;
  signer: TagSigner;
  adminToken: string;
  /** Current time in ms since the epoch. */
  now: () => number;
  /** Truncated network of the client that sent the request, or null when unknown. */
  clientNetwork: (c: Context) => string | null;
  /** Path of the built SDK script served at `/sdk/telltale.js`. */
  sdkPath: string;
}

export interface AppEnv {
  Variables: RequestIdVariables & { log: Log };
}
