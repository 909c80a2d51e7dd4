/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { SESSION_CLASSES } from '@telltale/shared';

import type { ClassBucketCount } from '../store/console_queries';
import { classColour, classLabel, formatTime } from './class_style';

const WIDTH = 720;
const HEIGHT = 160;
const AXIS = 20;

/** Renders a stacked SVG bar chart of sessions per class and time bucket. */
export function ClassTimelineChart(props: { counts: ClassBucketCount[]; from: number; bucketMs: number; bucketCount: number }) {
  // Sessions at exactly the end of the period fall one bucket past the last, so they join it.
  const grid = new Map<string, number[]>(SESSION_CLASSES.map((cls) => [cls, new Array<number>(props.bucketCount).fill(0)]));
  const totals = new Array<number>(props.bucketCount).fill(0);
  for (const row of props.counts) {
    const bucket = Math.min(props.bucketCount - 1, Math.max(0, row.bucket));
    const counts = grid.get(row.class);
    if (counts) counts[bucket]! += row.count;
    totals[bucket]! += row.count;
  }
  const max = Math.max(1, ...totals);
  const barWidth = WIDTH / props.bucketCount;
  const plotHeight = HEIGHT - AXIS;

  const bars = [];
  for (let bucket = 0; bucket < props.bucketCount; bucket++) {
    let y = plotHeight;
    for (const cls of SESSION_CLASSES) {
      const count = grid.get(cls)![bucket]!;
      if (count === 0) continue;
      const height = (count / max) * (plotHeight - 4);
      y -= height;
      bars.push(
        <rect class="class-bar" data-class={cls} data-count={count} x={(bucket * barWidth + 1).toFixed(1)} y={y.toFixed(1)} width={Math.max(1, barWidth - 2).toFixed(1)} height={height.toFixed(1)} fill={classColour(cls)}>
          <title>{`${classLabel(cls)}: ${count} from ${formatTime(props.from + bucket * props.bucketMs)}`}</title>
        </rect>,
      );
    }
  }

  const total = totals.reduce((sum, n) => sum + n, 0);
  return (
    <svg class="chart class-timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Sessions per class over time: ${total} sessions in ${props.bucketCount} intervals, busiest interval ${total === 0 ? 0 : max}.`}>
      <line x1="0" y1={plotHeight} x2={WIDTH} y2={plotHeight} class="axis" />
      {bars}
      <text x="0" y={HEIGHT - 4} class="axis-label">
        {formatTime(props.from)}
      </text>
      <text x={WIDTH} y={HEIGHT - 4} class="axis-label" text-anchor="end">
        {formatTime(props.from + props.bucketCount * props.bucketMs)}
      </text>
    </svg>
  );
}
