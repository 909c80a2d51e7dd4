import type { BeaconEvent, Environment } from '@telltale/shared';

/** One pointer sample; `page` is the page-load counter, since event times restart with each load. */
export interface TrajectoryPoint {
  x: number;
  y: number;
  t: number;
  page: number;
}

/** A pointer trajectory ready to draw. */
export interface Trajectory {
  points: TrajectoryPoint[];
  /** Pointer samples stored for the session's beacons that were read, including those beyond `MAX_TRAJECTORY_POINTS`. */
  storedPointCount: number;
  /** Speed class (0 slowest to `SPEED_LIMITS.length` fastest) of the step into each point; -1 for the first point of a page. */
  speedClasses: number[];
  clicks: { x: number; y: number; page: number }[];
  /** Places where the pointer rested for at least `PAUSE_MS`, with the rest's length. */
  pauses: { x: number; y: number; durationMs: number }[];
  /** Viewport size from the environment facts, when a beacon carried them. */
  viewport: { width: number; height: number } | null;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Maximum points drawn. A longer session shows its first points and states how many there are. */
export const MAX_TRAJECTORY_POINTS = 5000;
/** A gap between two pointer samples of at least this many ms is a pause. */
export const PAUSE_MS = 300;
/** Upper limits of the speed classes in px/ms; faster steps fall in the last class. */
export const SPEED_LIMITS = [0.2, 0.5, 1, 2] as const;

/** Builds the pointer trajectory of a session from its stored beacons, in sequence order. */
export function buildTrajectory(beacons: readonly { page: number; events: readonly BeaconEvent[]; env: Environment | null }[]): Trajectory {
  const points: TrajectoryPoint[] = [];
  const speedClasses: number[] = [];
  const clicks: Trajectory['clicks'] = [];
  const pauses: Trajectory['pauses'] = [];
  let storedPointCount = 0;
  let viewport: Trajectory['viewport'] = null;

  for (const beacon of beacons) {
    if (beacon.env && viewport === null) viewport = { width: beacon.env.window.innerW, height: beacon.env.window.innerH };
    for (const event of beacon.events) {
      if (event.type === 'click') clicks.push({ x: event.x, y: event.y, page: beacon.page });
      if (event.type !== 'pointer') continue;
      storedPointCount += 1;
      if (points.length >= MAX_TRAJECTORY_POINTS) continue;

      const point = { x: event.x, y: event.y, t: event.t, page: beacon.page };
      const previous = points[points.length - 1];
      if (previous === undefined || previous.page !== point.page) {
        speedClasses.push(-1);
      } else {
        const dt = point.t - previous.t;
        if (dt >= PAUSE_MS) pauses.push({ x: previous.x, y: previous.y, durationMs: dt });
        const speed = Math.hypot(point.x - previous.x, point.y - previous.y) / Math.max(dt, 1);
        speedClasses.push(speedClass(speed));
      }
      points.push(point);
    }
  }

  return { points, storedPointCount, speedClasses, clicks, pauses, viewport, bounds: boundsOf(points, clicks, viewport) };
}

function speedClass(pxPerMs: number): number {
  const index = SPEED_LIMITS.findIndex((limit) => pxPerMs < limit);
  return index === -1 ? SPEED_LIMITS.length : index;
}

function boundsOf(points: readonly { x: number; y: number }[], clicks: readonly { x: number; y: number }[], viewport: Trajectory['viewport']): Trajectory['bounds'] {
  let minX = 0;
  let minY = 0;
  let maxX = viewport?.width ?? 1;
  let maxY = viewport?.height ?? 1;
  for (const p of [...points, ...clicks]) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}
