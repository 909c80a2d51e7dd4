import type { BeaconEvent } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { extractDwellFeatures } from './dwell';

describe('extractDwellFeatures', () => {
  it('reports the first interaction and the longest idle gap', () => {
    const events: BeaconEvent[] = [
      { type: 'nav', t: 100, kind: 'load', path: '/' },
      { type: 'pointer', t: 1200, kind: 'move', x: 1, y: 1 },
      { type: 'pointer', t: 1216, kind: 'move', x: 2, y: 1 },
      { type: 'key', t: 4216, phase: 'down', cls: 'letter' },
    ];
    const { features } = extractDwellFeatures(events, null);
    expect(features.interactionCount).toBe(3);
    expect(features.firstInteractionMs).toBe(1200);
    expect(features.idleGapMsMax).toBe(3000);
  });

  it('reports the first interaction only once per page', () => {
    const first = extractDwellFeatures([{ type: 'pointer', t: 500, kind: 'move', x: 1, y: 1 }], null);
    const second = extractDwellFeatures([{ type: 'pointer', t: 6000, kind: 'move', x: 1, y: 1 }], first.carry);
    expect(second.features.firstInteractionMs).toBeNull();
  });

  it('splits the window into visible and hidden time', () => {
    const events: BeaconEvent[] = [
      { type: 'pointer', t: 0, kind: 'move', x: 1, y: 1 },
      { type: 'visibility', t: 1000, state: 'hidden' },
      { type: 'visibility', t: 4000, state: 'visible' },
      { type: 'pointer', t: 4500, kind: 'move', x: 1, y: 1 },
    ];
    const { features } = extractDwellFeatures(events, null);
    expect(features.visibleMs).toBe(1500);
    expect(features.hiddenMs).toBe(3000);
  });

  it('carries a hidden page into the next window', () => {
    const first = extractDwellFeatures([{ type: 'visibility', t: 1000, state: 'hidden' }], null);
    const second = extractDwellFeatures([{ type: 'visibility', t: 3000, state: 'visible' }], first.carry);
    expect(second.features.hiddenMs).toBe(2000);
  });
});
