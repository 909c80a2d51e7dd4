/**
 * Measures how long the operator console takes to render with 100,000 stored sessions.
 *
 * Fills a temporary SQLite file with generated sessions spread over 7 days and all five
 * classes, 500 of them with stored pointer and key events. Then it renders each page
 * through the real app (`app.request`, no network) and prints the median and p95 of
 * repeated runs.
 * Run with `npm run bench` from the repository root.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { SESSION_CLASSES, isAgentDriven, type BeaconEvent } from '@telltale/shared';

import { createApp } from '../src/http/create_app';
import { createLog } from '../src/log';
import { loadOrCreateSigningKeys } from '../src/sign/signing_keys';
import { createTagSigner } from '../src/sign/tag_signer';
import { openDatabase, type Db } from '../src/store/open_database';

const SESSION_COUNT = 100_000;
const SESSIONS_WITH_EVENTS = 500;
const BEACONS_PER_SESSION = 3;
const PERIOD_MS = 7 * 24 * 60 * 60 * 1000;
const WARMUP_RUNS = 3;
const MEASURED_RUNS = 30;
const ADMIN_TOKEN = 'bench-admin-token';
const FRAMEWORKS = [null, null, null, 'playwright', 'puppeteer', 'selenium', 'curl'];

/** Deterministic pseudo-random numbers (mulberry32), so every run stores the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns one beacon's worth of pointer moves along a wobbly path, plus typing. */
function beaconEvents(next: () => number, start: number): BeaconEvent[] {
  const events: BeaconEvent[] = [];
  let x = 200 + next() * 800;
  let y = 100 + next() * 500;
  let t = start;
  for (let i = 0; i < 200; i++) {
    x += (next() - 0.5) * 30;
    y += (next() - 0.5) * 30;
    t += 8 + next() * 12;
    events.push({ type: 'pointer', t, kind: 'move', x, y });
  }
  for (let i = 0; i < 20; i++) {
    t += 60 + next() * 200;
    events.push({ type: 'key', t, phase: 'down', cls: 'letter', field: 0 });
    t += 60 + next() * 80;
    events.push({ type: 'key', t, phase: 'up', cls: 'letter', field: 0 });
  }
  return events;
}

/** Inserts the generated sessions and beacons in one transaction and returns the id of a session with events. */
function fillDatabase(db: Db, now: number): string {
  const next = random(42);
  const insertSession = db.$client.prepare(
    `insert into sessions (id, site_id, class, agent_driven, framework, score, reasons, evidence, first_seen, last_seen, last_seq,
       beacon_count, event_count, user_agent, client_network, identity_hash, state, tag, tag_class, tag_expires_at)
     values (?, 'pk_demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '203.0.113.0/24', ?, '{}', 'tag', ?, ?)`,
  );
  const insertBeacon = db.$client.prepare('insert into beacons (session_id, seq, page, path, received_at, event_count, events, env) values (?, ?, 0, ?, ?, ?, ?, null)');
  const evidence = JSON.stringify([{ code: 'pointer_speed_constant', feature: 'stepLengthCv', value: 0.12, threshold: 0.28, weight: 2.5 }]);

  let sampleId = '';
  db.$client.transaction(() => {
    for (let i = 0; i < SESSION_COUNT; i++) {
      const id = `bench${i.toString(36).padStart(6, '0')}`;
      const cls = i < SESSIONS_WITH_EVENTS ? 'human' : SESSION_CLASSES[Math.floor(next() * SESSION_CLASSES.length)]!;
      const lastSeen = now - Math.floor(next() * PERIOD_MS);
      const framework = isAgentDriven(cls) ? FRAMEWORKS[Math.floor(next() * FRAMEWORKS.length)]! : null;
      const withEvents = i < SESSIONS_WITH_EVENTS;
      insertSession.run(id, cls, isAgentDriven(cls) ? 1 : 0, framework, next(), '["pointer_speed_constant"]', evidence, lastSeen - 60_000, lastSeen, withEvents ? BEACONS_PER_SESSION - 1 : 0, withEvents ? BEACONS_PER_SESSION : 1, withEvents ? 240 * BEACONS_PER_SESSION : 10, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0', i % 50 === 0 ? `identity${i % 1000}` : null, cls, lastSeen + 900_000);
      if (!withEvents) continue;
      for (let seq = 0; seq < BEACONS_PER_SESSION; seq++) {
        const events = beaconEvents(next, seq * 6000);
        insertBeacon.run(id, seq, '/demo/', lastSeen - (BEACONS_PER_SESSION - seq) * 5000, events.length, JSON.stringify(events));
      }
      sampleId = id;
    }
  })();
  return sampleId;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'telltale-bench-'));
  try {
    const now = Date.now();
    const db = openDatabase(join(dir, 'telltale.db'));
    const filled = performance.now();
    const sampleId = fillDatabase(db, now);
    console.log(`Stored ${SESSION_COUNT} sessions (${SESSIONS_WITH_EVENTS} with ${BEACONS_PER_SESSION} beacons of 240 events) in ${Math.round(performance.now() - filled)} ms.`);

    const keys = await loadOrCreateSigningKeys(dir);
    const signer = createTagSigner({ active: keys.active, published: keys.all, issuer: 'http://127.0.0.1' });
    const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const app = createApp({ db, log: createLog({ level: 'warn', destination: silent }), signer, adminToken: ADMIN_TOKEN, now: () => now });

    const signIn = await app.request('/console/sign-in', { method: 'POST', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: ADMIN_TOKEN }) });
    if (signIn.status !== 303) throw new Error(`Sign-in failed with status ${signIn.status}; the benchmark needs the console routes.`);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

    const pages = [
      ['session list, last 24 hours', '/console/sessions'],
      ['session list, last 7 days', '/console/sessions?period=7d'],
      ['session list, 30 days, class filter', '/console/sessions?period=30d&class=rogue_bot'],
      ['session list, 7 days, framework filter', '/console/sessions?period=7d&framework=selenium'],
      ['session list, 7 days, identity filter (rare)', '/console/sessions?period=7d&identity=identity0'],
      ['session page, 3 beacons', `/console/sessions/${sampleId}`],
    ] as const;

    console.log(`\nMedian and p95 of ${MEASURED_RUNS} renders after ${WARMUP_RUNS} warm-up renders (Node ${process.version}):`);
    for (const [name, path] of pages) {
      const times: number[] = [];
      for (let run = 0; run < WARMUP_RUNS + MEASURED_RUNS; run++) {
        const started = performance.now();
        const response = await app.request(path, { headers: { cookie } });
        const html = await response.text();
        if (response.status !== 200 || html.length === 0) throw new Error(`GET ${path} returned ${response.status}.`);
        if (run >= WARMUP_RUNS) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(46)} median ${percentile(times, 0.5).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 0.95).toFixed(1).padStart(7)} ms`);
    }
    db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
