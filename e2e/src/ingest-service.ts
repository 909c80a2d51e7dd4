import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { findFreePort } from './free-port';

const INGEST_DIR = fileURLToPath(new URL('../../ingest/', import.meta.url));
const HOST = '127.0.0.1';
const HEALTH_TIMEOUT_MS = 30_000;
const HEALTH_POLL_MS = 100;
const STOP_TIMEOUT_MS = 5_000;
const START_ATTEMPTS = 3;

/** A running ingest service with its own temporary database and data directory. */
export interface IngestService {
  /** Base URL, such as `http://127.0.0.1:41234`. */
  origin: string;
  /** Bearer token for the admin API. */
  adminToken: string;
  /** Path of the SQLite database file. */
  dbPath: string;
  /** Directory with the signing keys and other state. */
  dataDir: string;
  /** Every line the service wrote to stdout and stderr so far, in arrival order. */
  logLines: string[];
  /** Stops the service (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Deletes the temporary directory. Call after `stop()`. */
  removeFiles(): Promise<void>;
}

/**
 * Starts `ingest/src/main.ts` with `node --import tsx` on a free port of 127.0.0.1, with a new
 * temporary directory for the database and the signing keys, and waits until `GET /healthz`
 * returns 200. Retries on another port when the chosen one was taken in the meantime.
 * Throws with the service's last log lines when it exits or is not healthy within 30 s.
 */
export async function startIngestService(): Promise<IngestService> {
  const rootDir = await mkdtemp(join(tmpdir(), 'telltale-e2e-'));
  const dataDir = join(rootDir, 'data');
  const dbPath = join(rootDir, 'telltale.db');
  const adminToken = randomBytes(24).toString('base64url');
  const removeFiles = () => rm(rootDir, { recursive: true, force: true });

  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await findFreePort(HOST);
    const logLines: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: INGEST_DIR,
      env: {
        ...process.env,
        PORT: String(port),
        HOST,
        TELLTALE_DB: dbPath,
        TELLTALE_DATA_DIR: dataDir,
        TELLTALE_ADMIN_TOKEN: adminToken,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // 'close' fires once the process has exited and its output has been read to the end.
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    collectLines(child, logLines);

    const origin = `http://${HOST}:${port}`;
    const stop = () => stopProcess(child, closed);
    try {
      await waitForHealthy(origin, child);
      return { origin, adminToken, dbPath, dataDir, logLines, stop, removeFiles };
    } catch (error) {
      await stop();
      lastError = new Error(
        `Ingest service on ${origin} failed to start (attempt ${attempt} of ${START_ATTEMPTS}): ` +
          `${(error as Error).message}\nLast log lines:\n${logLines.slice(-20).join('\n')}`,
      );
      const portTaken = logLines.some((line) => line.includes('EADDRINUSE'));
      if (!portTaken) break;
    }
  }
  await removeFiles();
  throw lastError;
}

function collectLines(child: ChildProcess, lines: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => lines.push(line));
  }
}

async function waitForHealthy(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';

  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the process exited (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `GET /healthz returned ${response.status}`;
    } catch (error) {
      lastProblem = `GET /healthz failed: ${(error as Error).message}`;
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error(`not healthy after ${HEALTH_TIMEOUT_MS} ms (${lastProblem})`);
}

async function stopProcess(child: ChildProcess, closed: Promise<void>): Promise<void> {
  const running = child.exitCode === null && child.signalCode === null;
  if (running) child.kill('SIGTERM');
  const timer = running ? setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS) : undefined;
  await closed;
  clearTimeout(timer);
}
