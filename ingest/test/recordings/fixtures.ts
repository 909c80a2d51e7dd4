import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BeaconInput } from '../../src/classify/types';
import { convertDelbotRecording } from '../../src/recordings/convert_delbot';

const FIXTURES_DIR = join(import.meta.dirname, 'fixtures', 'delbot');

/** Families of the vendored DELBOT fixtures. */
export const HUMAN_FIXTURE_FAMILIES = ['circles_human_pc1', 'circles_human_vm', 'circles_human_pc2_pad'] as const;
export const BOT_FIXTURE_FAMILY = 'circles_bot_pynput';

/** Returns the vendored DELBOT recordings of one family, converted to beacons, in file name order. */
export function loadDelbotFixtures(family: string): { file: string; beacons: BeaconInput[] }[] {
  const dir = join(FIXTURES_DIR, family);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, beacons: convertDelbotRecording(readFileSync(join(dir, file), 'utf8')) }));
}
