import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/** Service settings, read once from the environment at start. */
export interface Config {
  port: number;
  host: string;
  dbPath: string;
  dataDir: string;
  adminToken: string;
  /** True when the admin token was generated because `TELLTALE_ADMIN_TOKEN` was unset. */
  adminTokenGenerated: boolean;
  /** Public origin of the service, used as the tag issuer. */
  issuer: string;
  /** Days to keep raw events; features and decisions stay. */
  rawEventRetentionDays: number;
  /** Days to keep audit records; 0 keeps them forever. Pruning leaves the chain verifiable. */
  auditRetentionDays: number;
  logLevel: string;
  /** `loopback` lets agent key directories on 127.0.0.1 be fetched over plain HTTP; `off` fetches HTTPS only. */
  allowHttpKeyDirectories: 'off' | 'loopback';
  /** Path of the JSON file of registered agents, loaded at start; null when unset. */
  agentsFile: string | null;
}

/**
 * Parses the environment into a `Config`. Throws an error that names the variable and
 * the expected form when a value is invalid, so a bad setting stops the service at start.
 */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string): Config {
  const port = readInteger(env, 'PORT', 8787, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = resolve(cwd, env.TELLTALE_DATA_DIR?.trim() || './data');
  const dbPath = env.TELLTALE_DB?.trim() ? resolve(cwd, env.TELLTALE_DB.trim()) : resolve(dataDir, 'telltale.db');

  const tokenFromEnv = env.TELLTALE_ADMIN_TOKEN?.trim();
  if (tokenFromEnv !== undefined && tokenFromEnv !== '' && tokenFromEnv.length < 16) {
    throw new Error('TELLTALE_ADMIN_TOKEN must be at least 16 characters long; use a random value such as `openssl rand -hex 24`.');
  }
  const adminToken = tokenFromEnv || randomBytes(24).toString('base64url');

  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const issuer = env.TELLTALE_ISSUER?.trim() || `http://${hostForUrl}:${port}`;
  if (!/^https?:\/\/[^/?#]+$/.test(issuer)) {
    throw new Error(`TELLTALE_ISSUER must be an origin such as https://ingest.example (no path); got "${issuer}".`);
  }

  return {
    port,
    host,
    dbPath,
    dataDir,
    adminToken,
    adminTokenGenerated: !tokenFromEnv,
    issuer,
    rawEventRetentionDays: readInteger(env, 'TELLTALE_RAW_EVENT_RETENTION_DAYS', 7, 0, 3650),
    auditRetentionDays: readInteger(env, 'TELLTALE_AUDIT_RETENTION_DAYS', 365, 0, 36500),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    allowHttpKeyDirectories: readHttpKeyDirectories(env),
    agentsFile: env.TELLTALE_AGENTS_FILE?.trim() ? resolve(cwd, env.TELLTALE_AGENTS_FILE.trim()) : null,
  };
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

function readHttpKeyDirectories(env: NodeJS.ProcessEnv): 'off' | 'loopback' {
  const raw = env.TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES?.trim() || 'off';
  if (raw !== 'off' && raw !== 'loopback') {
    throw new Error(`TELLTALE_ALLOW_HTTP_KEY_DIRECTORIES must be "loopback" or "off"; got "${raw}".`);
  }
  return raw;
}
