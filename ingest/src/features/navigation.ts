import type { BeaconEvent } from '@telltale/shared';

/** Navigation features of one window. */
export interface NavigationFeatures {
  /** Page loads seen in the session so far, this window included. */
  pageCount: number;
  /** History API navigations (`push`, `replace`, `pop`) in this window. */
  routeChangeCount: number;
  /** Shortest interval between consecutive navigations in this window, page clock, in ms. */
  navIntervalMsMin: number | null;
  /** Time since the previous page load's first beacon, by the server clock, in ms. */
  interPageMs: number | null;
}

/** Session-wide navigation counters kept between windows. */
export interface NavigationCarry {
  pageCount: number;
  lastPage: number | null;
  /** Server time (ms since the epoch) of the first beacon of the latest page. */
  pageStartedAt: number | null;
}

export interface NavigationExtraction {
  features: NavigationFeatures;
  carry: NavigationCarry;
}

/**
 * Extracts navigation features. Event timestamps restart at each page load, so the
 * interval between pages comes from the server's receive time, passed in as `receivedAt`.
 */
export function extractNavigationFeatures(
  events: readonly BeaconEvent[],
  page: number,
  receivedAt: number,
  carry: NavigationCarry | null,
): NavigationExtraction {
  const next: NavigationCarry = carry ? { ...carry } : { pageCount: 0, lastPage: null, pageStartedAt: null };
  let interPageMs: number | null = null;
  if (next.lastPage !== page) {
    if (next.pageStartedAt !== null) interPageMs = Math.max(0, receivedAt - next.pageStartedAt);
    next.pageCount += 1;
    next.lastPage = page;
    next.pageStartedAt = receivedAt;
  }

  let routeChangeCount = 0;
  let previousNav: number | null = null;
  let navIntervalMsMin: number | null = null;
  for (const event of events) {
    if (event.type !== 'nav') continue;
    if (event.kind !== 'load') routeChangeCount += 1;
    if (previousNav !== null) navIntervalMsMin = Math.min(navIntervalMsMin ?? Infinity, event.t - previousNav);
    previousNav = event.t;
  }

  return {
    features: { pageCount: next.pageCount, routeChangeCount, navIntervalMsMin, interPageMs },
    carry: next,
  };
}
