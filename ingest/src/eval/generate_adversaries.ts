import type { BeaconEvent } from '@telltale/shared';

import type { BeaconInput } from '../classify/types';
import { chunkBeacons } from '../recordings/chunk_beacons';
import { DESKTOP_CHROME_ENV } from '../recordings/desktop_chrome';
import type { Recording } from '../recordings/load_recordings';
import { generateBezierSession, generateReplaySession, generateStraightLineSession, generateTeleportSession } from './pointer_adversaries';
import { createSeededRandom, type SeededRandom } from './seeded_random';
import { generateFixedDelayTypingSession, generateGaussianTypingSession, generateWholeStringSession } from './typing_adversaries';

/** Sessions generated per adversary family. */
export const ADVERSARY_SESSIONS = 100;

/** Families of generated automation, by the name the evaluation reports them under. */
export const ADVERSARY_FAMILIES = [
  'straight_line',
  'bezier_fitts',
  'human_replay',
  'teleport_click',
  'fixed_delay_typing',
  'gaussian_typing',
  'whole_string_insertion',
] as const;
export type AdversaryFamily = (typeof ADVERSARY_FAMILIES)[number];

const GENERATORS: Record<Exclude<AdversaryFamily, 'human_replay'>, (random: SeededRandom) => BeaconEvent[]> = {
  straight_line: generateStraightLineSession,
  bezier_fitts: generateBezierSession,
  teleport_click: generateTeleportSession,
  fixed_delay_typing: generateFixedDelayTypingSession,
  gaussian_typing: generateGaussianTypingSession,
  whole_string_insertion: generateWholeStringSession,
};

/**
 * Generates `ADVERSARY_SESSIONS` sessions of each family, from a fixed seed per family and
 * session, so every run yields the same sessions. Sessions come from an ordinary desktop
 * Chrome environment, so only behaviour can reveal them. `human_replay` replays the pointer
 * paths of the browser human recordings given (DELBOT and Iliou et al.); with none, that
 * family is left out.
 */
export function generateAdversaries(humanRecordings: readonly Recording[]): Recording[] {
  const humanPaths = humanRecordings
    .filter((recording) => recording.label === 'human' && (recording.dataset === 'delbot' || recording.dataset === 'web_bot_detection'))
    .map((recording) => recording.beacons.flatMap((beacon) => beacon.events).filter(isPointerOrClick))
    .filter((events) => events.length > 0);

  const recordings: Recording[] = [];
  ADVERSARY_FAMILIES.forEach((family, familyIndex) => {
    if (family === 'human_replay' && humanPaths.length === 0) return;
    for (let session = 0; session < ADVERSARY_SESSIONS; session += 1) {
      const random = createSeededRandom((familyIndex + 1) * 100_003 + session);
      const events =
        family === 'human_replay'
          ? generateReplaySession(random, humanPaths[session % humanPaths.length] as BeaconEvent[])
          : GENERATORS[family](random);
      recordings.push({
        dataset: 'generated',
        family,
        label: 'bot',
        id: `generated/${family}/${session}`,
        beacons: toBeacons(events),
      });
    }
  });
  return recordings;
}

function toBeacons(events: BeaconEvent[]): BeaconInput[] {
  return chunkBeacons(events, DESKTOP_CHROME_ENV);
}

function isPointerOrClick(event: BeaconEvent): boolean {
  return (event.type === 'pointer' && event.pt !== 'touch') || event.type === 'click';
}
