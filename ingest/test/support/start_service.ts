import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { serve, type ServerType } from '@hono/node-server';

import { createApp } from '../../src/http/create_app';
import { createLog } from '../../src/log';
import { loadOrCreateSigningKeys } from '../../src/sign/signing_keys';
import { createTagSigner, type TagSigner } from '../../src/sign/tag_signer';
import { openDatabase, type Db } from '../../src/store/open_database';
import { upsertSite } from '../../src/store/sites';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestService {
  url: string;
  db: Db;
  signer: TagSigner;
  dir: string;
  /** JSON log lines written so far. */
  logLines: string[];
  /** Moves the service's clock; tags and sessions use it. */
  setNow(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts the real app on 127.0.0.1 on a free port, with a SQLite file and signing keys
 * in a new temporary directory and the demo site registered.
 */
export async function startService(options: { now?: number } = {}): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), 'telltale-test-'));
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const log = createLog({ level: 'info', destination });

  let nowMs = options.now ?? Date.now();
  const db = openDatabase(join(dir, 'telltale.db'));
  upsertSite(db, { id: 'pk_demo', name: 'Demo', origins: ['*'] }, nowMs);
  upsertSite(db, { id: 'pk_locked', name: 'Locked', origins: ['https://shop.example'] }, nowMs);

  const keys = await loadOrCreateSigningKeys(dir);
  const signer = createTagSigner({ active: keys.active, published: keys.all, issuer: 'http://127.0.0.1' });
  const app = createApp({ db, log, signer, adminToken: ADMIN_TOKEN, now: () => nowMs, allowHttpKeyDirectories: 'loopback' });

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    db,
    signer,
    dir,
    logLines,
    setNow: (ms) => {
      nowMs = ms;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Returns every row of every table, as text, to compare stored data before and after a request. */
export function dumpDatabase(db: Db): string {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  return tables.map(({ name }) => `${name}: ${JSON.stringify(db.$client.prepare(`select * from "${name}"`).all())}`).join('\n');
}
