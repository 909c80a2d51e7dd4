import { TYPE_FOCUS, TYPE_INPUT, TYPE_PASTE, TYPE_SUBMIT } from '@telltale/shared/event_rows';

import type { EventBuffer } from '../event_buffer';
import { listen } from './listen';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The form field that has focus, shared with the key collector. */
export interface FocusedField {
  /** Index of the focused field among the page's fields, or NaN when no field has focus. */
  _index: number;
  _element?: Field | null;
}

/** Selector of the elements recorded as form fields. */
const FIELD = 'input,textarea,select';
/** Index sent for a field that document order cannot place (detached), and the schema's maximum. */
const UNPLACED_FIELD = 1023;

/**
 * Records focus and blur of form fields, `input` events as the input type plus the change in
 * value length, pastes, and form submissions with their number of form controls. Values are
 * never read beyond `.value.length`. NOTE: a field inside a shadow root reaches these listeners
 * as its host element, which is not a field, so its events are not recorded.
 */
export function collectFields(buffer: EventBuffer, focused: FocusedField): void {
  const lengths = new WeakMap<Field, number>();
  // The target can be the document or the window, which have no matches().
  const fieldOf = (event: Event) => ((event.target as Element).matches?.(FIELD) ? (event.target as Field) : null);
  const indexOf = (field: Field) => (field === focused._element ? focused._index : indexOfField(field));

  listen(document, 'focusin focusout', (event: FocusEvent, kind) => {
    const field = fieldOf(event);
    if (!field) return;
    const index = kind ? indexOf(field) : indexOfField(field);
    // On focus the field becomes the focused one; on blur (kind 1) no field has focus.
    focused._element = kind ? null : field;
    focused._index = kind ? NaN : index;
    lengths.set(field, field.value.length);
    buffer._push(event, TYPE_FOCUS, kind, index, buffer._string(kindOfField(field)));
  });

  listen(document, 'input', (event: InputEvent) => {
    const field = fieldOf(event);
    if (!field) return;
    const length = field.value.length;
    // A field changed without focus first (by script) counts from empty.
    const delta = length - (lengths.get(field) ?? 0);
    lengths.set(field, length);
    // The service replaces an input type that is not 0 to 48 letters by ''.
    buffer._push(event, TYPE_INPUT, indexOf(field), buffer._string(event.inputType ?? ''), delta);
  });

  listen(document, 'paste', (event: ClipboardEvent) => {
    const field = fieldOf(event);
    buffer._push(event, TYPE_PASTE, field ? indexOf(field) : NaN);
  });

  listen(document, 'submit', (event: SubmitEvent) => buffer._push(event, TYPE_SUBMIT, (event.target as HTMLFormElement).elements.length));
}

/** Returns the field's index among the document's input, textarea and select elements, in document order. */
export function indexOfField(field: Field): number {
  const index = [...document.querySelectorAll(FIELD)].indexOf(field);
  // `>>> 0` turns -1 (not found) into 2 ** 32 - 1, so a detached field also gets UNPLACED_FIELD.
  return Math.min(index >>> 0, UNPLACED_FIELD);
}

/**
 * Returns the kind of a field: the `type` of an input, else its element name. The service maps
 * kinds that FIELD_KINDS lacks to `other` when it expands the rows.
 */
export function kindOfField(field: Field): string {
  return field.localName === 'input' ? field.type : field.localName;
}
