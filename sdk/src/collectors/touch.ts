import { TYPE_TOUCH } from '@telltale/shared/event_rows';

import type { EventBuffer } from '../event_buffer';
import { listen } from './listen';

/** Records touch start, move, end and cancel with the first touch's position, radius and force. */
export function collectTouch(buffer: EventBuffer): void {
  listen(window, 'touchstart touchmove touchend touchcancel', (event: TouchEvent, kind) => {
    // On touchend the lifted finger is only in changedTouches.
    const touch = event.touches[0] ?? event.changedTouches[0]!;
    buffer._push(event, TYPE_TOUCH, kind, touch.clientX, touch.clientY, event.touches.length, touch.radiusX || NaN, touch.force || NaN);
  });
}
