import type { BeaconEvent } from '@telltale/shared';

/**
 * Wire layout of each event type, indexed by the TYPE_* codes below: the type name, then one
 * word per field slot, in slot order. `name:a:b` is an enum (the slot contains the value's index),
 * `name!` a boolean (1 is true), `name$` a string (the slot contains an index into the buffer's
 * string list, and the collectors write only values that the schema accepts), `nameN` a number
 * clamped to [0, N], `name-N` one clamped to [-N, N], and a bare `name` one clamped to
 * [-1e6, 1e6] (CSS pixels). Numbers are rounded to 0.001. Clamping keeps
 * one odd value (a scripted event with a huge coordinate) from failing validation of a whole
 * beacon. Every field is left out when its slot is NaN, so fields that the schema requires must
 * always be written. A `!` after the type name means the event carries `trusted`.
 * The enum values must equal those of `@telltale/shared`; a unit test checks them.
 */
const LAYOUT =
  'key! phase:down:up cls:letter:digit:space:backspace:enter:tab:modifier:other field1023 repeat! ime!' +
  ',pointer! kind:move:down:up x y sx sy pt:mouse:pen:touch buttons64 coalesced!' +
  ',click! x y dx dy w1e6 h1e6 detail100 button4' +
  ',wheel! dx-1e5 dy-1e5 mode2' +
  ',scroll y' +
  ',touch! kind:start:move:end:cancel x y n20 r1e4 force1' +
  ',focus kind:focus:blur field1023 fieldKind$' +
  ',input! field1023 inputType$ delta' +
  ',paste field1023' +
  ',submit! fields1e6' +
  ',visibility state:visible:hidden' +
  ',nav kind:load:push:replace:pop path$' +
  ',vital name$ value1e7';

export const TYPE_KEY = 0;
export const TYPE_POINTER = 1;
export const TYPE_CLICK = 2;
export const TYPE_WHEEL = 3;
export const TYPE_SCROLL = 4;
export const TYPE_TOUCH = 5;
export const TYPE_FOCUS = 6;
export const TYPE_INPUT = 7;
export const TYPE_PASTE = 8;
export const TYPE_SUBMIT = 9;
export const TYPE_VISIBILITY = 10;
export const TYPE_NAV = 11;
export const TYPE_VITAL = 12;

/** Slots per record: timestamp, trusted flag, type code, then at most 8 fields (pointer and click). */
export const RECORD_WIDTH = 11;

/** A parsed field: name and codec (enum values, '!', '$', or the clamp bound). */
type Field = [name: string, codec: string[] | string | number];

let parsed: [type: string, fields: Field[]][] | undefined;

/** Returns the parsed layout; parsing happens on first use, so importing the module does no work. */
export function eventLayouts(): [type: string, fields: Field[]][] {
  return (parsed ??= LAYOUT.split(',').map((entry) => {
    const [type, ...words] = entry.split(' ');
    const fields = words.map((word): Field => {
      const [, name, codec] = /([a-zA-Z]+)(.*)/.exec(word)!;
      // A bound parses as a number. `!` and `$` parse as NaN and stay strings, and an empty codec means ±1e6.
      return [name!, codec![0] === ':' ? codec!.slice(1).split(':') : +codec! || codec || -1e6];
    });
    return [type!, fields];
  }));
}

/** Rounds to `decimals` places after clamping into [min, max]. */
export function clampRound(value: number, min: number, max: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(Math.min(max, Math.max(min, value)) * scale) / scale;
}

/** Builds the wire event stored at `offset` in `records`; string slots index into `strings`. */
export function decodeEvent(records: Float64Array, offset: number, strings: readonly string[]): BeaconEvent {
  const [type, fields] = eventLayouts()[records[offset + 2]!]!;
  // Timestamps: 0.1 ms steps, at most the schema's 1e9 ms.
  const event: Record<string, unknown> = { type: type.replace('!', ''), t: clampRound(records[offset]!, 0, 1e9, 1) };
  if (type.endsWith('!') && records[offset + 1] === 0) event.trusted = false;

  fields.forEach(([name, codec], index) => {
    const slot = records[offset + 3 + index]!;
    if (slot === slot) {
      event[name] =
        codec === '!'
          ? slot === 1
          : codec === '$'
            ? strings[slot]
            : typeof codec === 'number'
              ? clampRound(slot, Math.min(codec, 0), Math.abs(codec), 3)
              : codec[slot];
    }
  });
  return event as BeaconEvent;
}
