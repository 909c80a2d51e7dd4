/**
 * Event types and coarse classes that travel on the wire.
 * Defined once here so that the SDK and ingest agree on every string.
 */
export const EventType = {
  Key: 'key',
  Pointer: 'pointer',
  Click: 'click',
  Wheel: 'wheel',
  Scroll: 'scroll',
  Touch: 'touch',
  Focus: 'focus',
  Input: 'input',
  Paste: 'paste',
  Submit: 'submit',
  Visibility: 'visibility',
  Nav: 'nav',
  Vital: 'vital',
} as const;

export type EventType = (typeof EventType)[keyof typeof EventType];

/**
 * Coarse class of a key. The SDK never sends `key` or `code`, only this class, so hold
 * and flight times can be computed without learning what was typed.
 */
export const KeyClass = {
  Letter: 'letter',
  Digit: 'digit',
  Space: 'space',
  Backspace: 'backspace',
  Enter: 'enter',
  Tab: 'tab',
  Modifier: 'modifier',
  Other: 'other',
} as const;

export type KeyClass = (typeof KeyClass)[keyof typeof KeyClass];

export const KEY_CLASSES: readonly KeyClass[] = Object.values(KeyClass);

/** Web-vitals metric names the SDK reports. */
export const VITAL_NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
export type VitalName = (typeof VITAL_NAMES)[number];

/** Ways a page path is reached: a full load, History API calls, or back/forward navigation. */
export const NAV_KINDS = ['load', 'push', 'replace', 'pop'] as const;
export type NavKind = (typeof NAV_KINDS)[number];

/** Coarse kinds of form field. Anything else is `other`; the field's name and value are never sent. */
export const FIELD_KINDS = ['text', 'password', 'email', 'search', 'number', 'tel', 'url', 'textarea', 'other'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
