import { MAX_BEACON_BYTES } from '@telltale/shared';
import { MAX_ROW_LENGTH } from '@telltale/shared/event_rows';

/** Events kept in memory at most; past this the oldest batch is dropped. */
export const BUFFER_CAPACITY = 5000;
/**
 * Characters of rows and strings per beacon. The rest of MAX_BEACON_BYTES leaves room for the
 * header, the environment (at most about 4 KB) and the last row, which may pass this mark.
 */
export const MAX_EVENT_CHARS = MAX_BEACON_BYTES - 8192;
/** Events per beacon at most, and the size of the batch dropped when the buffer is full. */
export const BATCH_SIZE = 400;

/**
 * A preallocated buffer of event records in the row layout of `@telltale/shared/event_rows`.
 * `_push` only writes numbers into a Float64Array, so event handlers allocate nothing; `_take`
 * builds the wire rows when a beacon is encoded.
 */
export interface EventBuffer {
  /**
   * Appends one record of a TYPE_* code, with the time and `isTrusted` of `event` (or the
   * current time when `event` is null) and the field slots in layout order (NaN = absent).
   */
  _push(event: Event | null, type: number, ...slots: number[]): void;
  /** Stores a string for a `$` slot, once per distinct value, and returns its index. */
  _string(value: string): number;
  /**
   * Removes the oldest events and returns them as wire rows, with the string table that their
   * `$` slots index: at most BATCH_SIZE rows, and no more once the JSON of the table and rows
   * reaches MAX_EVENT_CHARS characters. One row is always taken, so the last row may pass that mark.
   */
  _take(): [rows: number[][], strings: string[]];
}

/**
 * Creates an event buffer. `onBatchReady` runs each time it reaches BATCH_SIZE events, and must
 * not send synchronously. `onBatchDropped` runs each time the buffer is full and drops its
 * oldest batch.
 */
export function createEventBuffer(onBatchReady: () => void, onBatchDropped: () => void): EventBuffer {
  const records = new Float64Array(BUFFER_CAPACITY * MAX_ROW_LENGTH);
  let strings: string[] = [];
  let count = 0;

  return {
    _push(event) {
      if (count === BUFFER_CAPACITY) {
        records.copyWithin(0, BATCH_SIZE * MAX_ROW_LENGTH);
        count -= BATCH_SIZE;
        onBatchDropped();
      }
      const offset = count++ * MAX_ROW_LENGTH;
      records.fill(NaN, offset, offset + MAX_ROW_LENGTH);
      // Event.timeStamp is on the performance.now() clock, and coalesced pointer samples keep their own.
      records[offset] = event?.timeStamp || performance.now();
      // 1 or 0 for isTrusted, NaN without an event.
      records[offset + 1] = +event?.isTrusted!;
      // The type code and the field slots. `arguments` rather than a rest parameter, which would
      // allocate an array per event.
      for (let k = 1; k < arguments.length; k++) records[offset + 1 + k] = arguments[k];
      if (count === BATCH_SIZE) onBatchReady();
    },

    _string: (value) => (strings.indexOf(value) + 1 || strings.push(value)) - 1,

    _take() {
      const rows: number[][] = [];
      const table = strings;
      let n = 0;
      for (let chars = JSON.stringify(table).length; n < count && n < BATCH_SIZE && (chars < MAX_EVENT_CHARS || !n); n++) {
        // Values are rounded to 0.001, the finest step of the layout. NaN slots stay holes, which
        // JSON.stringify writes as null, and the row ends at its last value. DOM event properties
        // are finite (WebIDL `double`), and the service clamps large values.
        const row: number[] = [];
        for (let k = 0; k < MAX_ROW_LENGTH; k++) {
          const value = records[n * MAX_ROW_LENGTH + k]!;
          if (value === value) row[k] = Math.round(value * 1e3) / 1e3;
        }
        chars += JSON.stringify(row).length;
        rows.push(row);
      }
      records.copyWithin(0, n * MAX_ROW_LENGTH);
      count -= n;
      // String indices stay valid until the buffer is empty, because dropped records never free
      // their strings. NOTE: while the buffer stays non-empty, each beacon repeats the whole table.
      if (!count) strings = [];
      return [rows, table];
    },
  };
}
