// A small HTTP server on 127.0.0.1 for the browser tests. It serves fixture pages with the built
// SDK, responds to POST /v1/collect with a fake tag, and keeps every beacon it receives. It
// replaces the ingest service, which has its own tests.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import { expandEventRows } from '@telltale/shared/event_rows';

const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** One request to /v1/collect as the server saw it. */
export interface CapturedBeacon {
  /** Status of the server's response. */
  status: number;
  contentType: string;
  /** Raw request body. */
  body: string;
  /**
   * Parsed body with its `rows` and `strings` expanded into `events`, as the ingest service
   * expands them before validation, or undefined when the body is not JSON.
   */
  json: any;
  /** Tag returned in a 200 response. */
  tag?: string;
}

export interface CaptureServer {
  origin: string;
  beacons: CapturedBeacon[];
  /** Statuses to answer the next requests with, in order, before returning to 200. */
  failNext(...statuses: number[]): void;
  /** Waits until `predicate` holds for the captured beacons; throws after `timeoutMs`. */
  waitFor(predicate: (beacons: CapturedBeacon[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** HTML of the fixture app page: a sign-in form, a tall body to scroll and the script tag. */
export function fixturePage(scriptAttributes = 'data-site="pk_test" data-interval="1000"'): string {
  return `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>Fixture</title></head>
  <body style="margin:0">
    <h1>Fixture page</h1>
    <form id="login">
      <input id="username" type="text" autocomplete="off">
      <input id="password" type="password" autocomplete="off">
      <textarea id="notes"></textarea>
      <button id="submit" type="submit" style="display:block;width:200px;height:60px">Sign in</button>
    </form>
    <div style="height:3000px"></div>
    <script>document.getElementById('login').addEventListener('submit', (event) => event.preventDefault());</script>
    <script async src="/sdk/telltale.js" ${scriptAttributes}></script>
  </body>
</html>`;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startCaptureServer(): Promise<CaptureServer> {
  const beacons: CapturedBeacon[] = [];
  const failures: number[] = [];
  let tagCount = 0;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/v1/collect') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = expandRows(JSON.parse(body));
        } catch {
          json = undefined;
        }
        const status = failures.shift() ?? 200;
        const captured: CapturedBeacon = { status, contentType: request.headers['content-type'] ?? '', body, json };
        beacons.push(captured);
        if (status !== 200) {
          response.writeHead(status, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ error: { code: status === 409 ? 'sequence_replayed' : 'test_failure', message: 'Failure requested by the test.' } }));
          return;
        }
        captured.tag = `tag-${++tagCount}`;
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ tag: captured.tag, class: 'unknown', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }));
      });
      return;
    }

    if (request.method === 'GET' && url.pathname.startsWith('/sdk/')) {
      const name = url.pathname.slice('/sdk/'.length);
      if (name === 'telltale.js' || name === 'telltale.esm.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript' });
        response.end(readFileSync(DIST_DIR + name));
        return;
      }
    }
    if (request.method === 'GET' && url.pathname.startsWith('/app/')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(fixturePage());
      return;
    }
    if (request.method === 'GET' && url.pathname === '/esm.html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html><body><p>ESM fixture</p>' +
          '<script type="module">import * as esm from "/sdk/telltale.esm.js"; window.esm = esm;</script></body></html>',
      );
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('Not found');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    beacons,
    failNext: (...statuses) => failures.push(...statuses),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(beacons)) {
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for beacons; received ${beacons.length}.`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Replaces the `rows` and `strings` of a beacon by the `events` they encode. */
function expandRows(beacon: any): any {
  if (typeof beacon !== 'object' || beacon === null || !('rows' in beacon)) return beacon;
  const { rows, strings, ...rest } = beacon;
  return { ...rest, events: expandEventRows(rows, strings) };
}
