import type { BeaconEvent, Environment, Evidence, Reason, SessionClass } from '@telltale/shared';

/**
 * Facts the server observed about the HTTP request that carried a beacon. Header values
 * are as received, or null when absent.
 */
export interface RequestFacts {
  userAgent: string | null;
  secChUa: string | null;
  secChUaMobile: string | null;
  secChUaPlatform: string | null;
  acceptLanguage: string | null;
  secFetchSite: string | null;
  secFetchMode: string | null;
  secFetchDest: string | null;
  /** Milliseconds since the epoch at which the server received the request. */
  receivedAt: number;
  /** Outcome of the request's Web Bot Auth signature; absent when the request was not signed. */
  identity?: RequestIdentity;
  /**
   * Set when the request's user agent names automation (an HTTP client, framework, crawler or
   * headless browser): the name and the evidence. Absent for browser user agents.
   */
  declaredClient?: { framework: string | null; evidence: Evidence[] };
}

/** Outcome of a signed request: the class its signature alone supports, and the evidence. */
export interface RequestIdentity {
  cls: 'authorized_agent' | 'unverified_agent' | 'rogue_bot';
  evidence: Evidence[];
}

/** One beacon's content, as the classifier needs it. */
export interface BeaconInput {
  seq: number;
  page: number;
  path: string;
  env?: Environment;
  events: BeaconEvent[];
}

/** The decision for a session after one beacon. */
export interface Decision {
  cls: SessionClass;
  /** Probability-like automation score in [0, 1]. */
  score: number;
  /** Automation framework when recognisable, else null. */
  framework: string | null;
  /** Reason codes, most important first. */
  reasons: Reason[];
  /** The evidence behind each reason, in the same order, with measured values. */
  evidence: Evidence[];
}
