import { TYPE_SCROLL, TYPE_WHEEL } from '@telltale/shared/event_rows';

import type { EventBuffer } from '../event_buffer';
import { listen } from './listen';

/** Records wheel events and the document's scroll position, sampled at most once per animation frame. */
export function collectScroll(buffer: EventBuffer): void {
  listen(window, 'wheel', (event: WheelEvent) => buffer._push(event, TYPE_WHEEL, event.deltaX, event.deltaY, event.deltaMode || NaN));

  let frameRequested = false;
  // Bubble phase on window: only the document's own scrolling, not that of inner elements.
  listen(
    window,
    'scroll',
    () => {
      if (frameRequested) return;
      frameRequested = true;
      requestAnimationFrame(() => {
        frameRequested = false;
        buffer._push(null, TYPE_SCROLL, scrollY);
      });
    },
    false,
  );
}
