import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { BeaconInput } from '../classify/types';
import { convertBalabitSession } from './convert_balabit';
import { convertDelbotRecording } from './convert_delbot';
import { convertKeystroke100User } from './convert_keystroke100';
import { convertWebBotDetectionSession, type WebBotDetectionSession } from './convert_web_bot_detection';

/** One labelled recording, converted to the beacons of one session. */
export interface Recording {
  dataset: 'delbot' | 'balabit' | 'web_bot_detection' | 'keystroke100' | 'generated';
  /** Folder or label inside the dataset, such as `circles_bot_pynput` or `advanced_bot`. */
  family: string;
  label: 'human' | 'bot';
  /** Path of the source file, relative to the data folder. */
  id: string;
  beacons: BeaconInput[];
}

/**
 * Callback for a file that cannot be read as a recording or contains no events. It receives
 * the file's id (its path under the data folder) and the reason. The file is left out.
 */
export type SkipHandler = (id: string, reason: string) => void;

/** Throws an error that names the file: the default `SkipHandler`. */
function failOnSkip(id: string, reason: string): never {
  throw new Error(`${id}: ${reason}`);
}

/**
 * Loads every recording found under `dataDir`, in the datasets' own layouts:
 * `delbot/<family>/*.txt`, `balabit/{training,test}_files/<user>/session_*`,
 * `web_bot_detection/phase1/{annotations,data/mouse_movements}/<variant>/…` and
 * `keystroke100/<user>/latency.txt`. Datasets that are missing are skipped. A file that
 * cannot be converted goes to `onSkip`, which by default throws.
 */
export function loadRecordings(dataDir: string, onSkip: SkipHandler = failOnSkip): Recording[] {
  return [
    ...loadDelbot(join(dataDir, 'delbot'), onSkip),
    ...loadBalabit(join(dataDir, 'balabit'), onSkip),
    ...loadWebBotDetection(join(dataDir, 'web_bot_detection', 'phase1'), onSkip),
    ...loadKeystroke100(join(dataDir, 'keystroke100'), onSkip),
  ];
}

/** Converts one file. On failure, or when it yields no events, it reports the file to `onSkip` and returns null. */
function convertFile(id: string, onSkip: SkipHandler, convert: () => BeaconInput[]): BeaconInput[] | null {
  let beacons: BeaconInput[];
  try {
    beacons = convert();
  } catch (error) {
    onSkip(id, error instanceof Error ? error.message : String(error));
    return null;
  }
  if (beacons.every((beacon) => beacon.events.length === 0)) {
    onSkip(id, 'no events could be read from it');
    return null;
  }
  return beacons;
}

/** Returns the entries of a folder in name order, or none when it does not exist. */
function list(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}

export function loadDelbot(dir: string, onSkip: SkipHandler = failOnSkip): Recording[] {
  const recordings: Recording[] = [];
  for (const family of list(dir).filter((name) => isDirectory(join(dir, name)))) {
    for (const file of list(join(dir, family)).filter((name) => name.endsWith('.txt'))) {
      const id = join('delbot', family, file);
      const beacons = convertFile(id, onSkip, () => convertDelbotRecording(readFileSync(join(dir, family, file), 'utf8')));
      if (beacons !== null) recordings.push({ dataset: 'delbot', family, label: family.includes('human') ? 'human' : 'bot', id, beacons });
    }
  }
  return recordings;
}

function loadBalabit(dir: string, onSkip: SkipHandler): Recording[] {
  const recordings: Recording[] = [];
  for (const split of ['training_files', 'test_files']) {
    for (const user of list(join(dir, split))) {
      for (const session of list(join(dir, split, user)).filter((name) => name.startsWith('session_'))) {
        const id = join('balabit', split, user, session);
        const beacons = convertFile(id, onSkip, () => convertBalabitSession(readFileSync(join(dir, split, user, session), 'utf8')));
        if (beacons !== null) recordings.push({ dataset: 'balabit', family: 'balabit', label: 'human', id, beacons });
      }
    }
  }
  return recordings;
}

function loadWebBotDetection(dir: string, onSkip: SkipHandler): Recording[] {
  const labels = new Map<string, string>();
  for (const variant of list(join(dir, 'annotations'))) {
    for (const split of list(join(dir, 'annotations', variant))) {
      for (const line of readFileSync(join(dir, 'annotations', variant, split), 'utf8').split(/\r?\n/)) {
        const [sessionId, label] = line.trim().split(/\s+/);
        if (sessionId && label) labels.set(sessionId, label);
      }
    }
  }
  const recordings: Recording[] = [];
  const seen = new Set<string>();
  const dataDir = join(dir, 'data', 'mouse_movements');
  for (const variant of list(dataDir)) {
    for (const sessionId of list(join(dataDir, variant))) {
      const file = join(dataDir, variant, sessionId, 'mouse_movements.json');
      const label = labels.get(sessionId);
      if (!existsSync(file) || label === undefined || seen.has(sessionId)) continue;
      seen.add(sessionId);
      const id = join('web_bot_detection', variant, sessionId);
      const beacons = convertFile(id, onSkip, () => convertWebBotDetectionSession(JSON.parse(readFileSync(file, 'utf8')) as WebBotDetectionSession));
      if (beacons !== null) recordings.push({ dataset: 'web_bot_detection', family: label, label: label === 'human' ? 'human' : 'bot', id, beacons });
    }
  }
  return recordings;
}

function loadKeystroke100(dir: string, onSkip: SkipHandler): Recording[] {
  const recordings: Recording[] = [];
  for (const user of list(dir).filter((name) => existsSync(join(dir, name, 'latency.txt')))) {
    const id = join('keystroke100', user);
    const beacons = convertFile(id, onSkip, () => convertKeystroke100User(readFileSync(join(dir, user, 'latency.txt'), 'utf8')));
    if (beacons !== null) recordings.push({ dataset: 'keystroke100', family: 'keystroke100', label: 'human', id, beacons });
  }
  return recordings;
}
