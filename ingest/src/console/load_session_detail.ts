import type { BeaconEvent, Environment, Evidence } from '@telltale/shared';

import type { RunningStat } from '../classify/baseline';
import { listAuditRecords, type AuditRecordRow } from '../store/audit_records';
import { findSessionBaseline, listHumanPopulationEvents, listSessionBeacons } from '../store/console_queries';
import type { Db } from '../store/open_database';
import { findSession, listDecisions, type SessionRow } from '../store/sessions';
import { buildTrajectory, type Trajectory } from './build_trajectory';
import { extractKeyTimings, type KeyTimings } from './extract_key_timings';

/** Beacons read for one session page; a longer session shows its first ones. */
export const MAX_SESSION_BEACONS = 500;
const MAX_AUDIT_RECORDS = 100;
const MAX_TIMELINE_ENTRIES = 300;
/** The human population: the latest human sessions and at most this many of their beacons. */
const POPULATION_SESSIONS = 50;
const POPULATION_BEACONS = 300;
/** The population changes slowly, so it is recomputed at most this often. */
const POPULATION_CACHE_MS = 60_000;

/** One line of the session timeline. */
export interface TimelineEntry {
  /** Server time of the beacon or record, ms since the epoch. */
  at: number;
  kind: 'page' | 'input' | 'submit' | 'paste' | 'class' | 'tag';
  detail: string;
  /** Page time of the event within its beacon, ms; orders entries of one beacon. */
  pageTime?: number;
}

/** Everything the session page shows. */
export interface SessionDetail {
  session: SessionRow;
  evidence: Evidence[];
  /** The session's own baseline per feature, when it has one. */
  baseline: Record<string, RunningStat>;
  beaconsRead: number;
  trajectory: Trajectory;
  keyTimings: KeyTimings;
  population: KeyTimings;
  timeline: TimelineEntry[];
  environment: Environment | null;
  audit: AuditRecordRow[];
}

/** Creates a loader of session pages, with a per-app cache of the human key timing population. */
export function createSessionDetailLoader(db: Db, now: () => number): (id: string) => SessionDetail | undefined {
  let population: { at: number; bySession: { sessionId: string; timings: KeyTimings }[] } | null = null;

  // The page compares a session with other human sessions, so its own beacons are left out.
  const loadPopulation = (excludedSessionId: string): KeyTimings => {
    if (!population || now() - population.at >= POPULATION_CACHE_MS) {
      const bySession = listHumanPopulationEvents(db, POPULATION_SESSIONS, POPULATION_BEACONS).map((row) => ({
        sessionId: row.sessionId,
        timings: extractKeyTimings(JSON.parse(row.events) as BeaconEvent[]),
      }));
      population = { at: now(), bySession };
    }

    const timings: KeyTimings = { holds: [], flights: [] };
    for (const { sessionId, timings: one } of population.bySession) {
      if (sessionId === excludedSessionId) continue;
      timings.holds.push(...one.holds);
      timings.flights.push(...one.flights);
    }
    return timings;
  };

  return (id) => {
    const session = findSession(db, id);
    if (!session) return undefined;

    const beacons = listSessionBeacons(db, id, MAX_SESSION_BEACONS).map((row) => ({
      ...row,
      events: JSON.parse(row.events) as BeaconEvent[],
      env: row.env === null ? null : (JSON.parse(row.env) as Environment),
    }));
    const baselineJson = findSessionBaseline(db, id);
    const audit = listAuditRecords(db, { sessionId: id, limit: MAX_AUDIT_RECORDS }).rows;

    return {
      session,
      evidence: JSON.parse(session.evidence) as Evidence[],
      baseline: baselineJson ? ((JSON.parse(baselineJson) as { features?: Record<string, RunningStat> }).features ?? {}) : {},
      beaconsRead: beacons.length,
      trajectory: buildTrajectory(beacons),
      keyTimings: keyTimingsByPage(beacons),
      population: loadPopulation(id),
      timeline: buildTimeline(beacons, listDecisions(db, id), audit),
      environment: beacons.find((b) => b.env !== null)?.env ?? null,
      audit,
    };
  };
}

function keyTimingsByPage(beacons: readonly { page: number; events: BeaconEvent[] }[]): KeyTimings {
  const pages = new Map<number, BeaconEvent[]>();
  for (const beacon of beacons) {
    const events = pages.get(beacon.page) ?? [];
    events.push(...beacon.events);
    pages.set(beacon.page, events);
  }
  const timings: KeyTimings = { holds: [], flights: [] };
  for (const events of pages.values()) {
    const one = extractKeyTimings(events);
    timings.holds.push(...one.holds);
    timings.flights.push(...one.flights);
  }
  return timings;
}

function buildTimeline(
  beacons: readonly { page: number; path: string; receivedAt: number; events: BeaconEvent[] }[],
  decisions: readonly { at: number; class: string; previousClass: string | null; score: number }[],
  audit: readonly AuditRecordRow[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const beacon of beacons) {
    const inputs = new Map<number, { count: number; delta: number; firstAt: number }>();
    const at = beacon.receivedAt;
    for (const event of beacon.events) {
      const where = `page ${beacon.page}, ${formatSeconds(event.t)}`;
      if (event.type === 'nav') entries.push({ at, pageTime: event.t, kind: 'page', detail: `${event.kind} ${event.path} (${where})` });
      if (event.type === 'submit') entries.push({ at, pageTime: event.t, kind: 'submit', detail: `form with ${plural(event.fields, 'element')} submitted (${where})` });
      if (event.type === 'paste') entries.push({ at, pageTime: event.t, kind: 'paste', detail: `paste${event.field === undefined ? '' : ` into field ${event.field}`} (${where})` });
      if (event.type === 'input') {
        const field = inputs.get(event.field) ?? { count: 0, delta: 0, firstAt: event.t };
        inputs.set(event.field, { count: field.count + 1, delta: field.delta + event.delta, firstAt: field.firstAt });
      }
    }
    for (const [field, sum] of inputs) {
      const change = `${sum.delta >= 0 ? '+' : '−'}${plural(Math.abs(sum.delta), 'character')}`;
      entries.push({ at, pageTime: sum.firstAt, kind: 'input', detail: `field ${field}: ${plural(sum.count, 'input event')}, ${change} (page ${beacon.page} on ${beacon.path})` });
    }
  }
  for (const decision of decisions) {
    entries.push({ at: decision.at, kind: 'class', detail: `${decision.previousClass ?? 'none'} → ${decision.class}, score ${decision.score.toFixed(2)}` });
  }
  for (const record of audit) {
    if (record.kind === 'tag_issued') entries.push({ at: record.at, kind: 'tag', detail: `tag issued: ${record.class}` });
  }
  entries.sort((a, b) => a.at - b.at || (a.pageTime ?? 0) - (b.pageTime ?? 0));
  return entries.slice(0, MAX_TIMELINE_ENTRIES);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
