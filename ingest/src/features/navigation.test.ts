import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractNavigationFeatures } from './navigation';

describe('extractNavigationFeatures', () => {
  it('counts route changes and the shortest interval between them', () => {
    const events: BeaconEvent[] = [
      { type: 'nav', t: 0, kind: 'load', path: '/' },
      { type: 'nav', t: 900, kind: 'push', path: '/articles' },
      { type: 'nav', t: 1150, kind: 'push', path: '/articles/2' },
    ];
    const { features } = extractNavigationFeatures(events, 0, 10_000, null);
    expect(features.routeChangeCount).toBe(2);
    expect(features.navIntervalMsMin).toBe(250);
    expect(features.pageCount).toBe(1);
  });

  it('measures the time between page loads with the server clock', () => {
    const first = extractNavigationFeatures([], 0, 10_000, null);
    const same = extractNavigationFeatures([], 0, 14_000, first.carry);
    const next = extractNavigationFeatures([], 1, 17_500, same.carry);
    expect(same.features.interPageMs).toBeNull();
    expect(next.features.interPageMs).toBe(7500);
    expect(next.features.pageCount).toBe(2);
  });
});
