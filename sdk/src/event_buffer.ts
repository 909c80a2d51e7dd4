import type { BeaconEvent } from '@telltale/shared';

import { MAX_EVENT_CHARS } from './transport/encode_beacon';
import { decodeEvent, RECORD_WIDTH } from './wire_layout';

/** Events kept in memory at most; past this the oldest batch is dropped. */
export const BUFFER_CAPACITY = 5000;
/** Events per beacon at most, and the size of the batch dropped when the buffer is full. */
export const BATCH_SIZE = 400;

/**
 * A preallocated buffer of event records. `_push` only writes numbers into a Float64Array, so
 * event handlers allocate nothing; `_take` builds the wire objects when a beacon is encoded.
 */
export interface EventBuffer {
  /**
   * Appends one record of a TYPE_* code, with the time and `isTrusted` of `event` (or the
   * current time when `event` is null) and the field slots in layout order (NaN = absent).
   */
  _push(event: Event | null, type: number, ...slots: number[]): void;
  /** Stores a string for a `$` slot and returns its index. */
  _string(value: string): number;
  /**
   * Removes the oldest events and returns them as wire objects: at most BATCH_SIZE, and no more
   * once their JSON reaches MAX_EVENT_CHARS characters (the last one taken may pass that mark).
   */
  _take(): BeaconEvent[];
}

/**
 * Creates an event buffer. `onBatchReady` runs each time it reaches BATCH_SIZE events, and must
 * not send synchronously. `onBatchDropped` runs each time the buffer is full and drops its
 * oldest batch.
 */
export function createEventBuffer(onBatchReady: () => void, onBatchDropped: () => void): EventBuffer {
  const records = new Float64Array(BUFFER_CAPACITY * RECORD_WIDTH);
  let strings: string[] = [];
  let count = 0;

  return {
    _push(event) {
      if (count === BUFFER_CAPACITY) {
        records.copyWithin(0, BATCH_SIZE * RECORD_WIDTH);
        count -= BATCH_SIZE;
        onBatchDropped();
      }
      const offset = count++ * RECORD_WIDTH;
      records.fill(NaN, offset, offset + RECORD_WIDTH);
      // Event.timeStamp is on the performance.now() clock, and coalesced pointer samples keep their own.
      records[offset] = event?.timeStamp || performance.now();
      // 1 or 0 for isTrusted, NaN without an event.
      records[offset + 1] = +event?.isTrusted!;
      // The type code and the field slots. `arguments` rather than a rest parameter, which would
      // allocate an array per event.
      for (let k = 1; k < arguments.length; k++) records[offset + 1 + k] = arguments[k];
      if (count === BATCH_SIZE) onBatchReady();
    },

    _string: (value) => strings.push(value) - 1,

    _take() {
      const events: BeaconEvent[] = [];
      let n = 0;
      for (let chars = 0; n < count && n < BATCH_SIZE && chars < MAX_EVENT_CHARS; n++) {
        const event = decodeEvent(records, n * RECORD_WIDTH, strings);
        chars += JSON.stringify(event).length;
        events.push(event);
      }
      records.copyWithin(0, n * RECORD_WIDTH);
      count -= n;
      // String indices stay valid until the buffer is empty, because dropped records never free their strings.
      if (!count) strings = [];
      return events;
    },
  };
}
