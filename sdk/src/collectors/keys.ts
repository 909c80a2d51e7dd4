import { TYPE_KEY } from '@telltale/shared/event_rows';

import type { EventBuffer } from '../event_buffer';
import { classifyKey } from '../key_class';
import type { FocusedField } from './fields';
import { listen } from './listen';

/**
 * Records keydown and keyup as timing plus the key's coarse class. `key`, `code` and field
 * values are never stored. The field index comes from the focus collector, not from the DOM.
 */
export function collectKeys(buffer: EventBuffer, focused: FocusedField): void {
  listen(window, 'keydown keyup', (event: KeyboardEvent, phase) => {
    // Key code 229: a key consumed by an IME, as Android soft keyboards report most keys.
    const ime = event.isComposing || event.keyCode === 229 ? 1 : NaN;
    buffer._push(event, TYPE_KEY, phase, classifyKey(event.key), focused._index, event.repeat ? 1 : NaN, ime);
  });
}
