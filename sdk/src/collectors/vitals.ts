import type { VitalName } from '@telltale/shared';
import type { Metric } from 'web-vitals';
import { onCLS } from 'web-vitals/onCLS.js';
import { onFCP } from 'web-vitals/onFCP.js';
import { onINP } from 'web-vitals/onINP.js';
import { onLCP } from 'web-vitals/onLCP.js';
import { onTTFB } from 'web-vitals/onTTFB.js';

import type { EventBuffer } from '../event_buffer';
import { TYPE_VITAL } from '@telltale/shared/event_rows';

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
