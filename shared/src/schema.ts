/**
 * The beacon wire schema, as a zod validator for the ingest service.
 *
 * The SDK imports only the inferred types (`import type`), so zod never reaches the
 * browser bundle. Unknown keys are stripped rather than rejected, so that an older
 * service accepts beacons from a newer SDK.
 */
import { z } from 'zod';

import { MAX_ROW_LENGTH } from './event_rows';
import { FIELD_KINDS, KEY_CLASSES, NAV_KINDS, VITAL_NAMES } from './signals';
import { BEACON_VERSION, MAX_EVENTS_PER_BEACON, MAX_IDENTITY_LENGTH, MAX_PATH_LENGTH, MAX_SESSION_ID_LENGTH } from './limits';

/** Milliseconds since the page's time origin (`performance.now()`), at most about 11.5 days. */
const timestamp = z.number().min(0).max(1e9);
/** CSS pixels; pages can be large, and coalesced samples may be fractional. */
const coordinate = z.number().min(-1e6).max(1e6);
const fieldIndex = z.number().int().min(0).max(1023);
const smallCount = z.number().int().min(0).max(1e6);

const keyEvent = z.object({
  type: z.literal('key'),
  t: timestamp,
  phase: z.enum(['down', 'up']),
  cls: z.enum(KEY_CLASSES),
  /** Index of the focused field on the page, if a field has focus. */
  field: fieldIndex.optional(),
  /** Auto-repeat from a held key. */
  repeat: z.boolean().optional(),
  /** IME composition or an Android soft keyboard (key code 229). */
  ime: z.boolean().optional(),
  /** Absent means true. */
  trusted: z.boolean().optional(),
});

const pointerEvent = z.object({
  type: z.literal('pointer'),
  t: timestamp,
  kind: z.enum(['move', 'down', 'up']),
  x: coordinate,
  y: coordinate,
  /** Screen coordinates minus client coordinates, sent when they change. */
  sx: coordinate.optional(),
  sy: coordinate.optional(),
  /** `pointerType`; absent means `mouse`. */
  pt: z.enum(['mouse', 'pen', 'touch']).optional(),
  buttons: z.number().int().min(0).max(64).optional(),
  /** A sample recovered from `getCoalescedEvents()` rather than a dispatched event. */
  coalesced: z.boolean().optional(),
  trusted: z.boolean().optional(),
});

const clickEvent = z.object({
  type: z.literal('click'),
  t: timestamp,
  x: coordinate,
  y: coordinate,
  /** Offset of the click from the centre of its target, in CSS pixels. */
  dx: coordinate,
  dy: coordinate,
  /** Size of the target's bounding box, in CSS pixels. */
  w: z.number().min(0).max(1e6),
  h: z.number().min(0).max(1e6),
  /** `MouseEvent.detail`: 0 for clicks synthesised by keyboard or assistive technology. */
  detail: z.number().int().min(0).max(100),
  button: z.number().int().min(0).max(4).optional(),
  trusted: z.boolean().optional(),
});

const wheelEvent = z.object({
  type: z.literal('wheel'),
  t: timestamp,
  dx: z.number().min(-1e5).max(1e5),
  dy: z.number().min(-1e5).max(1e5),
  mode: z.number().int().min(0).max(2).optional(),
  trusted: z.boolean().optional(),
});

const scrollEvent = z.object({
  type: z.literal('scroll'),
  t: timestamp,
  y: coordinate,
});

const touchEvent = z.object({
  type: z.literal('touch'),
  t: timestamp,
  kind: z.enum(['start', 'move', 'end', 'cancel']),
  x: coordinate,
  y: coordinate,
  /** Number of active touch points. */
  n: z.number().int().min(0).max(20),
  /** Contact radius and force, where the device reports them. */
  r: z.number().min(0).max(1e4).optional(),
  force: z.number().min(0).max(1).optional(),
  trusted: z.boolean().optional(),
});

const focusEvent = z.object({
  type: z.literal('focus'),
  t: timestamp,
  kind: z.enum(['focus', 'blur']),
  field: fieldIndex,
  fieldKind: z.enum(FIELD_KINDS),
});

const inputEvent = z.object({
  type: z.literal('input'),
  t: timestamp,
  field: fieldIndex,
  /** `InputEvent.inputType`, such as `insertText` or `insertFromPaste`. */
  inputType: z.string().max(48).regex(/^[A-Za-z]*$/),
  /** Change in the field's value length; never the value itself. */
  delta: z.number().int().min(-1e6).max(1e6),
  trusted: z.boolean().optional(),
});

const pasteEvent = z.object({
  type: z.literal('paste'),
  t: timestamp,
  field: fieldIndex.optional(),
});

const submitEvent = z.object({
  type: z.literal('submit'),
  t: timestamp,
  fields: smallCount,
  trusted: z.boolean().optional(),
});

const visibilityEvent = z.object({
  type: z.literal('visibility'),
  t: timestamp,
  state: z.enum(['visible', 'hidden']),
});

const pagePath = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .regex(/^\/[^?#]*$/, 'must be a path starting with "/" with no query string or fragment');

const navEvent = z.object({
  type: z.literal('nav'),
  t: timestamp,
  kind: z.enum(NAV_KINDS),
  path: pagePath,
});

const vitalEvent = z.object({
  type: z.literal('vital'),
  t: timestamp,
  name: z.enum(VITAL_NAMES),
  value: z.number().min(0).max(1e7),
});

export const beaconEventSchema = z.discriminatedUnion('type', [
  keyEvent,
  pointerEvent,
  clickEvent,
  wheelEvent,
  scrollEvent,
  touchEvent,
  focusEvent,
  inputEvent,
  pasteEvent,
  submitEvent,
  visibilityEvent,
  navEvent,
  vitalEvent,
]);

const shortString = z.string().max(128);

export const environmentSchema = z.object({
  ua: z.string().max(512),
  /** `navigator.webdriver`; null where the property is missing. */
  webdriver: z.boolean().nullable(),
  /** Low-entropy User-Agent Client Hints (`navigator.userAgentData`), where the browser has them. */
  uaData: z
    .object({
      brands: z.array(z.object({ brand: shortString, version: z.string().max(32) })).max(10),
      mobile: z.boolean(),
      platform: z.string().max(64),
    })
    .optional(),
  languages: z.array(z.string().max(35)).max(20),
  timezone: z.string().max(64),
  timezoneOffsetMin: z.number().int().min(-1000).max(1000),
  screen: z.object({
    w: z.number().min(0).max(1e5),
    h: z.number().min(0).max(1e5),
    availW: z.number().min(0).max(1e5),
    availH: z.number().min(0).max(1e5),
    dpr: z.number().min(0).max(20),
    colorDepth: z.number().int().min(0).max(64),
  }),
  window: z.object({
    innerW: z.number().min(0).max(1e5),
    innerH: z.number().min(0).max(1e5),
    outerW: z.number().min(0).max(1e5),
    outerH: z.number().min(0).max(1e5),
  }),
  /** Smallest step of `performance.now()` observed at start, in ms. */
  timerResolutionMs: z.number().min(0).max(1000),
  hardwareConcurrency: z.number().int().min(0).max(1024).optional(),
  deviceMemory: z.number().min(0).max(1024).optional(),
  maxTouchPoints: z.number().int().min(0).max(256),
  pdfViewerEnabled: z.boolean().optional(),
  pluginCount: z.number().int().min(0).max(1000).optional(),
  /** `matchMedia('(any-hover: hover)')`. */
  hover: z.boolean().optional(),
  /** `matchMedia('(any-pointer: fine)')`. */
  finePointer: z.boolean().optional(),
  /** Names of automation-framework globals found on the page (names only, never values). */
  traces: z.array(z.string().max(64)).max(20).optional(),
  /**
   * Kind of WebGL renderer, never its name: `software` (SwiftShader, llvmpipe and other CPU
   * rasterisers), `angle` (a renderer string in Chromium's `ANGLE (…)` form), `native` (any
   * other renderer string) or `none` (no WebGL).
   */
  webgl: z.enum(['software', 'angle', 'native', 'none']).optional(),
});

export const beaconSchema = z.object({
  v: z.literal(BEACON_VERSION),
  /** Site key from the script tag's `data-site`. */
  site: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  /** Session id generated by the SDK and kept for the tab's lifetime. */
  sid: z
    .string()
    .min(8)
    .max(MAX_SESSION_ID_LENGTH)
    .regex(/^[A-Za-z0-9_-]+$/),
  /** Sequence number of this beacon in the session; strictly increasing, gaps allowed. */
  seq: z.number().int().min(0).max(1e9),
  /** Page-load counter in the session; event timestamps restart with each page load. */
  page: z.number().int().min(0).max(1e6),
  /** Current page path, with no query string or fragment. */
  path: pagePath,
  /** `performance.now()` when the beacon was encoded. */
  sentAt: timestamp,
  /** Environment facts, sent with the first beacon of each page load. */
  env: environmentSchema.optional(),
  events: z.array(beaconEventSchema).max(MAX_EVENTS_PER_BEACON),
  /** Batches the SDK had to drop (memory cap, failed delivery) since the last beacon. */
  dropped: smallCount.optional(),
  /**
   * Signed-in identity named by the page with `telltale.identify(id)`, sent once with the next
   * beacon. The service replaces it with a keyed hash on arrival and stores only the hash.
   */
  identity: z.string().min(1).max(MAX_IDENTITY_LENGTH).optional(),
});

/**
 * The row encoding of a beacon's events, which the SDK sends as `rows` and `strings` in place of
 * `events` (see `expandEventRows`). The service expands the rows into `events` before it applies
 * `beaconSchema`.
 */
export const eventRowsSchema = z.object({
  rows: z.array(z.array(z.number().nullable()).min(3).max(MAX_ROW_LENGTH)).max(MAX_EVENTS_PER_BEACON),
  /** Values of the rows' string slots, such as page paths and input types. */
  strings: z.array(z.string().max(MAX_PATH_LENGTH)).max(MAX_EVENTS_PER_BEACON).optional(),
});

export type Beacon = z.infer<typeof beaconSchema>;
/** A beacon whose events are row-encoded, as the SDK sends it. */
export type RowBeacon = Omit<Beacon, 'events'> & z.infer<typeof eventRowsSchema>;
export type BeaconEvent = z.infer<typeof beaconEventSchema>;
export type Environment = z.infer<typeof environmentSchema>;
export type KeyEvent = z.infer<typeof keyEvent>;
export type PointerEvent = z.infer<typeof pointerEvent>;
export type ClickEvent = z.infer<typeof clickEvent>;
export type WheelEvent = z.infer<typeof wheelEvent>;
export type ScrollEvent = z.infer<typeof scrollEvent>;
export type TouchEvent = z.infer<typeof touchEvent>;
export type FocusEvent = z.infer<typeof focusEvent>;
export type InputEvent = z.infer<typeof inputEvent>;
export type PasteEvent = z.infer<typeof pasteEvent>;
export type SubmitEvent = z.infer<typeof submitEvent>;
export type VisibilityEvent = z.infer<typeof visibilityEvent>;
export type NavEvent = z.infer<typeof navEvent>;
export type VitalEvent = z.infer<typeof vitalEvent>;

/**
 * Returns a validation issue's path as a JSON-path-like string, such as `events[3].type`;
 * an empty path is returned as `root`.
 */
export function formatIssuePath(path: readonly PropertyKey[], root = '(body)'): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? root : out;
}
