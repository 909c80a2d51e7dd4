import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Hono } from 'hono';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from '@telltale/verify';
import { telltaleEnforce, type TelltaleEnforceVariables } from '@telltale/verify/hono-enforce';
import { serve, type ServerType } from '@hono/node-server';

import { pruneSigningKeys, RETIRED_KEY_PUBLISH_MS } from '../../src/sign/signing_keys';
import { emptyBeacon, postBeacon } from '../support/beacons';

const run = promisify(execFile);
const INGEST_DIR = join(import.meta.dirname, '..', '..');

let dataDir: string;
let service: ChildProcess;
let serviceUrl: string;
let backend: ServerType;
let backendUrl: string;

/** Starts the real service (`src/main.ts`) on a free port with its own data directory. */
async function startServiceProcess(): Promise<void> {
  service = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: INGEST_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TELLTALE_DATA_DIR: dataDir, TELLTALE_ADMIN_TOKEN: 'rotation-admin-token-0123', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serviceUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`service did not start within 20 s: ${output}`)), 20_000);
    service.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    service.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    service.on('exit', (code) => reject(new Error(`service exited with ${code}: ${output}`)));
  });
}

/**
 * Starts a backend that enforces the default policy with the service's JWKS URL. It
 * refetches the key set when it is older than half a second (default 10 minutes), so the
 * test need not wait to see a removed key disappear.
 */
async function startBackend(): Promise<void> {
  const app = new Hono<{ Variables: TelltaleEnforceVariables }>();
  app.use('/api/*', telltaleEnforce({ jwksUrl: `${serviceUrl}/.well-known/jwks.json`, audience: 'pk_demo', jwksCooldownMs: 0, jwksMaxAgeMs: 500 }));
  app.get('/api/whoami', (c) => c.json({ class: c.get('telltaleDecision').class, tagError: c.get('telltaleDecision').tagError?.code ?? null }));
  backend = await new Promise<ServerType>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(server));
  });
  const address = backend.address();
  backendUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function collectTag(): Promise<string> {
  const response = await postBeacon(serviceUrl, emptyBeacon());
  expect(response.status).toBe(200);
  return ((await response.json()) as { tag: string }).tag;
}

async function backendSees(tag: string): Promise<{ status: number; class: string; tagError: string | null }> {
  const response = await fetch(`${backendUrl}/api/whoami`, { headers: { 'telltale-tag': tag } });
  return { status: response.status, ...((await response.json()) as { class: string; tagError: string | null }) };
}

async function publishedKids(): Promise<string[]> {
  const response = await fetch(`${serviceUrl}/.well-known/jwks.json`);
  return ((await response.json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
}

async function waitForKids(count: number): Promise<string[]> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const kids = await publishedKids();
    if (kids.length === count) return kids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`JWKS did not reach ${count} keys within 10 s`);
}

function kidOf(tag: string): string {
  return (JSON.parse(Buffer.from(tag.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'telltale-rotation-'));
  await startServiceProcess();
  await startBackend();
}, 30_000);
afterAll(async () => {
  service?.kill();
  await new Promise<void>((resolve) => (backend ? backend.close(() => resolve()) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run keys -- rotate', () => {
  it('keeps tags verifying across a rotation and drops a removed key', async () => {
    const before = await collectTag();
    expect(await backendSees(before)).toMatchObject({ status: 200, class: 'unknown', tagError: null });
    const oldKid = kidOf(before);
    const oldPrivateJwk = (JSON.parse(readFileSync(join(dataDir, 'signing-keys.json'), 'utf8')) as { keys: { kid: string; privateJwk: JWK }[] }).keys[0]!.privateJwk;

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', 'rotate'], { cwd: INGEST_DIR, env: { ...process.env, TELLTALE_DATA_DIR: dataDir } });
    const rotated = JSON.parse(stdout) as { active: string; previous: string };
    expect(rotated.previous).toBe(oldKid);
    expect((await waitForKids(2)).sort()).toEqual([oldKid, rotated.active].sort());

    const after = await collectTag();
    expect(kidOf(after)).toBe(rotated.active);
    expect(await backendSees(after)).toMatchObject({ status: 200, class: 'unknown', tagError: null });
    expect(await backendSees(before)).toMatchObject({ status: 200, tagError: null });

    // A backend that never saw the old tag still verifies it, because the old key stays published.
    const fresh = createVerifier({ jwksUrl: `${serviceUrl}/.well-known/jwks.json`, audience: 'pk_demo' });
    expect((await fresh.verify(before)).sub).toBeTruthy();

    // Once its publishing period has passed, prune removes the old key and the service stops serving it.
    expect(pruneSigningKeys(dataDir, Date.now() + RETIRED_KEY_PUBLISH_MS)).toEqual([oldKid]);
    expect(await waitForKids(1)).toEqual([rotated.active]);

    const oldKey = await importJWK({ ...oldPrivateJwk, alg: 'EdDSA' }, 'EdDSA');
    const nowSec = Math.floor(Date.now() / 1000);
    const signedByRemovedKey = await new SignJWT({ v: 1, cls: 'human', agent_driven: false, fw: null, score: 0.1, reasons: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: oldKid, typ: 'JWT' })
      .setIssuer('http://127.0.0.1:8787')
      .setSubject('removed-key-session')
      .setAudience('pk_demo')
      .setIssuedAt(nowSec)
      .setExpirationTime(nowSec + 600)
      .sign(oldKey);

    const rejected = createVerifier({ jwksUrl: `${serviceUrl}/.well-known/jwks.json`, audience: 'pk_demo', jwksMaxAgeMs: 1 });
    await expect(rejected.verify(signedByRemovedKey)).rejects.toMatchObject({ code: 'tag_unknown_key' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await backendSees(signedByRemovedKey)).toMatchObject({ class: 'unknown', tagError: 'tag_unknown_key' });
    expect(await backendSees(after)).toMatchObject({ status: 200, tagError: null });
  }, 60_000);
});
