import { describe, expect, it } from 'vitest';

import { EVENT_LAYOUTS, expandEventRows, MAX_ROW_LENGTH, TYPE_CLICK, TYPE_FOCUS, TYPE_INPUT, TYPE_KEY, TYPE_NAV, TYPE_POINTER, TYPE_SCROLL, TYPE_TOUCH, TYPE_VITAL, TYPE_WHEEL } from './event_rows';
import { beaconSchema, formatIssuePath } from './schema';
import { EventType, KEY_CLASSES, NAV_KINDS } from './signals';

const HEADER = { v: 1, site: 'pk_test', sid: 'AAAAAAAAAAAAAAAAAAAAAA', seq: 0, page: 1, path: '/app', sentAt: 10 };

/** Returns the path of the first issue of a beacon with these events, or null when it is valid. */
function firstIssuePath(events: unknown[]): string | null {
  const parsed = beaconSchema.safeParse({ ...HEADER, events });
  return parsed.success ? null : formatIssuePath(parsed.error.issues[0]!.path);
}

/** Returns the codec of field `name` of event type `type`. */
function codecOf(type: number, name: string) {
  return EVENT_LAYOUTS[type]!.fields.find(([field]) => field === name)![1];
}

describe('event layout', () => {
  it('lists every event type in TYPE_* order', () => {
    expect(EVENT_LAYOUTS.map((layout) => layout.type)).toEqual(Object.values(EventType));
  });

  it('uses the enum values of the schema', () => {
    expect(codecOf(TYPE_KEY, 'cls')).toEqual(KEY_CLASSES);
    expect(codecOf(TYPE_NAV, 'kind')).toEqual(NAV_KINDS);
    expect(codecOf(TYPE_FOCUS, 'fieldKind')).toBe('$');
    expect(codecOf(TYPE_VITAL, 'name')).toBe('$');
  });

  it('fits every type into MAX_ROW_LENGTH', () => {
    const widest = Math.max(...EVENT_LAYOUTS.map((layout) => 3 + layout.fields.length));
    expect(widest).toBe(MAX_ROW_LENGTH);
  });
});

describe('expandEventRows', () => {
  it('expands a row of each type into a valid event', () => {
    const strings = ['password', 'insertText', '/next', 'LCP'];
    const rows = [
      [1, 1, 0, 0, 1, 3, 1, null],
      [2, 1, 1, 2, 5, 6, 1, 2, 2, 4, 1],
      [3, 0, 2, 1, 2, 3, 4, 5, 6, 1, 2],
      [4, 1, 3, 1, -2, 1],
      [5, null, 4, 40],
      [6, 1, 5, 3, 1, 2, 2, 3.5, 0.25],
      [7, null, 6, 1, 2, 0],
      [8, 1, 7, 2, 1, -3],
      [9, null, 8],
      [10, 1, 9, 7],
      [11, null, 10, 0],
      [12, null, 11, 3, 2],
      [13, null, 12, 3, 1234.5],
    ];
    const events = expandEventRows(rows, strings);

    expect(firstIssuePath(events)).toBeNull();
    expect(events).toEqual([
      { type: 'key', t: 1, phase: 'down', cls: 'digit', field: 3, repeat: true },
      { type: 'pointer', t: 2, kind: 'up', x: 5, y: 6, sx: 1, sy: 2, pt: 'touch', buttons: 4, coalesced: true },
      { type: 'click', t: 3, x: 1, y: 2, dx: 3, dy: 4, w: 5, h: 6, detail: 1, button: 2, trusted: false },
      { type: 'wheel', t: 4, dx: 1, dy: -2, mode: 1 },
      { type: 'scroll', t: 5, y: 40 },
      { type: 'touch', t: 6, kind: 'cancel', x: 1, y: 2, n: 2, r: 3.5, force: 0.25 },
      { type: 'focus', t: 7, kind: 'blur', field: 2, fieldKind: 'password' },
      { type: 'input', t: 8, field: 2, inputType: 'insertText', delta: -3 },
      { type: 'paste', t: 9 },
      { type: 'submit', t: 10, fields: 7 },
      { type: 'visibility', t: 11, state: 'visible' },
      { type: 'nav', t: 12, kind: 'pop', path: '/next' },
      { type: 'vital', t: 13, name: 'LCP', value: 1234.5 },
    ]);
  });

  it('rounds and clamps numbers', () => {
    const [click, wheel, touch, scroll] = expandEventRows(
      [
        [1.26, 0, TYPE_CLICK, 1e12, -1e12, 5e9, -5e9, -10, 1e9, 5000, 99],
        [2, 0, TYPE_WHEEL, 1e9, -1e9, 7],
        [3, 0, TYPE_TOUCH, 0, 1.000_49, 1, 500, 1e9, 7],
        [2e12, null, TYPE_SCROLL, 0],
      ],
      [],
    );

    expect(click).toMatchObject({ t: 1.3, x: 1e6, y: -1e6, dx: 1e6, dy: -1e6, w: 0, h: 1e6, detail: 100, button: 4 });
    expect(wheel).toMatchObject({ dx: 1e5, dy: -1e5, mode: 2 });
    expect(touch).toMatchObject({ x: 1, n: 20, r: 1e4, force: 1 });
    expect(scroll).toMatchObject({ t: 1e9 });
    expect(firstIssuePath([click, wheel, touch, scroll])).toBeNull();
  });

  it('sends trusted only for 0 on types that carry it', () => {
    const [untrusted, trusted, unknown, scroll] = expandEventRows(
      [
        [1, 0, TYPE_WHEEL, 1, 1],
        [1, 1, TYPE_WHEEL, 1, 1],
        [1, null, TYPE_WHEEL, 1, 1],
        [1, 0, TYPE_SCROLL, 1],
      ],
      [],
    );

    expect(untrusted).toHaveProperty('trusted', false);
    expect(trusted).not.toHaveProperty('trusted');
    expect(unknown).not.toHaveProperty('trusted');
    expect(scroll).not.toHaveProperty('trusted');
  });

  it('maps unknown field kinds and input types', () => {
    const strings = ['checkbox', 'select', 'email', 'insert Text!', 'x'.repeat(49), 'deleteContentBackward'];
    const events = expandEventRows(
      [
        [1, 1, TYPE_FOCUS, 0, 1, 0],
        [2, 1, TYPE_FOCUS, 0, 2, 1],
        [3, 1, TYPE_FOCUS, 0, 3, 2],
        [4, 1, TYPE_INPUT, 1, 3, 1],
        [5, 1, TYPE_INPUT, 1, 4, 1],
        [6, 1, TYPE_INPUT, 1, 5, -1],
      ],
      strings,
    );

    expect(events.map((event) => (event as { fieldKind?: string }).fieldKind ?? (event as { inputType?: string }).inputType)).toEqual([
      'other',
      'other',
      'email',
      '',
      '',
      'deleteContentBackward',
    ]);
    expect(firstIssuePath(events)).toBeNull();
  });

  it('keeps a string slot that points at a non-string', () => {
    const events = expandEventRows([[1, null, TYPE_FOCUS, 0, 1, 0]], [7]);

    expect(events[0]).toHaveProperty('fieldKind', 7);
    expect(firstIssuePath(events)).toBe('events[0].fieldKind');
  });

  it('ignores slots past the layout', () => {
    expect(expandEventRows([[1, null, TYPE_SCROLL, 5, 6, 7]], [])).toEqual([{ type: 'scroll', t: 1, y: 5 }]);
  });

  it.each([
    ['unknown type code', [[1, 1, 13, 0]], 'events[0].type'],
    ['negative type code', [[1, 1, -1]], 'events[0].type'],
    ['fractional type code', [[1, 1, 0.5]], 'events[0].type'],
    ['row that is not an array', [{ t: 1 }], 'events[0].type'],
    ['missing required slot', [[1, 1, TYPE_POINTER, 0, 5]], 'events[0].y'],
    ['enum index out of range', [[1, 1, TYPE_KEY, 2, 0]], 'events[0].phase'],
    ['fractional enum index', [[1, 1, TYPE_KEY, 0.5, 0]], 'events[0].phase'],
    ['string index out of range', [[1, null, TYPE_NAV, 0, 4]], 'events[0].path'],
    ['missing timestamp', [[null, null, TYPE_SCROLL, 1]], 'events[0].t'],
    ['text timestamp', [['1', null, TYPE_SCROLL, 1]], 'events[0].t'],
  ])('yields an invalid event for %s', (_name, rows, path) => {
    const events = expandEventRows(rows, ['/a', '/b']);

    expect(events).toHaveLength(rows.length);
    expect(firstIssuePath(events)).toBe(path);
  });

  it('never throws on malformed input', () => {
    for (const [rows, strings] of [
      [null, null],
      ['rows', 'strings'],
      [[null, 5, 'x', []], undefined],
      [[[1, 1, TYPE_NAV, 0, 0]], { 0: '/x' }],
    ] as const) {
      expect(() => expandEventRows(rows, strings)).not.toThrow();
    }
    expect(expandEventRows('rows', [])).toEqual([]);
    expect(expandEventRows([[1, 1, TYPE_NAV, 0, 0]], 'not a list')).toEqual([{ type: 'nav', t: 1, kind: 'load', path: 0 }]);
  });
});
