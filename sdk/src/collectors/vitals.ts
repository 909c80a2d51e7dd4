import type { VitalName } from '@telltale/shared';
import { TYPE_VITAL } from '@telltale/shared/event_rows';
import type { Metric } from 'web-vitals';
import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';

import type { EventBuffer } from '../event_buffer';

/**
 * Records LCP, INP, CLS, FCP and TTFB as web-vitals reports them: FCP and TTFB early, the others
 * when the page is hidden. Values are ms, except CLS, which has no unit.
 */
export function collectVitals(buffer: EventBuffer): void {
  const report = (metric: Metric) => {
    // Typed as VitalName so that the build fails if web-vitals ever reports a name the schema lacks.
    const name: VitalName = metric.name;
    buffer._push(null, TYPE_VITAL, buffer._string(name), metric.value);
  };
  for (const onMetric of [onCLS, onFCP, onINP, onLCP, onTTFB]) onMetric(report);
}
