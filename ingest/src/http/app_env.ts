import type { Context } from 'hono';
import type { RequestClassifier } from '@telltale/verify';
import type { RequestIdVariables } from 'hono/request-id';

import type { Log } from '../log';
import type { TagSigner } from '../sign/tag_signer';
import type { Db } from '../store/open_database';

/** Everything the routes need, passed in by `createApp`. */
export interface AppDependencies {
  db: Db;
  log: Log;
  signer: TagSigner;
  /** Secret key of the HMAC that replaces each identity a page names. */
  identityKey: Uint8Array;
  adminToken: string;
  /** Current time in ms since the epoch. */
  now: () => number;
  /** Truncated network of the client that sent the request, or null when unknown. */
  clientNetwork: (c: Context) => string | null;
  /** Path of the built SDK script served at `/sdk/telltale.js`. */
  sdkPath: string;
  /** Classifier of requests without a session tag (user agent catalogue, Web Bot Auth, agent registry). */
  requestClassifier: RequestClassifier;
}

export interface AppEnv {
  Variables: RequestIdVariables & { log: Log };
}
