/**
 * Starts the ingest service with the demo app: reads the environment, opens the
 * database, loads (or creates) the signing key and the identity hash key, and listens on
 * HOST:PORT.
 */
import { serve } from '@hono/node-server';

import { readConfig } from './config';
import { createApp } from './http/create_app';
import { loadOrCreateIdentityKey } from './identity/identity_key';
import { createLog } from './log';
import { createTagSigner } from './sign/tag_signer';
import { loadOrCreateSigningKeys } from './sign/signing_keys';
import { watchSigningKeys } from './sign/watch_signing_keys';
import { openDatabase } from './store/open_database';
import { pruneAuditRecords } from './store/prune_audit_records';
import { pruneRawEvents } from './store/prune_raw_events';
import { upsertSite } from './store/sites';
import { loadAgentsFile } from './registry/load_agents_file';
import { upsertAgent } from './store/agent_registry';

const RETENTION_SWEEP_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    process.stderr.write(`telltale: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const log = createLog({ level: config.logLevel });

  const db = openDatabase(config.dbPath);
  upsertSite(db, { id: 'pk_demo', name: 'Demo', origins: ['*'] }, Date.now());
  if (config.agentsFile !== null) {
    let registered;
    try {
      registered = loadAgentsFile(config.agentsFile);
    } catch (error) {
      process.stderr.write(`telltale: ${(error as Error).message}\n`);
      process.exit(1);
    }
    for (const agent of registered) upsertAgent(db, agent, Date.now());
    log.info({ event: 'agents_file_loaded', path: config.agentsFile, agents: registered.length });
  }

  const keys = await loadOrCreateSigningKeys(config.dataDir);
  const signer = createTagSigner({ active: keys.active, published: keys.published, issuer: config.issuer });
  const stopWatchingKeys = watchSigningKeys(config.dataDir, signer, log);
  let identityKey;
  try {
    identityKey = loadOrCreateIdentityKey(config.dataDir);
  } catch (error) {
    process.stderr.write(`telltale: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const app = createApp({ db, log, signer, identityKey, adminToken: config.adminToken, allowHttpKeyDirectories: config.allowHttpKeyDirectories });

  const sweep = () => {
    const deleted = pruneRawEvents(db, Date.now() - config.rawEventRetentionDays * 24 * 60 * 60 * 1000);
    if (deleted > 0) log.info({ event: 'raw_events_pruned', beacons: deleted, retentionDays: config.rawEventRetentionDays });
    if (config.auditRetentionDays > 0) {
      const now = Date.now();
      const pruned = pruneAuditRecords(db, now - config.auditRetentionDays * 24 * 60 * 60 * 1000, now);
      if (pruned > 0) log.info({ event: 'audit_records_pruned', records: pruned, retentionDays: config.auditRetentionDays });
    }
  };
  sweep();
  const sweepTimer = setInterval(sweep, RETENTION_SWEEP_MS);
  sweepTimer.unref();

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    log.info({ event: 'server_listening', host: config.host, port: info.port, db: config.dbPath, kid: keys.active.kid });
    process.stdout.write(`Telltale ingest is listening on http://${config.host}:${info.port} (demo: http://${config.host}:${info.port}/demo/)\n`);
    if (config.adminTokenGenerated) {
      // Printed once to the terminal, never to the JSON log.
      process.stderr.write(`Admin token for this run (set TELLTALE_ADMIN_TOKEN to choose one): ${config.adminToken}\n`);
    }
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.error({ event: 'server_failed', err: error, port: config.port });
    if (error.code === 'EADDRINUSE') {
      process.stderr.write(`telltale: port ${config.port} on ${config.host} is already in use; stop the other process or set PORT to a free port.\n`);
    } else if (error.code === 'EACCES') {
      process.stderr.write(`telltale: no permission to listen on ${config.host}:${config.port}; set PORT to a port above 1023.\n`);
    }
    process.exit(1);
  });

  const stop = (signal: string) => {
    log.info({ event: 'server_stopping', signal });
    clearInterval(sweepTimer);
    stopWatchingKeys();
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`telltale: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
