/**
 * The row encoding of beacon events, which the SDK sends in place of event objects so that the
 * browser bundle carries no field names. A row is `[t, trusted, typeCode, ...slots]`, with JSON
 * `null` for an absent value. This module has no zod import, so the SDK can import its type codes.
 */
import { FIELD_KINDS } from './signals';

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

/** Values per row at most: timestamp, trusted flag, type code, then at most 8 slots (pointer and click). */
export const MAX_ROW_LENGTH = 11;

/** One encoded event. */
export type EventRow = (number | null)[];

/**
 * Layout of each event type, indexed by the TYPE_* codes: the type name, then one word per slot,
 * in slot order. `name:a:b` is an enum whose slot contains the value's index, `name!` a boolean
 * (1 is true), and `name$` a string whose slot contains an index into the beacon's `strings`.
 * `nameN` is a number clamped to [0, N], `name-N` one clamped to [-N, N], and a bare `name` one
 * clamped to [-1e6, 1e6] (CSS pixels). Numbers are rounded to 0.001. Clamping keeps one odd value
 * (a scripted event with a huge coordinate) from failing validation of a whole beacon. A field is
 * left out when its slot is null. A `!` after the type name means the event carries `trusted`.
 * The enum values must equal those of the schema, and a unit test checks them. The strings of
 * some `$` fields are normalised by STRING_FALLBACKS.
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

/** A field's codec: its enum values, '!' (boolean), '$' (string) or the clamp bound (negative for ±). */
export type FieldCodec = readonly string[] | '!' | '$' | number;

/** The layout of one event type. */
export interface EventLayout {
  type: string;
  hasTrusted: boolean;
  fields: readonly (readonly [name: string, codec: FieldCodec])[];
}

function parseLayout(text: string): EventLayout[] {
  return text.split(',').map((entry) => {
    const [type, ...words] = entry.split(' ');
    const fields = words.map((word) => {
      const [, name, codec] = /^([a-zA-Z]+)(.*)$/.exec(word)!;
      let parsed: FieldCodec;
      if (codec!.startsWith(':')) parsed = codec!.slice(1).split(':');
      else if (codec === '!' || codec === '$') parsed = codec;
      else parsed = codec === '' ? -1e6 : Number(codec);
      return [name!, parsed] as const;
    });
    return { type: type!.replace('!', ''), hasTrusted: type!.endsWith('!'), fields };
  });
}

/**
 * Event layouts indexed by the TYPE_* codes. The pure annotation lets bundlers drop the parsing
 * from the SDK, which imports only the type codes.
 */
export const EVENT_LAYOUTS: readonly EventLayout[] = /* @__PURE__ */ parseLayout(LAYOUT);

/**
 * Replacements for the values of `$` fields that the schema would reject but the browser can
 * report: an input `type` that FIELD_KINDS lacks (such as `checkbox`) is `other`, and an
 * `InputEvent.inputType` that is not 0 to 48 letters is ''. The SDK sends them unchecked, which
 * keeps the checks out of its bundle.
 */
const STRING_FALLBACKS: Record<string, (value: string) => string> = {
  fieldKind: (value) => ((FIELD_KINDS as readonly string[]).includes(value) ? value : 'other'),
  inputType: (value) => (/^[A-Za-z]{0,48}$/.test(value) ? value : ''),
};

/** Rounds to `decimals` places after clamping into [min, max]. */
function clampRound(value: number, min: number, max: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(Math.min(max, Math.max(min, value)) * scale) / scale;
}

/** Decodes one slot of field `name`. A value the codec cannot map is returned unchanged, so the schema rejects it. */
function decodeSlot(name: string, slot: unknown, codec: FieldCodec, strings: readonly unknown[]): unknown {
  if (typeof slot !== 'number') return slot;
  if (codec === '!') return slot === 1;
  if (typeof codec === 'number') return clampRound(slot, Math.min(codec, 0), Math.abs(codec), 3);

  const values = codec === '$' ? strings : codec;
  const value = Number.isInteger(slot) && slot >= 0 && slot < values.length ? values[slot] : slot;
  const fallback = codec === '$' ? STRING_FALLBACKS[name] : undefined;
  return fallback && typeof value === 'string' ? fallback(value) : value;
}

/** Decodes one row. A row that is not an array or has an unknown type code gets `type: null`. */
function expandEventRow(row: unknown, strings: readonly unknown[]): Record<string, unknown> {
  if (!Array.isArray(row)) return { type: null };
  const [t, trusted, code, ...slots] = row as unknown[];
  const layout = typeof code === 'number' ? EVENT_LAYOUTS[code] : undefined;
  if (!layout) return { type: null, t };

  // Timestamps: 0.1 ms steps, at most the schema's 1e9 ms.
  const event: Record<string, unknown> = { type: layout.type, t: typeof t === 'number' ? clampRound(t, 0, 1e9, 1) : t };
  // Absent `trusted` means true, so only 0 is sent on.
  if (layout.hasTrusted && trusted === 0) event.trusted = false;

  layout.fields.forEach(([name, codec], index) => {
    const slot = slots[index];
    if (slot !== null && slot !== undefined) event[name] = decodeSlot(name, slot, codec, strings);
  });
  return event;
}

/**
 * Expands rows `[t, trusted, typeCode, ...slots]` into beacon event objects, with string slots
 * looked up in `strings`. It never throws: a malformed row yields an object that the beacon schema
 * rejects, with the row's index in the issue path, and `rows` that is not an array yields no
 * events. Slots past a type's fields are ignored.
 */
export function expandEventRows(rows: unknown, strings: unknown): unknown[] {
  if (!Array.isArray(rows)) return [];
  const table: readonly unknown[] = Array.isArray(strings) ? strings : [];
  return rows.map((row) => expandEventRow(row, table));
}
