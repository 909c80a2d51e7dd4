import { TYPE_NAV, TYPE_VISIBILITY } from '@telltale/shared/event_rows';

import type { EventBuffer } from '../event_buffer';
import { sanitizePath } from '../page_path';
import { listen } from './listen';

/**
 * Records the page load, History API navigation (by wrapping `pushState` and `replaceState`),
 * back and forward (`popstate`), and visibility changes, starting with the state at load.
 */
export function collectNavigation(buffer: EventBuffer): void {
  const record = (kind: number) => buffer._push(null, TYPE_NAV, kind, buffer._string(sanitizePath(location.pathname)));
  const recordVisibility = () => buffer._push(null, TYPE_VISIBILITY, +(document.visibilityState === 'hidden'));

  record(0);
  recordVisibility();

  (['pushState', 'replaceState'] as const).forEach((name, index) => {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      try {
        record(index + 1);
      } catch {
        // Recording must never break the app's navigation.
      }
    };
  });

  listen(window, 'popstate', () => record(3));
  listen(document, 'visibilitychange', recordVisibility);
}
