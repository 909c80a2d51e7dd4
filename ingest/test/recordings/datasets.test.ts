import { isAgentDriven } from '@telltale/shared';
import { describe, expect, it } from 'vitest';

import { loadRecordings, type Recording } from '../../src/recordings/load_recordings';
import { replaySession } from '../../src/recordings/replay_session';

/**
 * Classification rates on the recorded datasets. The datasets are not part of the
 * repository (most have no licence that allows copying them), so these tests run only when
 * TELLTALE_DATASETS names a folder that contains them in their own layouts.
 */
const dataDir = process.env.TELLTALE_DATASETS;

function automationRate(recordings: readonly Recording[]): number {
  let flagged = 0;
  for (const recording of recordings) {
    if (replaySession(recording.beacons).some((step) => isAgentDriven(step.decision.cls))) flagged += 1;
  }
  return flagged / recordings.length;
}

describe.skipIf(dataDir === undefined)('recorded datasets (skipped: set TELLTALE_DATASETS to the datasets folder)', () => {
  const recordings = dataDir === undefined ? [] : loadRecordings(dataDir);
  const family = (name: string): Recording[] => recordings.filter((recording) => recording.family === name);

  it('finds recordings under TELLTALE_DATASETS', () => {
    expect(recordings.length).toBeGreaterThan(0);
  });

  it.each(['circles_human_pc1', 'circles_human_vm', 'circles_human_pc2_pad', 'balabit', 'human', 'keystroke100'])(
    'never flags a %s session as automation',
    (name) => {
      const sessions = family(name);
      expect(sessions.length).toBeGreaterThan(0);
      expect(automationRate(sessions)).toBeLessThanOrEqual(0.01);
    },
  );

  it('flags most DELBOT pynput sessions', () => {
    expect(automationRate(family('circles_bot_pynput'))).toBeGreaterThanOrEqual(0.75);
  });

  it.each(['moderate_bot', 'advanced_bot'])('flags %s sessions', (name) => {
    expect(automationRate(family(name))).toBeGreaterThanOrEqual(0.75);
  });
});
