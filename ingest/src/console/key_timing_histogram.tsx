/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

const WIDTH = 360;
const HEIGHT = 140;
const AXIS = 18;

/** Bin width and count of the key timing histograms: 20 ms bins up to 400 ms, the last one open. */
export const BIN_MS = 20;
export const BIN_COUNT = 20;

/** Returns the share of values in each bin; the last bin also counts everything above it. */
export function binShares(values: readonly number[]): number[] {
  const counts = new Array<number>(BIN_COUNT).fill(0);
  for (const value of values) counts[Math.min(BIN_COUNT - 1, Math.max(0, Math.floor(value / BIN_MS)))]! += 1;
  return counts.map((count) => (values.length === 0 ? 0 : count / values.length));
}

/**
 * Renders an SVG histogram of one session's key timings (bars) against the human population
 * (outline), both as shares of their own totals so that they compare at any count.
 */
export function KeyTimingHistogram(props: { title: string; session: readonly number[]; population: readonly number[] }) {
  const session = binShares(props.session);
  const population = binShares(props.population);
  const max = Math.max(0.01, ...session, ...population);
  const barWidth = WIDTH / BIN_COUNT;
  const plotHeight = HEIGHT - AXIS;
  const y = (share: number) => plotHeight - (share / max) * (plotHeight - 4);

  const outline = population.map((share, bin) => `${bin === 0 ? 'M' : 'L'}${bin * barWidth} ${y(share).toFixed(1)}H${(bin + 1) * barWidth}`).join('');

  return (
    <figure class="histogram-figure">
      <figcaption>{`${props.title}: ${props.session.length} in this session, ${props.population.length} from other human sessions`}</figcaption>
      <svg class="chart histogram" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${props.title} histogram, ${BIN_MS} ms bins`}>
        {session.map((share, bin) =>
          share === 0 ? null : (
            <rect class="bar" data-bin={bin} x={(bin * barWidth + 1).toFixed(1)} y={y(share).toFixed(1)} width={(barWidth - 2).toFixed(1)} height={(plotHeight - y(share)).toFixed(1)}>
              <title>{`${bin * BIN_MS}${bin === BIN_COUNT - 1 ? '+' : `–${(bin + 1) * BIN_MS}`} ms: ${(share * 100).toFixed(0)} %`}</title>
            </rect>
          ),
        )}
        {props.population.length > 0 ? <path class="population" d={outline} /> : null}
        <line class="axis" x1="0" y1={plotHeight} x2={WIDTH} y2={plotHeight} />
        <text class="axis-label" x="0" y={HEIGHT - 3}>
          0 ms
        </text>
        <text class="axis-label" x={WIDTH} y={HEIGHT - 3} text-anchor="end">
          {`${BIN_MS * BIN_COUNT}+ ms`}
        </text>
      </svg>
    </figure>
  );
}
