/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { SPEED_LIMITS, type Trajectory } from './build_trajectory';

/** Stroke colours of the speed classes, slow (blue) to fast (red). */
const SPEED_COLOURS = ['#2c7bb6', '#00a6ca', '#90c246', '#f88d3b', '#d7191c'];

/** Renders a pointer trajectory as SVG over the page area, coloured by speed, with clicks and pauses marked. */
export function TrajectoryChart(props: { trajectory: Trajectory }) {
  const { points, speedClasses, clicks, pauses, viewport, bounds } = props.trajectory;
  const width = bounds.maxX - bounds.minX;
  const height = bounds.maxY - bounds.minY;
  const marker = Math.max(width, height) / 120;

  const basePath: string[] = [];
  const speedPaths: string[][] = SPEED_COLOURS.map(() => []);
  points.forEach((p, i) => {
    const cls = speedClasses[i]!;
    basePath.push(`${cls === -1 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`);
    const previous = points[i - 1];
    if (cls >= 0 && previous) speedPaths[cls]!.push(`M${round(previous.x)} ${round(previous.y)}L${round(p.x)} ${round(p.y)}`);
  });

  return (
    <figure class="trajectory-figure">
      <svg class="chart trajectory" viewBox={`${round(bounds.minX)} ${round(bounds.minY)} ${round(width)} ${round(height)}`} role="img" aria-label={`Pointer trajectory: ${points.length} points, ${clicks.length} clicks, ${pauses.length} pauses.`} preserveAspectRatio="xMidYMin meet">
        <rect class="page-area" x={round(bounds.minX)} y={round(bounds.minY)} width={round(width)} height={round(height)} />
        {viewport ? <rect class="viewport" x="0" y="0" width={viewport.width} height={viewport.height} vector-effect="non-scaling-stroke" /> : null}
        <path class="trajectory-path" data-points={points.length} d={basePath.join('')} vector-effect="non-scaling-stroke" />
        {speedPaths.map((segments, cls) =>
          segments.length === 0 ? null : <path class="speed" data-speed-class={cls} d={segments.join('')} stroke={SPEED_COLOURS[cls]} vector-effect="non-scaling-stroke" />,
        )}
        {pauses.map((pause) => (
          <circle class="pause" cx={round(pause.x)} cy={round(pause.y)} r={round(marker * Math.min(3, 1 + pause.durationMs / 1000))} vector-effect="non-scaling-stroke">
            <title>{`Pause of ${Math.round(pause.durationMs)} ms`}</title>
          </circle>
        ))}
        {clicks.map((click) => (
          <circle class="click" cx={round(click.x)} cy={round(click.y)} r={round(marker)}>
            <title>{`Click at ${round(click.x)}, ${round(click.y)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        <span>Speed, px/ms:</span>
        {SPEED_COLOURS.map((colour, cls) => (
          <span class="legend-item">
            <svg class="legend-swatch" viewBox="0 0 10 10" aria-hidden="true">
              <rect width="10" height="10" fill={colour} />
            </svg>
            {speedLabel(cls)}
          </span>
        ))}
        <span class="legend-item">● click</span>
        <span class="legend-item">○ pause ≥ 300 ms</span>
      </figcaption>
    </figure>
  );
}

function speedLabel(cls: number): string {
  if (cls === 0) return `< ${SPEED_LIMITS[0]}`;
  if (cls >= SPEED_LIMITS.length) return `≥ ${SPEED_LIMITS[SPEED_LIMITS.length - 1]}`;
  return `${SPEED_LIMITS[cls - 1]}–${SPEED_LIMITS[cls]}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
