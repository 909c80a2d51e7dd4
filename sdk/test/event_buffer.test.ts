import type { BeaconEvent, RowBeacon } from '@telltale/shared';
import { BEACON_VERSION, MAX_BEACON_BYTES } from '@telltale/shared';
import {
  expandEventRows,
  TYPE_CLICK,
  TYPE_FOCUS,
  TYPE_INPUT,
  TYPE_KEY,
  TYPE_NAV,
  TYPE_PASTE,
  TYPE_POINTER,
  TYPE_SCROLL,
  TYPE_SUBMIT,
  TYPE_TOUCH,
  TYPE_VISIBILITY,
  TYPE_VITAL,
  TYPE_WHEEL,
} from '@telltale/shared/event_rows';
import { beaconSchema } from '@telltale/shared/schema';
import { describe, expect, it } from 'vitest';

import type { EventBuffer } from '../src/event_buffer';
import { BATCH_SIZE, BUFFER_CAPACITY, createEventBuffer } from '../src/event_buffer';

const HEADER: Omit<RowBeacon, 'rows' | 'strings'> = { v: BEACON_VERSION, site: 'pk_test', sid: 'AAAAAAAAAAAAAAAAAAAAAA', seq: 3, page: 1, path: '/app', sentAt: 1234.6 };

/** Returns a stand-in for a DOM event with only the properties the buffer reads. */
function fakeEvent(timeStamp: number, isTrusted = true): Event {
  return { timeStamp, isTrusted } as Event;
}

/** Returns a beacon body as the SDK serialises it, with the rows and strings of one `_take()`. */
function encodeTaken(buffer: EventBuffer): string {
  const [rows, strings] = buffer._take();
  const beacon: RowBeacon = { ...HEADER, rows, strings };
  return JSON.stringify(beacon);
}

/** Returns the beacon that the service validates for a body: its rows expanded into events. */
function expandBody(body: string): Record<string, unknown> {
  const { rows, strings, ...rest } = JSON.parse(body);
  return { ...rest, events: expandEventRows(rows, strings) };
}

/** Encodes every pushed event into one body and returns the expanded events. */
function takeAll(push: (buffer: EventBuffer) => void): BeaconEvent[] {
  const buffer = createEventBuffer(() => undefined, () => undefined);
  push(buffer);
  const beacon = expandBody(encodeTaken(buffer));
  expect(beaconSchema.safeParse(beacon).error?.issues ?? []).toEqual([]);
  return beacon.events as BeaconEvent[];
}

describe('event buffer and beacon encoding', () => {
  it('encodes every event type into a valid beacon', () => {
    const events = takeAll((buffer) => {
      buffer._push(fakeEvent(10.04), TYPE_KEY, 0, 0, 2, NaN, 1);
      buffer._push(fakeEvent(11, false), TYPE_KEY, 1, 7, NaN, 1, NaN);
      buffer._push(fakeEvent(12.3456), TYPE_POINTER, 0, 10.123_456, 20, 0, 80, NaN, 0, 1);
      buffer._push(fakeEvent(13), TYPE_POINTER, 1, 10, 20, NaN, NaN, 2, 1);
      buffer._push(fakeEvent(14), TYPE_CLICK, 100, 50, -3.5, 2.25, 200, 60, 1, 0);
      buffer._push(fakeEvent(15), TYPE_WHEEL, 0, 120, NaN);
      buffer._push(null, TYPE_SCROLL, 300);
      buffer._push(fakeEvent(16), TYPE_TOUCH, 0, 5, 6, 1, 12.5, 0.5);
      buffer._push(fakeEvent(17), TYPE_FOCUS, 0, 1, buffer._string('password'));
      buffer._push(fakeEvent(18), TYPE_INPUT, 1, buffer._string('insertText'), 1);
      buffer._push(fakeEvent(19), TYPE_PASTE, NaN);
      buffer._push(fakeEvent(20), TYPE_SUBMIT, 4);
      buffer._push(null, TYPE_VISIBILITY, 1);
      buffer._push(null, TYPE_NAV, 1, buffer._string('/next'));
      buffer._push(null, TYPE_VITAL, buffer._string('CLS'), 0.012_345);
    });

    expect(events[0]).toEqual({ type: 'key', t: 10, phase: 'down', cls: 'letter', field: 2, ime: true });
    expect(events[1]).toEqual({ type: 'key', t: 11, phase: 'up', cls: 'other', repeat: true, trusted: false });
    expect(events[2]).toEqual({ type: 'pointer', t: 12.3, kind: 'move', x: 10.123, y: 20, sx: 0, sy: 80, buttons: 0, coalesced: true });
    expect(events[3]).toEqual({ type: 'pointer', t: 13, kind: 'down', x: 10, y: 20, pt: 'touch', buttons: 1 });
    expect(events[4]).toEqual({ type: 'click', t: 14, x: 100, y: 50, dx: -3.5, dy: 2.25, w: 200, h: 60, detail: 1, button: 0 });
    expect(events[5]).toEqual({ type: 'wheel', t: 15, dx: 0, dy: 120 });
    expect(events[6]).toMatchObject({ type: 'scroll', y: 300 });
    expect(events[7]).toEqual({ type: 'touch', t: 16, kind: 'start', x: 5, y: 6, n: 1, r: 12.5, force: 0.5 });
    expect(events[8]).toEqual({ type: 'focus', t: 17, kind: 'focus', field: 1, fieldKind: 'password' });
    expect(events[9]).toEqual({ type: 'input', t: 18, field: 1, inputType: 'insertText', delta: 1 });
    expect(events[10]).toEqual({ type: 'paste', t: 19 });
    expect(events[11]).toEqual({ type: 'submit', t: 20, fields: 4 });
    expect(events[12]).toMatchObject({ type: 'visibility', state: 'hidden' });
    expect(events[13]).toMatchObject({ type: 'nav', kind: 'push', path: '/next' });
    expect(events[14]).toMatchObject({ type: 'vital', name: 'CLS', value: 0.012 });
  });

  it('writes rows without trailing nulls', () => {
    const buffer = createEventBuffer(() => undefined, () => undefined);
    buffer._push(fakeEvent(12.3456), TYPE_POINTER, 0, 10.123_456, 20, NaN, NaN, NaN, 0, NaN);
    buffer._push(null, TYPE_SCROLL, 300);
    const [rows] = buffer._take();

    expect(JSON.stringify(rows)).toBe('[[12.346,1,1,0,10.123,20,null,null,null,0],[' + rows[1]![0] + ',null,4,300]]');
  });

  it('sends each distinct string once', () => {
    const buffer = createEventBuffer(() => undefined, () => undefined);
    const first = buffer._string('insertText');
    const second = buffer._string('deleteContentBackward');

    expect(buffer._string('insertText')).toBe(first);
    expect(second).not.toBe(first);
    buffer._push(null, TYPE_SCROLL, 1);
    expect(buffer._take()[1]).toEqual(['insertText', 'deleteContentBackward']);
  });

  it('clamps out-of-range values from scripted events', () => {
    const events = takeAll((buffer) => {
      buffer._push(fakeEvent(1, false), TYPE_CLICK, 1e12, -1e12, 5e9, -5e9, -10, 1e9, 5000, 99);
      buffer._push(fakeEvent(2, false), TYPE_WHEEL, 1e9, -1e9, 7);
      buffer._push(fakeEvent(3, false), TYPE_TOUCH, 0, 1, 1, 500, 1e9, 7);
      buffer._push(fakeEvent(2e12), TYPE_SCROLL, 0);
    });

    expect(events[0]).toMatchObject({ x: 1e6, y: -1e6, w: 0, h: 1e6, detail: 100, button: 4 });
    expect(events[1]).toMatchObject({ dx: 1e5, dy: -1e5, mode: 2 });
    expect(events[2]).toMatchObject({ n: 20, r: 1e4, force: 1 });
    expect(events[3]!.t).toBe(1e9);
  });

  it('drops the oldest batch when the buffer is full', () => {
    let dropped = 0;
    const buffer = createEventBuffer(
      () => undefined,
      () => dropped++,
    );
    for (let i = 0; i < BUFFER_CAPACITY + 1; i++) buffer._push(null, TYPE_SCROLL, i);

    expect(dropped).toBe(1);
    const [first] = buffer._take();
    expect(first[0]![3]).toBe(BATCH_SIZE);
    let kept = first.length;
    for (let rows = buffer._take()[0]; rows.length > 0; rows = buffer._take()[0]) kept += rows.length;
    expect(kept).toBe(BUFFER_CAPACITY - BATCH_SIZE + 1);
  });

  it('takes at most one batch per beacon', () => {
    let ready = 0;
    const buffer = createEventBuffer(() => ready++, () => undefined);
    for (let i = 0; i < BATCH_SIZE + 10; i++) buffer._push(null, TYPE_SCROLL, i);

    expect(ready).toBe(1);
    expect(buffer._take()[0]).toHaveLength(BATCH_SIZE);
    expect(buffer._take()[0]).toHaveLength(10);
    expect(buffer._take()[0]).toHaveLength(0);
  });

  it('keeps each beacon under the body limit', () => {
    // 100 distinct 512-character paths make a string table of about 51,500 characters, so the
    // rows after them no longer fit into the first beacon.
    const buffer = createEventBuffer(() => undefined, () => undefined);
    for (let i = 0; i < 100; i++) buffer._push(null, TYPE_NAV, 1, buffer._string('/' + String(i).padStart(3, '0') + 'p'.repeat(508)));
    for (let i = 0; i < BATCH_SIZE - 100; i++) buffer._push(fakeEvent(i + 0.123_456), TYPE_POINTER, 0, 1000.123_456, 2000.654_321, NaN, NaN, 2, 1, 1);

    const bodies: string[] = [];
    for (let body = encodeTaken(buffer); JSON.parse(body).rows.length > 0; body = encodeTaken(buffer)) bodies.push(body);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) {
      expect(new TextEncoder().encode(body).length).toBeLessThan(MAX_BEACON_BYTES);
      expect(beaconSchema.safeParse(expandBody(body)).error?.issues ?? []).toEqual([]);
    }
    expect(bodies.reduce((count, body) => count + JSON.parse(body).rows.length, 0)).toBe(BATCH_SIZE);
  });
});
