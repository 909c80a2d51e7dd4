import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadRecordings } from '../../src/recordings/load_recordings';
import { replaySession } from '../../src/recordings/replay_session';

/**
 * Balabit's mouse recordings were captured over a remote-desktop connection, so the pointer
 * arrives sparsely along nearly straight steps. The dataset has no licence that allows
 * copying it into the repository, so this test runs only when TELLTALE_DATASETS names a
 * folder that contains `balabit/` in its own layout.
 */
const dataDir = process.env.TELLTALE_DATASETS;
const balabitPresent = dataDir !== undefined && existsSync(join(dataDir, 'balabit'));

describe.skipIf(!balabitPresent)('Balabit remote-desktop sessions (skipped: set TELLTALE_DATASETS to the datasets folder)', () => {
  const sessions = balabitPresent ? loadRecordings(dataDir).filter((recording) => recording.dataset === 'balabit') : [];

  it('finds Balabit sessions', () => {
    expect(sessions.length).toBeGreaterThan(0);
  });

  it.each(sessions.map((session) => ({ id: session.id, beacons: session.beacons })))('classifies $id as human', ({ beacons }) => {
    const steps = replaySession(beacons);
    expect(steps.at(-1)!.decision.cls).toBe('human');
    expect(steps.some((step) => step.decision.cls === 'rogue_bot' || step.decision.cls === 'unverified_agent')).toBe(false);
  });
});
