import type { BeaconEvent } from '@telltale/shared';
import { EventType, KEY_CLASSES, MAX_BEACON_BYTES, NAV_KINDS } from '@telltale/shared';
import { beaconSchema } from '@telltale/shared/schema';
import { describe, expect, it } from 'vitest';

import { BATCH_SIZE, BUFFER_CAPACITY, createEventBuffer } from '../src/event_buffer';
import { encodeBeacon } from '../src/transport/encode_beacon';
import {
  eventLayouts,
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
} from '../src/wire_layout';

const HEADER = { site: 'pk_test', sid: 'AAAAAAAAAAAAAAAAAAAAAA', seq: 3, page: 1, path: '/app', sentAt: 1234.6 };

/** Returns a stand-in for a DOM event with only the properties the buffer reads. */
function fakeEvent(timeStamp: number, isTrusted = true): Event {
  return { timeStamp, isTrusted } as Event;
}

/** Decodes every pushed event and returns the wire objects. */
function takeAll(push: (buffer: ReturnType<typeof createEventBuffer>) => void): BeaconEvent[] {
  const buffer = createEventBuffer(() => undefined, () => undefined);
  push(buffer);
  return buffer._take();
}

describe('wire layout', () => {
  it('lists every event type in TYPE_* order', () => {
    const types = eventLayouts().map(([type]) => type.replace('!', ''));
    expect(types).toEqual(Object.values(EventType));
    expect([TYPE_KEY, TYPE_POINTER, TYPE_CLICK, TYPE_WHEEL, TYPE_SCROLL, TYPE_TOUCH, TYPE_FOCUS, TYPE_INPUT, TYPE_PASTE, TYPE_SUBMIT, TYPE_VISIBILITY, TYPE_NAV, TYPE_VITAL]).toEqual([
      ...types.keys(),
    ]);
  });

  it('uses the enum values of the shared schema', () => {
    const codec = (type: number, name: string) => eventLayouts()[type]![1].find(([field]) => field === name)![1];
    expect(codec(TYPE_KEY, 'cls')).toEqual(KEY_CLASSES);
    expect(codec(TYPE_NAV, 'kind')).toEqual(NAV_KINDS);
    // The collectors write these as strings; their types are checked against the schema's.
    expect(codec(TYPE_FOCUS, 'fieldKind')).toBe('$');
    expect(codec(TYPE_VITAL, 'name')).toBe('$');
  });
});

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
    const body = encodeBeacon(HEADER, events);
    const beacon = JSON.parse(body);

    expect(beaconSchema.safeParse(beacon).error?.issues ?? []).toEqual([]);
    expect(beacon.v).toBe(1);
    expect(beacon.events[0]).toEqual({ type: 'key', t: 10, phase: 'down', cls: 'letter', field: 2, ime: true });
    expect(beacon.events[1]).toEqual({ type: 'key', t: 11, phase: 'up', cls: 'other', repeat: true, trusted: false });
    expect(beacon.events[2]).toEqual({ type: 'pointer', t: 12.3, kind: 'move', x: 10.123, y: 20, sx: 0, sy: 80, buttons: 0, coalesced: true });
    expect(beacon.events[3]).toEqual({ type: 'pointer', t: 13, kind: 'down', x: 10, y: 20, pt: 'touch', buttons: 1 });
    expect(beacon.events[4]).toEqual({ type: 'click', t: 14, x: 100, y: 50, dx: -3.5, dy: 2.25, w: 200, h: 60, detail: 1, button: 0 });
    expect(beacon.events[8]).toEqual({ type: 'focus', t: 17, kind: 'focus', field: 1, fieldKind: 'password' });
    expect(beacon.events[9]).toEqual({ type: 'input', t: 18, field: 1, inputType: 'insertText', delta: 1 });
    expect(beacon.events[10]).toEqual({ type: 'paste', t: 19 });
    expect(beacon.events[13]).toMatchObject({ type: 'nav', kind: 'push', path: '/next' });
    expect(beacon.events[14]).toMatchObject({ type: 'vital', name: 'CLS', value: 0.012 });
  });

  it('clamps out-of-range values from scripted events', () => {
    const events = takeAll((buffer) => {
      buffer._push(fakeEvent(1, false), TYPE_CLICK, 1e12, -1e12, 5e9, -5e9, -10, 1e9, 5000, 99);
      buffer._push(fakeEvent(2, false), TYPE_WHEEL, 1e9, -1e9, 7);
      buffer._push(fakeEvent(3, false), TYPE_TOUCH, 0, 1, 1, 500, 1e9, 7);
      buffer._push(fakeEvent(4, false), TYPE_POINTER, 0, Infinity, -Infinity, NaN, NaN, NaN, 1e6, NaN);
      buffer._push(fakeEvent(2e12), TYPE_SCROLL, 0);
    });
    const beacon = JSON.parse(encodeBeacon(HEADER, events));

    expect(beaconSchema.safeParse(beacon).error?.issues ?? []).toEqual([]);
    expect(beacon.events[0]).toMatchObject({ x: 1e6, y: -1e6, w: 0, h: 1e6, detail: 100, button: 4 });
    expect(beacon.events[1]).toMatchObject({ dx: 1e5, dy: -1e5, mode: 2 });
    expect(beacon.events[2]).toMatchObject({ n: 20, r: 1e4, force: 1 });
    expect(beacon.events[4].t).toBe(1e9);
  });

  it('drops the oldest batch when the buffer is full', () => {
    let dropped = 0;
    const buffer = createEventBuffer(
      () => undefined,
      () => dropped++,
    );
    for (let i = 0; i < BUFFER_CAPACITY + 1; i++) buffer._push(null, TYPE_SCROLL, i);

    expect(dropped).toBe(1);
    const first = buffer._take();
    expect(first[0]).toMatchObject({ type: 'scroll', y: BATCH_SIZE });
    let kept = first.length;
    for (let events = buffer._take(); events.length > 0; events = buffer._take()) kept += events.length;
    expect(kept).toBe(BUFFER_CAPACITY - BATCH_SIZE + 1);
  });

  it('takes at most one batch per beacon', () => {
    let ready = 0;
    const buffer = createEventBuffer(() => ready++, () => undefined);
    for (let i = 0; i < BATCH_SIZE + 10; i++) buffer._push(null, TYPE_SCROLL, i);

    expect(ready).toBe(1);
    expect(buffer._take()).toHaveLength(BATCH_SIZE);
    expect(buffer._take()).toHaveLength(10);
    expect(buffer._take()).toHaveLength(0);
  });

  it('keeps each beacon under the body limit', () => {
    const buffer = createEventBuffer(() => undefined, () => undefined);
    for (let i = 0; i < BATCH_SIZE; i++) buffer._push(null, TYPE_NAV, 1, buffer._string('/' + 'p'.repeat(511)));

    const bodies: string[] = [];
    for (let events = buffer._take(); events.length > 0; events = buffer._take()) bodies.push(encodeBeacon(HEADER, events));
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) {
      expect(new TextEncoder().encode(body).length).toBeLessThan(MAX_BEACON_BYTES);
      expect(beaconSchema.safeParse(JSON.parse(body)).success).toBe(true);
    }
    expect(bodies.reduce((count, body) => count + JSON.parse(body).events.length, 0)).toBe(BATCH_SIZE);
  });
});
