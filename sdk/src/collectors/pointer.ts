import { TYPE_CLICK, TYPE_POINTER } from '@telltale/shared/event_rows';

import type { EventBuffer } from '../event_buffer';
import { listen } from './listen';

/** Pointer types after `mouse` in the wire enum; hoisted so the move handler allocates no array. */
const OTHER_POINTER_TYPES = ['pen', 'touch'];
const NO_SAMPLES: PointerEvent[] = [];

/**
 * Records pointer moves (with the samples that `getCoalescedEvents()` recovers), presses,
 * releases and clicks. Handlers read only event properties, except for clicks, which read the
 * target's bounding box to measure the offset from its centre.
 */
export function collectPointer(buffer: EventBuffer): void {
  let lastOffsetX: number;
  let lastOffsetY: number;

  listen(window, 'pointermove pointerdown pointerup', (event: PointerEvent, kind) => {
    // pointerType index in the wire enum; mouse (and '' from scripted events) is left out.
    const pointerType = OTHER_POINTER_TYPES.indexOf(event.pointerType) + 1 || NaN;
    const offsetX = event.screenX - event.clientX;
    const offsetY = event.screenY - event.clientY;
    const offsetChanged = offsetX !== lastOffsetX || offsetY !== lastOffsetY;
    lastOffsetX = offsetX;
    lastOffsetY = offsetY;

    // The last coalesced sample is the dispatched event itself, recorded below.
    const samples = (!kind && event.getCoalescedEvents?.()) || NO_SAMPLES;
    for (let k = 0; k < samples.length - 1; k++) {
      const sample = samples[k]!;
      buffer._push(sample, TYPE_POINTER, 0, sample.clientX, sample.clientY, NaN, NaN, pointerType, sample.buttons, 1);
    }
    buffer._push(
      event,
      TYPE_POINTER,
      kind,
      event.clientX,
      event.clientY,
      offsetChanged ? offsetX : NaN,
      offsetChanged ? offsetY : NaN,
      pointerType,
      event.buttons,
    );
  });

  listen(window, 'click', (event: MouseEvent) => {
    const box = (event.target as Element).getBoundingClientRect();
    const x = event.clientX;
    const y = event.clientY;
    buffer._push(event, TYPE_CLICK, x, y, x - box.left - box.width / 2, y - box.top - box.height / 2, box.width, box.height, event.detail, event.button);
  });
}
