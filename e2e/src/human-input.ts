import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sleepArgs } from './xdotool';

/** A point on the screen, in pixels. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** One recorded pointer sample: time in ms and position in the recorder's screen pixels. */
interface PathSample {
  t: number;
  x: number;
  y: number;
}

/** A recorded human pointer movement from a press to the following release. */
export interface RecordedPath {
  /** Recording file name, for reports. */
  source: string;
  samples: PathSample[];
}

const DELBOT_HUMAN_DIR = fileURLToPath(new URL('../../ingest/test/recordings/fixtures/delbot/', import.meta.url));

/**
 * Reads the human DELBOT-Mouse recordings (folders named `circles_human_*`) that the ingest
 * tests keep as fixtures. Each file is one drag in a circle-clicking task: `resolution:W,H`, then
 * `time_ms,event,x,y` rows. The press and move samples up to the first release form the path.
 * Paths are returned in the recorder's own pixels and times, sorted by file name.
 */
export function loadHumanDelbotPaths(dir = DELBOT_HUMAN_DIR): RecordedPath[] {
  const paths: RecordedPath[] = [];
  const folders = readdirSync(dir).filter((name) => name.startsWith('circles_human_')).sort();
  for (const folder of folders) {
    for (const file of readdirSync(join(dir, folder)).sort()) {
      const samples = parseDelbotPath(readFileSync(join(dir, folder, file), 'utf8'));
      if (samples.length >= 2) paths.push({ source: `${folder}/${file}`, samples });
    }
  }
  return paths;
}

function parseDelbotPath(text: string): PathSample[] {
  const samples: PathSample[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [time, event, x, y] = line.split(',');
    const sample = { t: Number(time), x: Number(x), y: Number(y) };
    if (!Number.isFinite(sample.t) || !Number.isFinite(sample.x) || !Number.isFinite(sample.y)) continue;
    if (event === 'Released' && samples.length > 0) {
      samples.push(sample);
      break;
    }
    if (event === 'Pressed' || event === 'Move') samples.push(sample);
  }
  return samples;
}

/** Screen bounds that replayed cursor positions are clamped to, in pixels. */
export interface ScreenSize {
  width: number;
  height: number;
}

/**
 * Builds xdotool arguments that move the cursor along `path` from `from` to `to`, with the
 * recorded delays between samples.
 *
 * The path is mapped by a similarity transform (rotation, uniform scale and translation) that
 * sends its first sample to `from` and its last sample to `to`, so its curvature, corrections
 * and speed profile keep their shape. Positions are clamped to `screen`. The cursor is assumed
 * to be at `from` already.
 */
export function replayPathArgs(path: RecordedPath, from: ScreenPoint, to: ScreenPoint, screen: ScreenSize): string[] {
  const first = path.samples[0]!;
  const last = path.samples[path.samples.length - 1]!;
  const recordedX = last.x - first.x;
  const recordedY = last.y - first.y;
  const recordedLengthSquared = recordedX * recordedX + recordedY * recordedY;
  if (recordedLengthSquared === 0) throw new Error(`The recorded path ${path.source} ends where it starts.`);
  // Complex division (to - from) / (last - first) gives the rotation and scale in one factor.
  const targetX = to.x - from.x;
  const targetY = to.y - from.y;
  const factorRe = (targetX * recordedX + targetY * recordedY) / recordedLengthSquared;
  const factorIm = (targetY * recordedX - targetX * recordedY) / recordedLengthSquared;

  const args: string[] = [];
  let previousT = first.t;
  for (const sample of path.samples.slice(1)) {
    const dx = sample.x - first.x;
    const dy = sample.y - first.y;
    const x = clamp(Math.round(from.x + dx * factorRe - dy * factorIm), 0, screen.width - 1);
    const y = clamp(Math.round(from.y + dx * factorIm + dy * factorRe), 0, screen.height - 1);
    args.push(...sleepArgs(sample.t - previousT), 'mousemove', String(x), String(y));
    previousT = sample.t;
  }
  return args;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Limits on the stretch of a recording that may stand in for one movement. */
const MIN_SEGMENT_SAMPLES = 6;
/** Path length over chord length: 1 is a straight line, a half circle is about 1.57. */
const MAX_SEGMENT_DETOUR = 1.5;
/** Allowed scale factors, from the tight one to the loose one used when nothing fits. */
const SCALE_LIMITS = [1.33, 2];

/**
 * Cuts, for each movement span in `spans` (in screen pixels), a stretch out of a different
 * recorded path. The stretch's chord is within a factor of 1.33 of the span (2 when nothing
 * closer exists) and its length at most 1.5 times its chord. So the replayed movement keeps
 * the recorded speed and a hand's curvature. A stretch is needed because the DELBOT paths are
 * circles drawn while dragging, which start and end near the same point.
 * Prefers the stretch with the most samples. Throws when no stretch fits a span.
 */
export function chooseSegments(paths: readonly RecordedPath[], spans: readonly number[]): RecordedPath[] {
  const used = new Set<string>();
  return spans.map((span) => {
    for (const limit of SCALE_LIMITS) {
      const segment = longestFittingSegment(paths.filter((path) => !used.has(path.source)), span, limit);
      if (segment !== undefined) {
        used.add(segment.source.split('#')[0]!);
        return segment;
      }
    }
    throw new Error(`No recorded path has a stretch that fits a movement of ${Math.round(span)} px.`);
  });
}

function longestFittingSegment(paths: readonly RecordedPath[], span: number, scaleLimit: number): RecordedPath | undefined {
  let best: { path: RecordedPath; start: number; end: number } | undefined;
  for (const path of paths) {
    const samples = path.samples;
    for (let start = 0; start < samples.length; start++) {
      let length = 0;
      for (let end = start + 1; end < samples.length; end++) {
        length += Math.hypot(samples[end]!.x - samples[end - 1]!.x, samples[end]!.y - samples[end - 1]!.y);
        if (end - start + 1 < MIN_SEGMENT_SAMPLES) continue;
        const chord = Math.hypot(samples[end]!.x - samples[start]!.x, samples[end]!.y - samples[start]!.y);
        if (chord === 0 || length / chord > MAX_SEGMENT_DETOUR) continue;
        const scale = span / chord;
        if (scale > scaleLimit || scale < 1 / scaleLimit) continue;
        if (best === undefined || end - start > best.end - best.start) best = { path, start, end };
      }
    }
  }
  if (best === undefined) return undefined;
  return { source: `${best.path.source}#${best.start}-${best.end}`, samples: best.path.samples.slice(best.start, best.end + 1) };
}
